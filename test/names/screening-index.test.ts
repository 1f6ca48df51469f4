// The screening index finds listed entities by any spelling, best first, and respects schema.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createScreeningIndex } from "../../src/services/screening.ts";
import { nameMatcher } from "../../src/services/names.ts";

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
