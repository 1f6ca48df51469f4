/**
 * EDTF (Library of Congress Extended Date/Time Format) level 1, the subset claims use:
 * `2021`, `2021-06`, `2021-06-29`, qualifiers `?` (uncertain) `~` (approximate) `%` (both),
 * intervals `a/b`, open ends `..` and unknown ends (empty). Parsed into day-number bounds so
 * comparisons (compare.ts) can reason about precision. Own parser rather than the `edtf`
 * package: that one yields `Date` bounds with no notion of a possible-span, brings a grammar
 * runtime, and covers level 2 features claims never use.
 */
import { DossierError } from "../errors/index.ts";
import { dayNumber, daysInMonth } from "./calendar.ts";

export type Precision = "year" | "month" | "day";

/** One calendar date of year, month or day precision. Bounds are day numbers (calendar.ts). */
export interface EdtfPoint {
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
  uncertain: boolean;
  approximate: boolean;
  /** First and last day the date names, as written. */
  first: number;
  last: number;
  /**
   * First and last day it may denote. A qualified date (`?`, `~`, `%`) also admits one unit
   * of its precision either side: `2021~` may be any day of 2020–2022.
   */
  earliest: number;
  latest: number;
}

/** An end of an interval: a date, open (`..`: extends without limit), or unknown (empty). */
export type EdtfEnd = { kind: "date"; date: EdtfPoint } | { kind: "open" } | { kind: "unknown" };

/**
 * A parsed EDTF value. Whatever it names is read as one span of days [s, e], not known
 * exactly: s lies in [earliestStart, latestStart], e in [earliestEnd, latestEnd], s ≤ e.
 * A single date's span lies within the date; an interval's starts within its start date and
 * ends within its end date. Open ends are ±Infinity.
 */
export interface EdtfDate {
  /** Canonical EDTF text (what formatEdtf gives). */
  text: string;
  interval: boolean;
  /** For a single date, start and end are both that date. */
  start: EdtfEnd;
  end: EdtfEnd;
  /** The coarsest precision among its dated ends. */
  precision: Precision;
  /** True when any end carries the qualifier. */
  uncertain: boolean;
  approximate: boolean;
  earliestStart: number;
  latestStart: number;
  earliestEnd: number;
  latestEnd: number;
  /** earliestStart and latestEnd: the widest the span can be. */
  earliest: number;
  latest: number;
}

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
  uncertain?: boolean;
  approximate?: boolean;
}

const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;
const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

function invalid(value: string, why: string): DossierError {
  return new DossierError("INVALID_DATE", `${JSON.stringify(value)} is not an EDTF date: ${why}`, { value });
}

/** Builds a point from parts, checking the calendar; `value` names the input in errors. */
function makePoint(parts: DateParts, value: string): EdtfPoint {
  const { year, month, day } = parts;
  const uncertain = parts.uncertain ?? false;
  const approximate = parts.approximate ?? false;
  if (!Number.isInteger(year) || year < 0 || year > 9999) throw invalid(value, "the year must have four digits");
  if (day !== undefined && month === undefined) throw invalid(value, "a day needs a month");
  if (month !== undefined && (!Number.isInteger(month) || month < 1 || month > 12)) throw invalid(value, `no month ${month}`);
  if (day !== undefined && (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month!))) {
    throw invalid(value, `no day ${day} in ${year}-${String(month).padStart(2, "0")}`);
  }
  const precision: Precision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  const [first, last] = range(year, month, day);
  let earliest = first;
  let latest = last;
  if (uncertain || approximate) {
    earliest = shifted(year, month, day, -1)[0];
    latest = shifted(year, month, day, +1)[1];
  }
  const point: EdtfPoint = { year, precision, uncertain, approximate, first, last, earliest, latest };
  if (month !== undefined) point.month = month;
  if (day !== undefined) point.day = day;
  return point;
}

function range(year: number, month?: number, day?: number): [number, number] {
  if (month === undefined) return [dayNumber(year, 1, 1), dayNumber(year, 12, 31)];
  if (day === undefined) return [dayNumber(year, month, 1), dayNumber(year, month, daysInMonth(year, month))];
  const n = dayNumber(year, month, day);
  return [n, n];
}

/** The range of the unit `by` steps away at the date's own precision. */
function shifted(year: number, month: number | undefined, day: number | undefined, by: number): [number, number] {
  if (month === undefined) return range(year + by);
  if (day === undefined) {
    const m0 = year * 12 + (month - 1) + by;
    return range(Math.floor(m0 / 12), (m0 % 12 + 12) % 12 + 1);
  }
  const n = dayNumber(year, month, day) + by;
  return [n, n];
}

