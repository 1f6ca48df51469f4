// The screening index finds listed entities by any spelling, best first, and respects schema.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createScreeningIndex } from "../../src/services/screening.ts";
import { nameMatcher } from "../../src/services/names.ts";
import { compareNormalised, DEFAULT_THRESHOLD } from "../../src/names/similarity.ts";

function index() {
  const ix = createScreeningIndex();
  ix.add({ id: "p1", name: "HLAING, Min Aung", schema: "Person", datasets: ["ofac"] });
  ix.add({ id: "p2", name: "WIN, Soe", schema: "Person", datasets: ["ofac"] });
  ix.add({ id: "p3", name: "WIN, Sein", schema: "Person", datasets: ["ofac"] });
  ix.add({ id: "p4", name: "SHOIGU, Sergei Kuzhugetovich", aliases: ["Шойгу Сергей"], schema: "Person", datasets: ["ofac", "eu"] });
  ix.add({ id: "o1", name: "Myanma Economic Holdings Limited", schema: "Organization", datasets: ["un"] });
  return ix;
}

test("queries in any spelling find the listed entry with an explanation", () => {
  const ix = index();
  for (const [q, id] of [["Senior General Min Aung Hlaing", "p1"], ["Мин Аунг Хлаинг", "p1"], ["Minaung Hlaing", "p1"], ["Sergey Shoygu", "p4"]]) {
    const r = ix.query(q);
    assert.equal(r[0]?.id, id, q);
    assert.ok(r[0].match && r[0].explanation.tokens.length > 0);
  }
  assert.deepEqual(ix.query("Sergey Shoygu")[0].datasets, ["ofac", "eu"]);
});

test("near misses are not returned and schema filters", () => {
  const ix = index();
  assert.deepEqual(ix.query("Min Aung").map((m) => m.id), []);
  assert.deepEqual(ix.query("Soe Win").map((m) => m.id), ["p2"]);
  assert.deepEqual(ix.query("Myanma Economic Holdings", { schema: "Person" }), []);
  assert.equal(ix.query("Myanma Economic Holdings Ltd", { schema: "Organization" })[0]?.id, "o1");
});

test("a very common token still counts: among many names sharing the rare token, the full name wins", () => {
  const ix = createScreeningIndex();
  // "Minna" is in more than 20,000 names, so it only scores; "Lefort" finds the candidates.
  for (let i = 0; i < 21_000; i++) ix.add({ id: `m${i}`, name: `Minna Q${i.toString(36)}x`, schema: "Person", datasets: ["t"] });
  // Thirty bare "Lefort" entries would fill the candidate list if "Minna" added nothing.
  for (let i = 0; i < 30; i++) ix.add({ id: `l${i}`, name: "Lefort", schema: "Person", datasets: ["t"] });
  ix.add({ id: "target", name: "LEFORT, Minna", schema: "Person", datasets: ["t"] });
  const r = ix.query("Minna Lefort");
  assert.equal(r[0]?.id, "target");
  assert.ok(r[0].match);
});

test("on a small index, the best match is the best pairwise comparison over every name", () => {
  // Under 50 names the index has no token frequencies, so its scores are compare()'s.
  const names = ["Min Aung Hlaing", "Soe Win", "Sein Win", "Than Shwe", "Sergei Shoigu", "Sergei Lavrov", "Maung Aye", "Aung San Suu Kyi", "Thein Sein", "Myint Swe"];
  const ix = createScreeningIndex();
  names.forEach((n, i) => ix.add({ id: String(i), name: n, schema: "Person", datasets: ["t"] }));
  const m = nameMatcher();
  for (const q of ["Senior General Min Aung Hliang", "Sergey Shoygu", "Soe Winn", "Than Swe", "Gen. Maung Aye", "Thein Sein", "Sein Thein"]) {
    const best = ix.query(q, { threshold: 0 })[0];
    const pairwise = Math.max(...names.map((n) => m.compare(q, n).score));
    assert.ok(best, q);
    assert.equal(best.score, pairwise, q);
    assert.equal(m.compare(q, names[Number(best.id)]).score, pairwise, q);
  }
});

// A seeded index of names drawn from pools of given and family names, each pool holding several
// spellings of the same names, so that a query meets many names sharing one token (the blocking's
// hard case) and its own name under other spellings.
const GIVEN: string[] = ["Sergei", "Sergey", "Aleksandr", "Alexander", "Mohammed", "Muhammad", "Mohamed", "Maria", "Marie", "Mario", "John", "Jon", "Min", "Soe", "Than", "Zin", "Ali", "Hassan", "Hasan", "Yusuf", "Jusuf", "Vladimir", "Wladimir", "Dmitri", "Dmitriy", "Peter", "Pieter", "Olga", "Ivan", "Iwan"];
const FAMILY: string[] = ["Shoigu", "Shoygu", "Putin", "Lavrov", "Ivanov", "Ivanow", "Petrov", "Smith", "Smyth", "Schmidt", "Hlaing", "Aung", "Kyaw", "Tun", "Assad", "Haddad", "Lefort", "Dupont", "Rossi", "Russo", "Kowalski", "Nowak", "Novak", "Tanaka", "Chen", "Nguyen", "Garcia", "Lopez", "Lopes", "Fernandez"];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function pooledNames(n: number, r: () => number, family = FAMILY): string[] {
  const pick = (a: string[]) => a[Math.floor(r() * a.length)];
  return Array.from({ length: n }, () => {
    const k = r();
    return k < 0.5 ? `${pick(GIVEN)} ${pick(family)}` : k < 0.8 ? `${pick(GIVEN)} ${pick(GIVEN)} ${pick(family)}` : `${pick(family).toUpperCase()}, ${pick(GIVEN)}`;
  });
}

