import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates, referenceDate } from "../../src/extract/dates.ts";

const dates = (s: string, published = "2022-05-10") => findDates(s, { start: 0, end: s.length }, referenceDate(published)).map((d) => d.edtf);

test("a bare year has year precision, a month and year month precision", () => {
  assert.deepEqual(dates("In 2021, the group met."), ["2021"]);
  assert.deepEqual(dates("In June 2021, the group met."), ["2021-06"]);
});

test("a day range becomes an interval, in the past of the published date", () => {
  assert.deepEqual(dates("the June 29-30 meeting"), ["2021-06-29/2021-06-30"]);
  assert.deepEqual(dates("on 20–21 July", "2023-08-01"), ["2023-07-20/2023-07-21"]);
});

test("relative dates resolve against the published date", () => {
  assert.deepEqual(dates("last month", "2023-04-15"), ["2023-03"]);
});

test("year ranges and 'since' give intervals", () => {
  assert.deepEqual(dates("From 2015-2019, they led it."), ["2015/2019"]);
  assert.deepEqual(dates("officers trained since 2001"), ["2001/.."]);
});

test("money and modal 'may' are not dates", () => {
  assert.deepEqual(dates("It may cost $2021 more."), []);
});
