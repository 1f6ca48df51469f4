// Parsing and formatting EDTF level 1: what is accepted, what each value spans, and the
// builders the extractor uses.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseEdtf, isEdtf, formatEdtf, edtfFromParts, edtfInterval, dayToIso, dayNumber, calendarDate } from "../../src/dates/index.ts";
import { DossierError } from "../../src/errors/index.ts";
import { edtfString } from "./arbitraries.ts";

function span(s: string): [string, string] {
  const d = parseEdtf(s);
  return [dayToIso(d.earliest), dayToIso(d.latest)];
}

test("single dates span their year, month or day", () => {
  assert.deepEqual(span("2021"), ["2021-01-01", "2021-12-31"]);
  assert.deepEqual(span("2021-06"), ["2021-06-01", "2021-06-30"]);
  assert.deepEqual(span("2020-02"), ["2020-02-01", "2020-02-29"]);
  assert.deepEqual(span("2021-06-29"), ["2021-06-29", "2021-06-29"]);
  assert.equal(parseEdtf("2021").precision, "year");
  assert.equal(parseEdtf("2021-06").precision, "month");
  assert.equal(parseEdtf("2021-06-29").precision, "day");
  assert.equal(parseEdtf("2021-06-29").interval, false);
});

test("intervals keep both ends, with their own precision", () => {
  const d = parseEdtf("2021-06-29/2021-06-30");
  assert.equal(d.interval, true);
  assert.equal(d.start.kind, "date");
  assert.equal(d.end.kind, "date");
  assert.deepEqual(span("2021-06-29/2021-06-30"), ["2021-06-29", "2021-06-30"]);
  assert.deepEqual(span("2021/2023"), ["2021-01-01", "2023-12-31"]);
  const mixed = parseEdtf("2021/2022-03-04");
  assert.equal(mixed.precision, "year", "an interval's precision is its coarsest end");
  assert.equal(dayToIso(mixed.latestStart), "2021-12-31");
  assert.equal(dayToIso(mixed.earliestEnd), "2022-03-04");
});

test("open ends are infinite, unknown ends are unbounded but not ongoing", () => {
  const open = parseEdtf("2024/..");
  assert.equal(open.end.kind, "open");
  assert.equal(open.latest, Infinity);
  assert.equal(open.earliestEnd, Infinity, "an open end extends without limit");
  const openStart = parseEdtf("../2021");
  assert.equal(openStart.start.kind, "open");
  assert.equal(openStart.earliest, -Infinity);
  const unknown = parseEdtf("2021/");
  assert.equal(unknown.end.kind, "unknown");
  assert.equal(unknown.latest, Infinity);
  assert.equal(dayToIso(unknown.earliestEnd), "2021-01-01", "an unknown end may be as early as the start");
  assert.equal(parseEdtf("/2021").start.kind, "unknown");
});

test("qualifiers mark the date and widen it by one unit either side", () => {
  const u = parseEdtf("2021?");
  assert.equal(u.uncertain, true);
  assert.equal(u.approximate, false);
  const a = parseEdtf("2021~");
  assert.equal(a.approximate, true);
  assert.equal(a.uncertain, false);
  const both = parseEdtf("2021%");
  assert.equal(both.uncertain && both.approximate, true);
  assert.deepEqual(span("2021~"), ["2020-01-01", "2022-12-31"]);
  assert.deepEqual(span("2021-01?"), ["2020-12-01", "2021-02-28"]);
  assert.deepEqual(span("2021-03-01~"), ["2021-02-28", "2021-03-02"]);
  assert.deepEqual(span("2021-06?/2021-08"), ["2021-05-01", "2021-08-31"]);
});

test("invalid values throw INVALID_DATE naming the value", () => {
  for (const bad of ["", "21", "2021-6", "2021-13", "2021-00", "2021-02-29", "2021-06-31", "June 2021", "2021??", "2022/2021", "../..", "/", "2021/2022/2023", "2021-06-29T10:00", " 2021", "-2021", "Y12345", "2021-21"]) {
    assert.throws(
      () => parseEdtf(bad),
      (e: unknown) => e instanceof DossierError && e.code === "INVALID_DATE" && e.message.includes(JSON.stringify(bad)),
      `expected ${JSON.stringify(bad)} to be rejected`,
    );
    assert.equal(isEdtf(bad), false);
  }
  assert.equal(isEdtf(2021), false);
  assert.equal(isEdtf(null), false);
  assert.equal(isEdtf("2024-02-29"), true);
});

test("builders make canonical EDTF from parts and ends", () => {
  assert.equal(edtfFromParts({ year: 2021 }), "2021");
  assert.equal(edtfFromParts({ year: 2021, month: 6 }), "2021-06");
  assert.equal(edtfFromParts({ year: 2021, month: 6, day: 9 }), "2021-06-09");
  assert.equal(edtfFromParts({ year: 2021, approximate: true }), "2021~");
  assert.equal(edtfFromParts({ year: 2021, month: 6, uncertain: true, approximate: true }), "2021-06%");
  assert.throws(() => edtfFromParts({ year: 2021, day: 3 }), (e: unknown) => e instanceof DossierError && e.code === "INVALID_DATE");
  assert.throws(() => edtfFromParts({ year: 2021, month: 2, day: 30 }), (e: unknown) => e instanceof DossierError && e.code === "INVALID_DATE");
  assert.equal(edtfInterval("2021-06-29", "2021-06-30"), "2021-06-29/2021-06-30");
  assert.equal(edtfInterval("2024", ".."), "2024/..");
  assert.equal(edtfInterval("..", "2021"), "../2021");
  assert.equal(edtfInterval("2021", null), "2021/");
  assert.equal(edtfInterval("2021-06-29", "2021-06-29"), "2021-06-29", "equal ends collapse to the date");
  assert.throws(() => edtfInterval("2022", "2021"), (e: unknown) => e instanceof DossierError && e.code === "INVALID_DATE");
  assert.throws(() => edtfInterval("2021/2022", "2023"), (e: unknown) => e instanceof DossierError && e.code === "INVALID_DATE");
});

test("day numbers round-trip through the calendar", () => {
  assert.equal(dayNumber(1970, 1, 1), 0);
  assert.equal(dayToIso(dayNumber(2000, 2, 29)), "2000-02-29");
  fc.assert(
    fc.property(fc.integer({ min: dayNumber(0, 1, 1), max: dayNumber(9999, 12, 31) }), (n) => {
      const { year, month, day } = calendarDate(n);
      assert.equal(dayNumber(year, month, day), n);
    }),
  );
  // Agrees with the platform calendar where that one is trustworthy.
  fc.assert(
    fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }), (d) => {
      const n = Math.floor(d.getTime() / 86400000);
      assert.equal(dayToIso(n), d.toISOString().slice(0, 10));
    }),
  );
});

test("parse and format round-trip", () => {
  fc.assert(
    fc.property(edtfString(), (s) => {
      const d = parseEdtf(s);
      assert.equal(d.text, s);
      assert.equal(formatEdtf(d), s);
      assert.deepEqual(parseEdtf(formatEdtf(d)), d);
    }),
    { numRuns: 500 },
  );
});