/** Every entity scoring at least the threshold, by comparing the query with each indexed name (the index's token weights). */
function fullScan(ix: ReturnType<typeof createScreeningIndex>, names: string[], query: string): { id: string; score: number }[] {
  const m = nameMatcher();
  const q = m.normalise(query);
  return names
    .map((n, i) => ({ id: String(i), score: compareNormalised(q, m.normalise(n), m.keyOf, { stats: ix.stats }).score }))
    .filter((x) => x.score >= DEFAULT_THRESHOLD)
    .sort((a, b) => b.score - a.score || Number(a.id) - Number(b.id));
}

test("the index returns what a full scan with the matcher returns, under misspellings of every kind", () => {
  const r = rng(5);
  const names = pooledNames(1200, r);
  const ix = createScreeningIndex();
  names.forEach((n, i) => ix.add({ id: String(i), name: n, schema: "Person", datasets: ["t"] }));
  const misspell = (s: string) => {
    const i = 1 + Math.floor(r() * (s.length - 3));
    const ops = [
      () => s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2), // letters swapped
      () => s.slice(0, i) + s.slice(i + 1), // a letter dropped
      () => s.slice(0, i) + s[i] + s.slice(i), // a letter doubled
      () => s.replace(/ (\S+) /, " $1"), // two of three tokens joined
      () => s.split(" ").reverse().join(" "), // order changed
    ];
    return ops[Math.floor(r() * ops.length)]();
  };
  const queries = [...Array.from({ length: 24 }, () => misspell(names[Math.floor(r() * names.length)])), "Olga Petrova", "Maria Nowak", "Iwan Smyth", "Xavier Quintana"];
  for (const q of queries) {
    const scan = fullScan(ix, names, q);
    // Equal scores as shown (rounded) may rank either way.
    const got = ix
      .query(q, { limit: 100 })
      .map((x) => ({ id: x.id, score: x.score }))
      .sort((a, b) => b.score - a.score || Number(a.id) - Number(b.id));
    // The index scores its 24 heaviest names: every match when there are fewer, else the best ones.
    if (scan.length <= 10) assert.deepEqual(got, scan, q);
    else assert.deepEqual(got.slice(0, 5), scan.slice(0, 5), q);
  }
});

test("each spelling family still finds its name among many names sharing its tokens", () => {
  // The fillers share the targets' given names (and Aung, Hlaing), not their family names.
  const filler = pooledNames(4000, rng(9), FAMILY.filter((f) => !/^(Shoi|Shoy|Put)/.test(f)));
  const targets = ["Min Aung Hlaing", "SHOIGU, Sergei Kuzhugetovich", "PUTIN, Vladimir Vladimirovich", "Zin Mar Aung", "Mohamed Ali", "Aleksandr Lukashenko"];
  const ix = createScreeningIndex();
  const names = [...filler, ...targets];
  names.forEach((n, i) => ix.add({ id: String(i), name: n, schema: "Person", datasets: ["t"] }));
  const id = (t: string) => String(filler.length + targets.indexOf(t));
  // Other names of the pools may match as well (Sergey Shoygu is there too): the target must be among the matches.
  for (const [q, t] of [
    ["Min Aung Hlaing", "Min Aung Hlaing"], // exact
    ["Sen. Gen. Min Aung Hliang", "Min Aung Hlaing"], // rank, letters swapped
    ["Minaung Hlaing", "Min Aung Hlaing"], // joined
    ["Мин Аунг Хлаинг", "Min Aung Hlaing"], // Cyrillic
    ["Zinmar Aung", "Zin Mar Aung"], // split
    ["Sergey Kuzhugetovich Shoygu", "SHOIGU, Sergei Kuzhugetovich"], // phonetic variants, order
    ["Vladimir Poutine", "PUTIN, Vladimir Vladimirovich"], // French spelling
    ["محمد علي", "Mohamed Ali"], // Arabic script, consonant skeleton
    ["Alexander Lukashenko", "Aleksandr Lukashenko"], // x / ks
    ["Aleksandr Lukahsenko", "Aleksandr Lukashenko"], // letters swapped
  ]) {
    const got = ix.query(q, { limit: 30 });
    const scan = fullScan(ix, names, q);
    assert.ok(got.some((x) => x.id === id(t)), q);
    assert.ok(scan.length <= 20, q);
    assert.deepEqual(new Set(got.map((x) => x.id)), new Set(scan.map((x) => x.id)), q);
  }
});