function parsePoint(text: string, value: string): EdtfPoint {
  const m = SINGLE.exec(text);
  if (!m) throw invalid(value, "expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ?, ~ or %");
  const q = m[4];
  return makePoint(
    {
      year: Number(m[1]),
      month: m[2] === undefined ? undefined : Number(m[2]),
      day: m[3] === undefined ? undefined : Number(m[3]),
      uncertain: q === "?" || q === "%",
      approximate: q === "~" || q === "%",
    },
    value,
  );
}

function parseEnd(text: string, value: string): EdtfEnd {
  if (text === "..") return { kind: "open" };
  if (text === "") return { kind: "unknown" };
  return { kind: "date", date: parsePoint(text, value) };
}

/** Parses EDTF level 1 (see the file comment); throws DossierError INVALID_DATE naming the value. */
export function parseEdtf(value: string): EdtfDate {
  if (typeof value !== "string") throw invalid(String(value), "not a string");
  const parts = value.split("/");
  if (parts.length > 2) throw invalid(value, "an interval has exactly one /");
  if (parts.length === 1) {
    const end: EdtfEnd = { kind: "date", date: parsePoint(value, value) };
    return build(end, end, false);
  }
  const start = parseEnd(parts[0]!, value);
  const end = parseEnd(parts[1]!, value);
  if (start.kind !== "date" && end.kind !== "date") throw invalid(value, "an interval needs at least one dated end");
  if (start.kind === "date" && end.kind === "date" && start.date.first > end.date.last) {
    throw invalid(value, "the interval ends before it starts");
  }
  return build(start, end, true);
}

export function isEdtf(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    parseEdtf(value);
    return true;
  } catch (e) {
    if (e instanceof DossierError && e.code === "INVALID_DATE") return false;
    throw e;
  }
}

function build(start: EdtfEnd, end: EdtfEnd, interval: boolean): EdtfDate {
  const [sLo, sHi] = start.kind === "date" ? [start.date.earliest, start.date.latest] : start.kind === "open" ? [-Infinity, -Infinity] : [-Infinity, Infinity];
  const [eLo, eHi] = end.kind === "date" ? [end.date.earliest, end.date.latest] : end.kind === "open" ? [Infinity, Infinity] : [-Infinity, Infinity];
  const dated = [start, end].flatMap((e) => (e.kind === "date" ? [e.date] : []));
  const precision = dated.reduce<Precision>((p, d) => (PRECISION_RANK[d.precision] < PRECISION_RANK[p] ? d.precision : p), "day");
  const date: Omit<EdtfDate, "text"> = {
    interval,
    start,
    end,
    precision,
    uncertain: dated.some((d) => d.uncertain),
    approximate: dated.some((d) => d.approximate),
    earliestStart: sLo,
    latestStart: Math.min(sHi, eHi),
    earliestEnd: Math.max(eLo, sLo),
    latestEnd: eHi,
    earliest: sLo,
    latest: eHi,
  };
  return { text: formatEdtf(date), ...date };
}

function formatPoint(p: EdtfPoint): string {
  let s = String(p.year).padStart(4, "0");
  if (p.month !== undefined) s += "-" + String(p.month).padStart(2, "0");
  if (p.day !== undefined) s += "-" + String(p.day).padStart(2, "0");
  if (p.uncertain && p.approximate) s += "%";
  else if (p.uncertain) s += "?";
  else if (p.approximate) s += "~";
  return s;
}

function formatEnd(e: EdtfEnd): string {
  return e.kind === "date" ? formatPoint(e.date) : e.kind === "open" ? ".." : "";
}

/** Canonical EDTF text of a parsed date (or of one point). */
export function formatEdtf(d: Pick<EdtfDate, "interval" | "start" | "end"> | EdtfPoint): string {
  if ("precision" in d && "first" in d) return formatPoint(d);
  if (!d.interval) return formatEnd(d.start);
  return `${formatEnd(d.start)}/${formatEnd(d.end)}`;
}

/** EDTF text for a date given as numbers: `edtfFromParts({ year: 2021, month: 6 })` → `2021-06`. */
export function edtfFromParts(parts: DateParts): string {
  const label = [parts.year, parts.month, parts.day].filter((x) => x !== undefined).join("-");
  return formatPoint(makePoint(parts, label));
}

/**
 * EDTF interval from two ends, each an EDTF single date, `..` (open) or null (unknown).
 * Equal ends collapse to the single date, which names the same span of days.
 */
export function edtfInterval(start: string | null, end: string | null): string {
  const a = start ?? "";
  const b = end ?? "";
  if (a.includes("/") || b.includes("/")) throw invalid(`${a}/${b}`, "an interval's ends must be single dates");
  if (a === b && a !== "" && a !== "..") return parseEdtf(a).text;
  return parseEdtf(`${a}/${b}`).text;
}
