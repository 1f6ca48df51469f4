// Key match and non-match cases at the default threshold, and the explanation's shape.
import { test } from "node:test";
import assert from "node:assert/strict";
import { nameMatcher } from "../../src/services/names.ts";
import { DEFAULT_THRESHOLD } from "../../src/names/similarity.ts";

const m = nameMatcher();
const matches = (a: string, b: string) => m.compare(a, b).score >= DEFAULT_THRESHOLD;
/** Each pair matches (or, with `expected` false, does not), the score shown when it fails. */
const expectMatch = (pairs: [string, string][], expected = true) => {
  for (const [a, b] of pairs) assert.equal(matches(a, b), expected, `${a} ${expected ? "~" : "!~"} ${b}: ${m.compare(a, b).score}`);
};

test("ranks, typos, Cyrillic, joined tokens and order still match", () => {
  expectMatch([
    ["Sen. Gen. Min Aung Hliang", "Min Aung Hlaing"],
    ["Мин Аунг Хлаинг", "Min Aung Hlaing"],
    ["Minaung Hlaing", "HLAING, Min Aung"],
    ["Zinmar Aung", "Zin Mar Aung"],
    ["Sergey Shoygu", "SHOIGU, Sergei Kuzhugetovich"],
    ["Vladimir Poutine", "PUTIN, Vladimir Vladimirovich"],
    ["محمد علي", "Mohamed Ali"],
  ]);
});

test("a vowel written for another (e/i, o/u, a/e) is a transliteration in a long token, a different name in a short one", () => {
  expectMatch([
    ["Osama bin Laden", "Usama bin Ladin"],
    ["Ahmed Hassan", "Ahmad Hasan"],
    ["Hamid Karimi", "Hamed Karimi"],
  ]);
  expectMatch([
    ["Myint Swe", "Myint Swa"],
    ["Soe Htut", "Soe Htet"],
  ], false);
  // Half an edit: one swapped vowel costs less than one changed consonant.
  assert.ok(m.compare("Laden", "Ladin").score > m.compare("Laden", "Laven").score);
});

test("an initial credits the name it stands for only as much as the initial weighs", () => {
  expectMatch([["Alf Ahmed", "Ahmed, A"]], false);
  assert.ok(m.compare("M. A. Hlaing", "Min Aung Hlaing").score < m.compare("Min A. Hlaing", "Min Aung Hlaing").score);
});

test("a name that starts with a word both honorific and name matches either way", () => {
  expectMatch([
    ["Bo Xilai", "BO, Xilai"],
    ["Ma Xiaotian", "MA, Xiaotian"],
    ["U Thein Sein", "Thein Sein"],
    ["Daw Aung San Suu Kyi", "AUNG SAN SUU KYI"],
  ]);
  assert.deepEqual(m.compare("Bo Xilai", "BO, Xilai").explanation.removed.query, []);
});

test("near misses do not match", () => {
  expectMatch([
    ["Soe Win", "Sein Win"],
    ["Min Aung", "Min Aung Hlaing"],
    ["Than Shwe", "Than Htay"],
    ["Maung Maung Kyaw", "Maung Kyaw"],
    ["Vladimir Putin", "Vladimir Pugin"],
  ], false);
});

test("birth dates and nationality support or count against", () => {
  const base = m.compare("Sergey Shoygu", "Sergei Shoigu").score;
  const same = m.compare("Sergey Shoygu", "Sergei Shoigu", { query: { birthDates: ["1955"] }, candidate: { birthDates: ["1955-05-21"] } });
  const diff = m.compare("Sergey Shoygu", "Sergei Shoigu", { query: { birthDates: ["1980"] }, candidate: { birthDates: ["1955-05-21"] } });
  assert.ok(same.score > base && diff.score < base);
  assert.equal(diff.explanation.dob.verdict, "different");
});

test("every score explains its features", () => {
  const r = m.compare("Senior General Min Aung Hlaing", "HLAING, Min Aung");
  for (const k of ["tokens", "rareTokenWeight", "unmatchedPenalty", "dob", "nationality", "script"]) assert.ok(k in r.explanation, k);
  assert.deepEqual(r.explanation.removed.query, ["senior general"]);
  assert.ok(r.score >= 0 && r.score <= 1);
});

