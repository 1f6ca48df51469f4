/**
 * Reads the records of a headerless list CSV (OFAC style) straight from the decoded text,
 * with where each sits in it: UTF-16 span of the record (line end excluded) and its 1-based
 * line, so a record can be cited and a bad one named by file:line. Checks the column count
 * of every row.
 *
 * Written by hand rather than through a CSV library because the span is the point: a
 * scanner over the string knows each record's offsets as it goes, where a library hands
 * back decoded fields that then have to be found again in the text. The dialect is
 * RFC 4180 (comma, double quote, `""` inside quotes, CRLF or LF), strictly: a quote inside
 * an unquoted cell, text after a closing quote, or a quote never closed is malformed.
 */
import { invalid, type ListFile } from "./common.ts";

export interface CsvRecord {
  fields: string[];
  start: number;
  end: number;
  line: number;
}

const COMMA = 44;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Where the records end: OFAC files close with a DOS end-of-file byte (0x1A), which is not a record. */
function contentEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (end === 0 || text.charCodeAt(end - 1) !== 0x1a) return text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x1a) end--;
  return end;
}

/**
 * Yields every record in order. Blank lines are skipped. A malformed record throws
 * INVALID_IMPORT naming the line the record starts on.
 */
export function* csvRecords(file: ListFile, columns: number): Generator<CsvRecord> {
  const text = file.text;
  const n = contentEnd(text);
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < n) {
    const c0 = text.charCodeAt(pos);
    if (c0 === LF || (c0 === CR && text.charCodeAt(pos + 1) === LF)) {
      pos += c0 === LF ? 1 : 2;
      line++;
      continue;
    }
    const start = pos;
    const startLine = line;
    const fields: string[] = [];
    let end = -1;
    while (end < 0) {
      if (text.charCodeAt(pos) === QUOTE) {
        // Quoted cell: runs to the next quote not doubled; may hold commas and line ends.
        let value = "";
        let from = pos + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0 || q >= n) throw invalid("malformed CSV: quote never closed", file.file, startLine);
          for (let i = text.indexOf("\n", from); i >= 0 && i < q; i = text.indexOf("\n", i + 1)) line++;
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        fields.push(value);
      } else {
        let i = pos;
        for (; i < n; i++) {
          const c = text.charCodeAt(i);
          if (c === COMMA || c === LF || (c === CR && (i + 1 >= n || text.charCodeAt(i + 1) === LF))) break;
          if (c === QUOTE) throw invalid("malformed CSV: quote inside an unquoted cell", file.file, startLine);
        }
        fields.push(text.slice(pos, i));
        pos = i;
      }
      const c = pos < n ? text.charCodeAt(pos) : LF;
      if (c === COMMA) pos++;
      else if (c === LF || (c === CR && (pos + 1 >= n || text.charCodeAt(pos + 1) === LF))) {
        end = pos;
        pos = Math.min(n, pos + (c === CR ? 2 : 1));
        line++;
      } else throw invalid("malformed CSV: text after a closing quote", file.file, startLine);
    }
    if (fields.length !== columns) throw invalid(`expected ${columns} columns, found ${fields.length}`, file.file, startLine);
    yield { fields, start, end, line: startLine };
  }
}

/** OFAC writes `-0- ` for an empty cell. */
export function cell(v: string | undefined): string | null {
  if (v === undefined) return null;
  const t = v.trim();
  return t === "" || t === "-0-" ? null : t;
}
