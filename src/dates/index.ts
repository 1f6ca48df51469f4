/**
 * Dates as the ledger uses them: EDTF level 1 strings, parsed and compared with respect
 * for their precision. Pure; import from here rather than the files behind it.
 */
export { parseEdtf, isEdtf, formatEdtf, edtfFromParts, edtfInterval } from "./edtf.ts";
export type { EdtfDate, EdtfEnd, EdtfPoint, Precision, DateParts } from "./edtf.ts";
export { before, after, overlaps, compareForSort } from "./compare.ts";
export type { Likelihood, DateLike } from "./compare.ts";
export { dayNumber, calendarDate, dayToIso, daysInMonth, isLeapYear } from "./calendar.ts";