// The screening index skips a name's full alignment when an upper bound of its score is below
// the threshold; these bounds must never be below the similarity they stand for.
test("shape bounds never underestimate a similarity, and 'surely' zero tests are only ever right", async () => {
  const fc = (await import("fast-check")).default;
  const { editSimilarity, editSimilarityBound, envelopeOf, joinedSim, joinedSimBound, letterMask, SHAPE, surelyNotJoined, surelyUnlike, tokenFlags, tokenSimilarity, tokenSimilarityBound, unitFlags, units, writeShape } =
    await import("../../src/names/similarity.ts");
  const shape = (flags: number, text: string, key: string) => {
    const s = new Int32Array(SHAPE);
    writeShape(s, 0, flags, text, key);
    return s;
  };
  // Names from a small alphabet so that near spellings (and equal letters in another order) are common; some in Arabic script,
  // initials, or Hangul (syllables whose spellings the alphabet can write: 김 kim, 이 lee, 순 soon, 석 suk, 주 joo, 연 yun).
  const word = fc.string({ unit: fc.constantFrom(..."aeiouyhkstrnmldjzxcqw"), minLength: 1, maxLength: 9 });
  const script = fc.constantFrom("", "", "", "محمد ", "x ", "김이 ", "순석 ", "주연 ");
  const name = fc.tuple(script, fc.array(word, { minLength: 2, maxLength: 3 })).map(([s, ws]) => s + ws.join(" "));
  // A second name: another one, or the first misspelt (letters swapped, changed, dropped, added, repeated; a space dropped or added).
  const edit = (n: string, op: number, at: number, c: string) => {
    const i = at % Math.max(1, n.length - 1);
    return [
      n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2),
      n.slice(0, i) + c + n.slice(i + 1),
      n.slice(0, i) + n.slice(i + 1),
      n.slice(0, i) + c + n.slice(i),
      n.slice(0, i) + n[i].repeat(1 + (at % 4)) + n.slice(i),
      n.replace(" ", ""),
      n.slice(0, i) + " " + n.slice(i),
    ][op];
  };
  const edits = fc.array(fc.tuple(fc.nat(6), fc.nat(40), fc.constantFrom(..."aeiouyhkstrn")), { maxLength: 3 });
  // A Hangul name against a Latin spelling of it, misspelt.
  const korean = fc.constantFrom<[string, string]>(["김이순", "Kim Lee-soon"], ["주연석", "Joo Yunsuk"], ["이순주", "Rhee Soon Ju"], ["석김", "Suk Kim"]);
  const pair = fc.oneof(
    fc.tuple(name, name),
    fc.tuple(name, edits).map(([n, es]) => [n, es.reduce((x, [op, at, c]) => edit(x, op, at, c), n)] as [string, string]),
    fc.tuple(korean, edits).map(([[h, l], es]) => [h, es.reduce((x: string, [op, at, c]) => edit(x, op, at, c), l)] as [string, string]),
  );
  // The envelope of the spellings of whichever of two is a Hangul syllable (or unit) when the other is not.
  const spelledOf = (x: { spellings: readonly { text: string; key: string }[] | null }, y: { spellings: unknown }) =>
    (x.spellings === null) === (y.spellings === null) ? null : envelopeOf((x.spellings ?? y.spellings) as { text: string; key: string }[]);
  fc.assert(
    fc.property(pair, ([n1, n2]) => {
      const a = m.normalise(n1).tokens, b = m.normalise(n2).tokens;
      for (const x of a) {
        for (const y of b) {
          const sx = shape(tokenFlags(x), x.text, x.key), sy = shape(tokenFlags(y), y.text, y.key);
          const sim = tokenSimilarity(x, y).sim;
          assert.ok(tokenSimilarityBound(sx, 0, sy, 0) >= sim, `${x.text} ${y.text}`);
          assert.ok(tokenSimilarityBound(sx, 0, sy, 0, spelledOf(x, y)) >= sim, `${x.text} ${y.text} (spellings)`);
          if (surelyUnlike(sx, 0, sy, 0)) assert.equal(sim, 0, `${x.text} ${y.text}`);
          assert.ok(editSimilarityBound(x.text.length, letterMask(x.text), y.text.length, letterMask(y.text)) >= editSimilarity(x.text, y.text));
        }
      }
      for (const u of units(a, m.keyOf)) {
        const su = shape(unitFlags(u), u.text, u.key);
        for (const y of b) {
          const sy = shape(tokenFlags(y), y.text, y.key), sim = joinedSim(u, y);
          assert.ok(joinedSimBound(su, 0, sy, 0) >= sim, `${u.text} ${y.text}`);
          assert.ok(joinedSimBound(su, 0, sy, 0, spelledOf(u, y)) >= sim, `${u.text} ${y.text} (spellings)`);
          if (surelyNotJoined(su, 0, sy, 0)) assert.equal(sim, 0, `${u.text} ${y.text}`);
        }
      }
    }),
    { numRuns: 3000, seed: 11 },
  );
});
