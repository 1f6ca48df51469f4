// Key match and non-match cases at the default threshold, and the explanation's shape.
import { test } from "node:test";
import assert from "node:assert/strict";
import { nameMatcher } from "../../src/services/names.ts";
import { DEFAULT_THRESHOLD } from "../../src/names/similarity.ts";

const m = nameMatcher();
const matches = (a: string, b: string) => m.compare(a, b).score >= DEFAULT_THRESHOLD;

test("ranks, typos, Cyrillic, joined tokens and order still match", () => {
  for (const [a, b] of [
    ["Sen. Gen. Min Aung Hliang", "Min Aung Hlaing"],
    ["Мин Аунг Хлаинг", "Min Aung Hlaing"],
    ["Minaung Hlaing", "HLAING, Min Aung"],
    ["Zinmar Aung", "Zin Mar Aung"],
    ["Sergey Shoygu", "SHOIGU, Sergei Kuzhugetovich"],
    ["Vladimir Poutine", "PUTIN, Vladimir Vladimirovich"],
    ["محمد علي", "Mohamed Ali"],
  ]) assert.ok(matches(a, b), `${a} ~ ${b}: ${m.compare(a, b).score}`);
});

test("near misses do not match", () => {
  for (const [a, b] of [
    ["Soe Win", "Sein Win"],
    ["Min Aung", "Min Aung Hlaing"],
    ["Than Shwe", "Than Htay"],
    ["Maung Maung Kyaw", "Maung Kyaw"],
    ["Vladimir Putin", "Vladimir Pugin"],
  ]) assert.ok(!matches(a, b), `${a} !~ ${b}: ${m.compare(a, b).score}`);
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