test("long names and queries of more than 32 token groups are searched like short ones", () => {
  const words = "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu amber basalt cobalt dune ember flint granite".split(" ");
  const ix = createScreeningIndex();
  pooledNames(300, rng(3)).forEach((n, i) => ix.add({ id: `p${i}`, name: n, schema: "Person", datasets: ["t"] }));
  ix.add({ id: "long", name: words.join(" "), schema: "Organization", datasets: ["t"] });
  ix.add({ id: "fourteen", name: words.slice(0, 14).join(" "), schema: "Organization", datasets: ["t"] });
  const typo = [...words];
  typo[5] = "foxtrtot";
  assert.ok(words.length > 32);
  assert.equal(ix.query(typo.join(" "))[0]?.id, "long");
  assert.equal(ix.query(words.slice(0, 14).join(" "))[0]?.id, "fourteen");
  // Adding after a query rebuilds the postings.
  ix.add({ id: "late", name: "Quintus Fabius Maximus", schema: "Person", datasets: ["t"] });
  assert.equal(ix.query("Quintus Fabius Maximus")[0]?.id, "late");
});

test("among names of equal blocking weight, a name with every token matched is scored before lighter names with a token left over", () => {
  // "Bergh" and "Bergg" share Berg's phonetic key, so "Anna Bergg Zed" weighs as much as "Anna Berg" for
  // the query; with two common tokens it is lighter, and there are more of them than candidates.
  const ix = createScreeningIndex();
  for (let i = 0; i < 300; i++) ix.add({ id: `f${i}`, name: "Anna Bergg Zed", schema: "Person", datasets: ["t"] });
  for (let i = 0; i < 700; i++) ix.add({ id: `o${i}`, name: `Oskar Q${i.toString(36)}x`, schema: "Person", datasets: ["t"] });
  ix.add({ id: "target", name: "Anna Berg", schema: "Person", datasets: ["t"] });
  const r = ix.query("Anna Bergh", { limit: 50 });
  assert.equal(r[0]?.id, "target");
});

test("two adjacent letters swapped are found even when the swap changes the token's phonetic key or the key is short", () => {
  // Every target shares each of its tokens with many fillers, and more fillers than the index scores: only the swapped token tells them apart.
  const targets = ["Margarida Vicente", "Siri Halvorsen", "Cecilia Zwetkow", "Joaquim Schechter", "Phoebe Maxwell"];
  const names = pooledNames(3000, rng(11));
  for (const t of targets) {
    const [a, b] = t.split(" ");
    for (const f of FAMILY) names.push(`${a} ${f}`, `${a} ${f}${a.length}`);
    for (const g of GIVEN) names.push(`${g} ${b}`, `${g}${b.length} ${b}`);
  }
  names.push(...targets);
  const ix = createScreeningIndex();
  names.forEach((n, i) => ix.add({ id: String(i), name: n, schema: "Person", datasets: ["t"] }));
  const m = nameMatcher();
  let keyChanged = 0;
  for (const t of targets) {
    const id = String(names.indexOf(t));
    for (let i = 1; i + 1 < t.length; i++) {
      if (t[i] === " " || t[i + 1] === " " || t[i].toLowerCase() === t[i + 1].toLowerCase()) continue;
      const q = t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
      const scan = fullScan(ix, names, q);
      if (!scan.some((x) => x.id === id)) continue;
      const changed = m.normalise(q).tokens.some((tok, j) => tok.key !== m.normalise(t).tokens[j].key);
      if (changed) keyChanged++;
      assert.ok(ix.query(q, { limit: 30 }).some((x) => x.id === id), q);
    }
  }
  // Swaps that change a token's phonetic key (beyond the reach of the key's edit neighbours for some) are among those checked.
  assert.ok(keyChanged > 10);
  assert.equal(ix.query("Margarida Viecnte")[0]?.id, String(names.indexOf("Margarida Vicente")));
  assert.equal(ix.query("Siir Halvorsen")[0]?.id, String(names.indexOf("Siri Halvorsen")));
});

test("two common names typed as one word find the name among many holding one of them", () => {
  // Every filler holds "Ali" or "Smith" (or Olga, Kowalski), the bare ones lighter than the target and with no token left over,
  // and there are more of them than the index scores: only holding both tells the target apart.
  const names = pooledNames(2000, rng(13));
  for (let i = 0; i < 60; i++) names.push(`Ali ${FAMILY[i % FAMILY.length]}${i}`, `${GIVEN[i % GIVEN.length]}${i} Smith`);
  for (let i = 0; i < 30; i++) names.push("Ali", "Smith", "Olga", "Kowalski");
  names.push("Ali Smith", "Olga Kowalski");
  const ix = createScreeningIndex();
  names.forEach((n, i) => ix.add({ id: String(i), name: n, schema: "Person", datasets: ["t"] }));
  for (const [q, t] of [["AliSmith", "Ali Smith"], ["OlgaKowalski", "Olga Kowalski"]]) {
    const id = String(names.indexOf(t));
    assert.ok(fullScan(ix, names, q).some((x) => x.id === id), q);
    assert.equal(ix.query(q)[0]?.id, id, q);
  }
});
