// Comparison with precision: each date is a set of possible spans of days; "certain" when
// every choice satisfies the relation, "possible" when some does, "no" when none does.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { before, after, overlaps, compareForSort, parseEdtf, daysInMonth, type Likelihood } from "../../src/dates/index.ts";
import { edtfString, pointSpec, pointText, type PointSpec } from "./arbitraries.ts";

test("the examples from the design", () => {
  assert.equal(before("2021", "2021-06-29"), "possible");
  assert.equal(before("2020", "2021-06"), "certain");
  assert.equal(before("2021-06", "2020"), "no");
  assert.equal(after("2021-06", "2020"), "certain");
});

test("before and after on days, months, intervals and open ends", () => {
  assert.equal(before("2021-06-29", "2021-06-30"), "certain");
  assert.equal(before("2021-06-29", "2021-06-29"), "no", "the same day is not before itself");
  assert.equal(before("2021-06", "2021-06-15"), "possible");
  assert.equal(before("2021-06-29/2021-06-30", "2021-07"), "certain");
  assert.equal(before("2021-06-29/2021-06-30", "2021-06-30"), "no", "an interval ends on its last day");
  assert.equal(before("2021/2023", "2023-06"), "possible");
  assert.equal(before("2021/2023", "2022"), "no", "it ends in 2023, after 2022 began");
  assert.equal(before("2024/..", "2030"), "no", "an open end never finishes");
  assert.equal(before("2021/", "2030"), "possible", "an unknown end may or may not come before");
  assert.equal(before("../2021", "2022"), "certain");
  assert.equal(after("2024/..", "2023"), "certain");
  assert.equal(before("2020~", "2021-06"), "possible", "an approximate year may spill into the next");
  assert.equal(before("2019?", "2021-06"), "certain", "widening by one year still ends before");
});

test("overlaps", () => {
  assert.equal(overlaps("2021-06-29", "2021-06-29"), "certain");
  assert.equal(overlaps("2021-06-29/2021-06-30", "2021-06-30"), "certain");
  assert.equal(overlaps("2021", "2021-06-29"), "possible", "a year may or may not include a given day");
  assert.equal(overlaps("2021", "2022"), "no");
  assert.equal(overlaps("2021/2023", "2022"), "certain", "a span covering a whole year overlaps it");
  assert.equal(overlaps("2021/2023", "2022-05-05"), "certain");
  assert.equal(overlaps("2024/..", "2030"), "certain");
  assert.equal(overlaps("2024/", "2030"), "possible");
  assert.equal(overlaps("../2021", "2020"), "certain");
  assert.equal(overlaps("2021-06~", "2021-07-01"), "possible");
});

test("compareForSort orders by earliest, then latest", () => {
  const dates = ["2022", "2021-06-29", "2021", "../2020", "2021-06", "2021/..", "2021-06-29/2021-06-30", "2021~"];
  const sorted = [...dates].sort(compareForSort);
  assert.deepEqual(sorted, ["../2020", "2021~", "2021", "2021/..", "2021-06", "2021-06-29", "2021-06-29/2021-06-30", "2022"]);
  assert.equal(compareForSort("2021", "2021"), 0);
});

const date = edtfString();

test("property: before is antisymmetric", () => {
  fc.assert(
    fc.property(date, date, (a, b) => {
      if (before(a, b) === "certain") assert.equal(before(b, a), "no");
      if (before(a, b) !== "no") assert.notEqual(before(b, a), "certain");
      assert.equal(after(a, b), before(b, a));
    }),
    { numRuns: 2000 },
  );
});

test("property: before is consistent with overlap", () => {
  fc.assert(
    fc.property(date, date, (a, b) => {
      if (before(a, b) === "certain" || after(a, b) === "certain") assert.equal(overlaps(a, b), "no");
      if (overlaps(a, b) === "certain") {
        assert.equal(before(a, b), "no");
        assert.equal(after(a, b), "no");
      }
      // Every pair of spans is before, after or overlapping: the three can't all be ruled out.
      assert.ok(before(a, b) !== "no" || after(a, b) !== "no" || overlaps(a, b) !== "no");
      assert.equal(overlaps(a, b), overlaps(b, a));
    }),
    { numRuns: 2000 },
  );
});

test("property: a date compares to itself consistently", () => {
  fc.assert(
    fc.property(date, (a) => {
      assert.notEqual(overlaps(a, a), "no");
      assert.notEqual(before(a, a), "certain");
      assert.equal(compareForSort(a, a), 0);
    }),
  );
});

/** A date inside p's nominal range at the same or finer precision, without qualifier. */
function refinePoint(p: PointSpec, m: number, d: number): PointSpec {
  const month = p.month ?? m;
  const day = p.day ?? Math.min(d, daysInMonth(p.year, month));
  return { year: p.year, month, day, q: "" };
}

test("property: refining a date keeps certain answers certain and impossible ones impossible", () => {
  const refinable = fc.tuple(pointSpec(), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), date);
  fc.assert(
    fc.property(refinable, ([p, m, d, b]) => {
      const coarse = pointText(p);
      const fine = pointText(refinePoint(p, m, d));
      for (const rel of [before, after, overlaps]) {
        const wide = rel(coarse, b);
        const narrow = rel(fine, b);
        if (wide === "certain") assert.equal(narrow, "certain", `${rel.name}(${fine}, ${b}) refines ${coarse}`);
        if (wide === "no") assert.equal(narrow, "no", `${rel.name}(${fine}, ${b}) refines ${coarse}`);
      }
    }),
    { numRuns: 2000 },
  );
});

test("property: two plain days are never merely possible", () => {
  const day = pointSpec().map((p) => pointText(refinePoint(p, 6, 15)));
  fc.assert(
    fc.property(day, day, (a, b) => {
      for (const rel of [before, after, overlaps]) assert.notEqual(rel(a, b), "possible");
    }),
  );
});

/** Days a single EDTF date may denote, computed here with the platform calendar. */
function daysOf(text: string): [number, number] {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/.exec(text)!;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
  const w = m[4] ? 1 : 0;
  const day = (t: number) => Math.round(t / 86400000);
  if (mo === undefined) return [day(Date.UTC(y - w, 0, 1)), day(Date.UTC(y + w + 1, 0, 1)) - 1];
  if (d === undefined) return [day(Date.UTC(y, mo - 1 - w, 1)), day(Date.UTC(y, mo + w, 1)) - 1];
  return [day(Date.UTC(y, mo - 1, d - w)), day(Date.UTC(y, mo - 1, d + w))];
}

/**
 * Brute force over a small calendar: enumerate every end day of a and start day of b the
 * dates allow (an end no earlier than the earliest start, a start no later than the latest
 * end) and check `before` against its definition.
 */
test("property: before agrees with enumeration of possible days", () => {
  const small = edtfString({ openEnds: false, years: [2020, 2021] });
  const ends = (t: string) => (t.includes("/") ? t.split("/") : [t, t]).map(daysOf) as [[number, number], [number, number]];
  fc.assert(
    fc.property(small, small, (a, b) => {
      const [aStart, aEnd] = ends(a);
      const [bStart, bEnd] = ends(b);
      let all = true;
      let some = false;
      for (let e = Math.max(aEnd[0], aStart[0]); e <= aEnd[1]; e++) {
        for (let s = bStart[0]; s <= Math.min(bStart[1], bEnd[1]); s++) {
          if (e < s) some = true;
          else all = false;
        }
      }
      const expected: Likelihood = all ? "certain" : some ? "possible" : "no";
      assert.equal(before(a, b), expected, `before(${a}, ${b})`);
    }),
    { numRuns: 300 },
  );
});
