/**
 * Dates in a sentence as EDTF with the precision the text gives: "in 2021" -> 2021,
 * "June 2021" -> 2021-06, "June 29-30" -> 2021-06-29/2021-06-30, "since 2001" -> 2001/..
 * chrono-node parses day and month expressions relative to the published date; bare
 * years and year ranges, which chrono leaves alone, are read here. Reports speak of the
 * past, so a date whose year chrono guessed and that falls after publication moves back
 * a year.
 */
import * as chrono from "chrono-node";
import type { Span } from "./types.ts";

/** Calendar words, as alternations for the expressions that must recognise a date's words. */
export const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
export const MONTH_ABBREVIATIONS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
export const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

export interface FoundDate extends Span {
  edtf: string;
}

type Comp = chrono.ParsedComponents;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "this week", "last month", "next year" against the published date, at the precision they name. */
function relativeEdtf(phrase: string, published: Date): string | null {
  const m = /^(?:in\s+|during\s+)?(this|last|next|the\s+past|the\s+previous)\s+(week|month|year)$/i.exec(phrase.trim());
  if (!m) return null;
  const step = /next/i.test(m[1]) ? 1 : /this/i.test(m[1]) ? 0 : -1;
  const y = published.getUTCFullYear(), mo = published.getUTCMonth();
  if (m[2].toLowerCase() === "year") return String(y + step);
  if (m[2].toLowerCase() === "month") {
    const d = new Date(Date.UTC(y, mo + step, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }
  const d = new Date(published.getTime() + step * 7 * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

function toEdtf(c: Comp, published: Date | null): string {
  // "on Wednesday" in a report: the last such weekday on or before publication.
  if (published && c.isCertain("weekday") && !c.isCertain("day")) {
    const back = (published.getUTCDay() - (c.get("weekday") ?? 0) + 7) % 7;
    const d = new Date(published.getTime() - back * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  let y = c.get("year") ?? 0;
  const m = c.get("month") ?? 1;
  const d = c.get("day") ?? 1;
  if (!c.isCertain("year") && published) {
    const date = Date.UTC(y, m - 1, c.isCertain("day") ? d : 1);
    if (date > published.getTime()) y -= 1;
  }
  if (c.isCertain("day")) return `${y}-${pad(m)}-${pad(d)}`;
  if (c.isCertain("month")) return `${y}-${pad(m)}`;
  return String(y);
}

/** The published date as a reference instant, from EDTF (`2022-08-04`, `2023-04`, `2023`). */
export function referenceDate(published: string | null | undefined): Date | null {
  if (!published) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(published);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 12, m[3] ? Number(m[3]) : 28];
  return new Date(Date.UTC(y, mo - 1, d, 12));
}

const YEAR_RANGE = /\b(?:from\s+|between\s+)?((?:19|20)\d{2})\s*(?:-|–|—|to|and|until)\s*((?:19|20)\d{2})\b/gi;
const YEAR = /\b((?:19|20)\d{2})s?\b/g;
const ONE_WORD_FALSE = /^(may|march|now|today|sun|sat|second|mon)$/i;

/** All dates in text[start, end), left to right. */
/** Words without which chrono finds nothing worth its cost. */
const MAY_HOLD_DATE = new RegExp(`\\b(?:${MONTHS}|${MONTH_ABBREVIATIONS}|${WEEKDAYS}|last|next|ago|yesterday|week|month|year)\\b`, "i");

export function findDates(text: string, span: Span, published: Date | null): FoundDate[] {
  const s = text.slice(span.start, span.end);
  const out: FoundDate[] = [];
  const covered = (a: number, b: number) => out.some((d) => a < d.end && b > d.start);
  let results: chrono.ParsedResult[] = [];
  if (MAY_HOLD_DATE.test(s))
    results = chrono.parse(s, published ? { instant: published, timezone: 0 } : undefined);
  for (const r of results) {
    if (/^\S+[,.]?$/.test(r.text.trim()) && ONE_WORD_FALSE.test(r.text.trim().replace(/[,.]$/, ""))) continue;
    if (/^\d+$/.test(r.text.trim())) continue;
    const a = span.start + r.index;
    const b = a + r.text.length;
    let edtf = (published && relativeEdtf(r.text, published)) || toEdtf(r.start, published);
    if (r.end) {
      const e = toEdtf(r.end, published);
      if (e !== edtf) edtf = `${edtf}/${e}`;
    }
    if (/\bsince\s*$/i.test(s.slice(0, r.index))) edtf = `${edtf}/..`;
    out.push({ start: a, end: b, edtf });
  }
  let m: RegExpExecArray | null;
  YEAR_RANGE.lastIndex = 0;
  while ((m = YEAR_RANGE.exec(s))) {
    const a = span.start + m.index;
    const b = a + m[0].length;
    if (covered(a, b)) continue;
    out.push({ start: a, end: b, edtf: `${m[1]}/${m[2]}` });
  }
  YEAR.lastIndex = 0;
  while ((m = YEAR.exec(s))) {
    const a = span.start + m.index;
    const b = a + m[0].length;
    if (covered(a, b)) continue;
    const before = s.slice(Math.max(0, m.index - 12), m.index);
    if (/[$€£]\s*$|\bN[°o]\.?\s*$/.test(before)) continue;
    let edtf = m[1];
    if (m[0].endsWith("s")) edtf = `${m[1].slice(0, 3)}X`;
    if (/\bsince\s+(the\s+)?(start of\s+|end of\s+)?$/i.test(before)) edtf = `${edtf}/..`;
    if (/\b(late|end of)\s+$/i.test(before)) edtf = `${edtf}`;
    out.push({ start: a, end: b, edtf });
  }
  out.sort((x, y) => x.start - y.start);
  return out;
}
