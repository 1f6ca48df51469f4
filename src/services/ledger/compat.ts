/**
 * When two claims state the same fact, and when they compete. Used by review (accepting a
 * duplicate cites the existing fact instead of adding a second one) and by queries (two
 * sources giving different dates for the same thing are shown as a dispute).
 */
import { overlaps } from "../../dates/index.ts";
import type { Claim, QualifierValue } from "../../model/types.ts";
import { claimDate, compatibleDates, DATE_QUALIFIERS } from "./dates.ts";

/** Qualifiers that change what a claim asserts, so they must match exactly (absent = absent). */
const STRICT_QUALIFIERS = new Set(["modality"]);

function normal(v: QualifierValue): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "[" + v.map(normal).sort().join(",") + "]";
  if (typeof v === "object") return v.id.trim().toLowerCase();
  if (typeof v === "string") return v.trim().toLowerCase().replace(/\s+/g, " ");
  return String(v);
}

/** Same parties: same subject and object, or swapped when the predicate is symmetric. */
export function sameParties(a: Claim, b: Claim, symmetric: boolean): boolean {
  if (a.predicate !== b.predicate) return false;
  if (a.subject === b.subject && a.object === b.object) return true;
  return symmetric && a.subject === b.object && a.object === b.subject;
}

/** Non-date qualifiers agree wherever both claims have them; strict ones must be equal. */
export function otherQualifiersAgree(a: Claim, b: Claim): boolean {
  const keys = new Set([...Object.keys(a.qualifiers), ...Object.keys(b.qualifiers)]);
  for (const k of keys) {
    if ((DATE_QUALIFIERS as readonly string[]).includes(k)) continue;
    const x = a.qualifiers[k];
    const y = b.qualifiers[k];
    const hasX = x !== undefined && x !== null && x !== "";
    const hasY = y !== undefined && y !== null && y !== "";
    if (STRICT_QUALIFIERS.has(k) && (hasX !== hasY || (hasX && normal(x!) !== normal(y!)))) return false;
    if (hasX && hasY && normal(x!) !== normal(y!)) return false;
  }
  return true;
}

/** Dates that can name the same span (an undated claim is compatible with any date). */
export function datesCompatible(a: Claim, b: Claim): boolean {
  const x = claimDate(a);
  const y = claimDate(b);
  if (!x || !y) return true;
  return compatibleDates(x, y);
}

/** b states the same fact as a: same parties, agreeing qualifiers, compatible dates. */
export function isDuplicate(a: Claim, b: Claim, symmetric: boolean): boolean {
  return a.id !== b.id && sameParties(a, b, symmetric) && otherQualifiersAgree(a, b) && datesCompatible(a, b);
}

function sources(c: Claim): Set<string> {
  return new Set(c.citations.map((x) => x.source));
}

/**
 * a and b compete: the same fact (parties and other qualifiers agree) from different
 * sources, both dated, with dates that cannot both be right. For an Event object any such
 * disagreement is a dispute (an event happens once); for anything else the two spans must
 * overlap, since `attended ADMM-Plus 2021` and `… 2022` are two occasions, not a quarrel,
 * while `chaired 2021/2023` against `chaired 2021/2024` disagree on one term's end.
 */
export function disputes(a: Claim, b: Claim, opts: { symmetric: boolean; objectIsEvent: boolean }): boolean {
  if (a.id === b.id || a.status === "rejected" || b.status === "rejected") return false;
  if (!sameParties(a, b, opts.symmetric) || !otherQualifiersAgree(a, b)) return false;
  const sa = sources(a);
  if ([...sources(b)].some((s) => sa.has(s))) return false;
  if (sa.size === 0 || b.citations.length === 0) return false;
  const x = claimDate(a);
  const y = claimDate(b);
  if (!x || !y || compatibleDates(x, y)) return false;
  return opts.objectIsEvent || overlaps(x, y) !== "no";
}
