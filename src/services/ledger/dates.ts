/**
 * A claim's date as one EDTF value, whatever qualifiers carry it (`date`, or `start`/`end`),
 * and how to show it with its precision and uncertainty. Comparing and ordering are
 * src/dates' job; this only decides which text stands for the claim.
 */
import { parseEdtf, edtfInterval, type EdtfDate, type EdtfPoint, type EdtfEnd } from "../../dates/index.ts";
import { DossierError } from "../../errors/index.ts";
import type { Claim, QualifierValue } from "../../model/types.ts";

export const DATE_QUALIFIERS = ["date", "start", "end"] as const;

function asText(v: QualifierValue | undefined): string | null {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
}

/**
 * The EDTF value that stands for when a claim held: its `date`, else the interval
 * `start/end` (a missing end is unknown, not open). Null for an undated claim or one whose
 * dates do not parse (validation reports those; queries simply cannot place them).
 */
export function claimDate(claim: Pick<Claim, "qualifiers">): EdtfDate | null {
  const q = claim.qualifiers;
  const date = asText(q.date);
  const start = asText(q.start);
  const end = asText(q.end);
  try {
    if (date) return parseEdtf(date);
    if (!start && !end) return null;
    // A start or end given as an interval itself: keep its outer ends.
    const outer = (v: string | null, side: 0 | 1) => (v && v.includes("/") ? v.split("/")[side] || null : v);
    return parseEdtf(edtfInterval(outer(start, 0), outer(end, 1)));
  } catch (e) {
    if (e instanceof DossierError && e.code === "INVALID_DATE") return null;
    throw e;
  }
}

/** The dating qualifiers of a claim only, for comparing two claims' dates. */
export function dateQualifiers(claim: Pick<Claim, "qualifiers">): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of DATE_QUALIFIERS) {
    const v = asText(claim.qualifiers[k]);
    if (v) out[k] = v;
  }
  return out;
}

function pointText(p: EdtfPoint): string {
  let s = String(p.year).padStart(4, "0");
  if (p.month !== undefined) s += "-" + String(p.month).padStart(2, "0");
  if (p.day !== undefined) s += "-" + String(p.day).padStart(2, "0");
  if (p.approximate) s = "~" + s;
  if (p.uncertain) s += "?";
  return s;
}

function endText(e: EdtfEnd): string {
  return e.kind === "date" ? pointText(e.date) : e.kind === "open" ? "…" : "?";
}

/**
 * How a person reads the date: `2021 (year)`, `~2021-06 (month)`, `2021? (year)`,
 * `2021 → 2023 (year)`, `2024 → … (year)`. Approximate gets a leading `~`, uncertain a
 * trailing `?`, and the coarsest precision is named so `2021` is not read as a day.
 */
export function describeDate(d: EdtfDate): string {
  const body = d.interval ? `${endText(d.start)} → ${endText(d.end)}` : endText(d.start);
  return `${body} (${d.precision})`;
}

/** The JSON form of a date everywhere in the ledger's output. */
export interface DateView {
  edtf: string;
  precision: EdtfDate["precision"];
  uncertain: boolean;
  approximate: boolean;
  display: string;
}

export function dateView(d: EdtfDate): DateView {
  return { edtf: d.text, precision: d.precision, uncertain: d.uncertain, approximate: d.approximate, display: describeDate(d) };
}

/**
 * Whether two dates can name the same span: their possible starts overlap and their
 * possible ends overlap. `2021` and `2021-06-29` can (one refines the other); `2021-06-29`
 * and `2021-06-30` cannot; `2021/2023` and `2021/2024` cannot (they disagree on the end).
 */
export function compatibleDates(a: EdtfDate, b: EdtfDate): boolean {
  const startsMeet = a.earliestStart <= b.latestStart && b.earliestStart <= a.latestStart;
  const endsMeet = a.earliestEnd <= b.latestEnd && b.earliestEnd <= a.latestEnd;
  return startsMeet && endsMeet;
}
