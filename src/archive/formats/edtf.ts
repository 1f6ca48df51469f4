// Reduces the publication dates documents state about themselves (ISO 8601 timestamps,
// PDF "D:YYYYMMDD…" strings, RFC 2822 headers) to an EDTF date at the precision given:
// YYYY, YYYY-MM or YYYY-MM-DD. The date is taken as written, without shifting time zones,
// because the publisher's local calendar date is the one a reader would cite.
import * as chrono from "chrono-node";

function valid(y: number, m?: number, d?: number): boolean {
  if (y < 1000 || y > 9999) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

function format(y: number, m?: number, d?: number): string {
  let s = String(y);
  if (m !== undefined) s += "-" + String(m).padStart(2, "0");
  if (d !== undefined) s += "-" + String(d).padStart(2, "0");
  return s;
}

/** An EDTF date, or undefined when the string holds no recognisable date. */
export function toEdtfDate(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])/.exec(s);
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(s);
  const m = iso ?? pdf;
  if (m) {
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) : undefined;
    const d = m[2] && m[3] ? Number(m[3]) : undefined;
    if (valid(y, mo, d)) return format(y, mo, d);
    return valid(y) ? format(y) : undefined;
  }
  const parsed = chrono.parse(s, undefined, { forwardDate: false })[0];
  if (!parsed) return undefined;
  const c = parsed.start;
  if (!c.isCertain("year")) return undefined;
  const y = c.get("year") ?? 0;
  const mo = c.isCertain("month") ? (c.get("month") ?? undefined) : undefined;
  const d = mo !== undefined && c.isCertain("day") ? (c.get("day") ?? undefined) : undefined;
  return valid(y, mo, d) ? format(y, mo, d) : undefined;
}
