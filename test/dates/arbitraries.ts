// fast-check generators of valid EDTF strings for the date tests (not a test file itself).
import fc from "fast-check";
import { daysInMonth } from "../../src/dates/index.ts";

export interface PointSpec {
  year: number;
  month?: number;
  day?: number;
  q: "" | "?" | "~" | "%";
}

export const pointSpec = (years: [number, number] = [2018, 2024]): fc.Arbitrary<PointSpec> =>
  fc
    .record({
      year: fc.integer({ min: years[0], max: years[1] }),
      month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
      day: fc.integer({ min: 1, max: 31 }),
      useDay: fc.boolean(),
      q: fc.constantFrom("" as const, "" as const, "" as const, "?" as const, "~" as const, "%" as const),
    })
    .map(({ year, month, day, useDay, q }) => {
      const spec: PointSpec = { year, q };
      if (month !== undefined) {
        spec.month = month;
        if (useDay) spec.day = Math.min(day, daysInMonth(year, month));
      }
      return spec;
    });

export function pointText(p: PointSpec): string {
  let s = String(p.year);
  if (p.month !== undefined) s += "-" + String(p.month).padStart(2, "0");
  if (p.day !== undefined) s += "-" + String(p.day).padStart(2, "0");
  return s + p.q;
}

/** Nominal first day, as a comparable string key, to keep generated intervals in order. */
function firstKey(p: PointSpec): string {
  return `${p.year}-${String(p.month ?? 1).padStart(2, "0")}-${String(p.day ?? 1).padStart(2, "0")}`;
}
function lastKey(p: PointSpec): string {
  const m = p.month ?? 12;
  return `${p.year}-${String(m).padStart(2, "0")}-${String(p.day ?? daysInMonth(p.year, m)).padStart(2, "0")}`;
}

/** A valid EDTF string: a single date, or an interval with dated, open or unknown ends. */
export const edtfString = (opts: { openEnds?: boolean; years?: [number, number] } = {}): fc.Arbitrary<string> => {
  type End = { p?: PointSpec; t: string };
  const single = pointSpec(opts.years).map(pointText);
  const dated: fc.Arbitrary<End> = pointSpec(opts.years).map((p) => ({ p, t: pointText(p) }));
  const undated: fc.Arbitrary<End> = fc.constantFrom<End>({ t: ".." }, { t: "" });
  const end = opts.openEnds === false ? dated : fc.oneof({ weight: 4, arbitrary: dated }, { weight: 1, arbitrary: undated });
  const interval = fc.tuple(end, end).filter(([a, b]) => (a.p !== undefined || b.p !== undefined)).map(([a, b]) => {
    if (a.p && b.p && firstKey(a.p) > lastKey(b.p)) [a, b] = [b, a];
    return `${a.t}/${b.t}`;
  });
  return fc.oneof(single, interval);
};
