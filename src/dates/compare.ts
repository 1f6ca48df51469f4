/**
 * Comparing EDTF dates that respect precision. Each date stands for one span of days that
 * is only partly known (edtf.ts, EdtfDate); a relation is
 *   "certain"  when it holds for every span the two dates allow,
 *   "possible" when it holds for some but not all,
 *   "no"       when it holds for none.
 * So `2021` before `2021-06-29` is possible, `2020` before `2021-06` is certain. Qualified
 * dates (`?`, `~`, `%`) allow one unit more either side, which only ever weakens answers.
 */
import { parseEdtf, type EdtfDate } from "./edtf.ts";

export type Likelihood = "certain" | "possible" | "no";
export type DateLike = EdtfDate | string;

function asDate(d: DateLike): EdtfDate {
  return typeof d === "string" ? parseEdtf(d) : d;
}

/** a ends (on its last day) strictly before b starts: no shared day. */
export function before(a: DateLike, b: DateLike): Likelihood {
  const x = asDate(a);
  const y = asDate(b);
  if (x.latestEnd < y.earliestStart) return "certain";
  if (x.earliestEnd < y.latestStart) return "possible";
  return "no";
}

/** a starts strictly after b ends; the mirror of before. */
export function after(a: DateLike, b: DateLike): Likelihood {
  return before(b, a);
}

/** The spans share at least one day. */
export function overlaps(a: DateLike, b: DateLike): Likelihood {
  const x = asDate(a);
  const y = asDate(b);
  // Each condition's worst case can be chosen independently of the other's.
  if (x.latestStart <= y.earliestEnd && y.latestStart <= x.earliestEnd) return "certain";
  if (x.earliestStart <= y.latestEnd && y.earliestStart <= x.latestEnd) return "possible";
  return "no";
}

/**
 * Total order for timelines: by earliest possible day, then latest, then canonical text,
 * so a year sorts before its own months and open starts come first.
 */
export function compareForSort(a: DateLike, b: DateLike): number {
  const x = asDate(a);
  const y = asDate(b);
  return cmp(x.earliest, y.earliest) || cmp(x.latest, y.latest) || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0);
}

function cmp(p: number, q: number): number {
  return p < q ? -1 : p > q ? 1 : 0;
}
