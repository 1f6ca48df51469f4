import { test } from "node:test";
import assert from "node:assert/strict";
import { ofacDateToEdtf, parseOfacRemarks } from "../../src/io/lists/ofac-remarks.ts";

test("OFAC date phrases become EDTF at the precision given", () => {
  assert.equal(ofacDateToEdtf("03 Jul 1956"), "1956-07-03");
  assert.equal(ofacDateToEdtf("3 Jul 1956"), "1956-07-03");
  assert.equal(ofacDateToEdtf("Jul 1956"), "1956-07");
  assert.equal(ofacDateToEdtf("1956"), "1956");
  assert.equal(ofacDateToEdtf("circa 1956"), "1956~");
  assert.equal(ofacDateToEdtf("1956 to 1958"), "1956/1958");
  assert.equal(ofacDateToEdtf("sometime"), null);
});

test("remarks yield birth dates, places, nationality, gender and identity documents", () => {
  const r = parseOfacRemarks("DOB 01 Feb 1960; alt. DOB 1961; POB Yangon, Burma; nationality Burma; citizen Thailand; Gender Female; Passport AB123 (Burma); Linked To: SOME CO.");
  assert.deepEqual(r.birthDate, ["1960-02-01"]);
  assert.deepEqual(r.birthPlace, ["Yangon, Burma"]);
  assert.deepEqual(r.nationality, ["Burma"]);
  assert.deepEqual(r.citizenship, ["Thailand"]);
  assert.deepEqual(r.gender, ["female"]);
  assert.deepEqual(r.listIds, ["Passport AB123 (Burma)"]);
});

test("several DOB parts are all kept, and quoted aliases may contain semicolons", () => {
  const r = parseOfacRemarks("DOB 1970; DOB circa 1972; a.k.a. 'ALPHA; BETA'.");
  assert.deepEqual(r.birthDate, ["1970", "1972~"]);
  assert.deepEqual(r.aliases, ["ALPHA; BETA"]);
});

test("empty remarks give empty fields", () => {
  const r = parseOfacRemarks(null);
  assert.deepEqual(r.birthDate, []);
  assert.deepEqual(r.listIds, []);
});
