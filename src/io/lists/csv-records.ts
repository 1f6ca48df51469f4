/**
 * Streams the records of a headerless list CSV (OFAC style) with where each sits in the
 * text: UTF-16 span of the record (line end excluded) and its 1-based line, so a record
 * can be cited and a bad one named by file:line. Checks the column count of every row.
 */
import { parse, CsvError } from "csv-parse";
import { invalid, LineCounter, type ListFile } from "./common.ts";

export interface CsvRecord {
  fields: string[];
  start: number;
  end: number;
  line: number;
}

const CHUNK = 1 << 16;

/**
 * Calls `onRecord` for every record, in order, through csv-parse's stream API: the text
 * is written in chunks and records arrive on "data" as each chunk is parsed, so the
 * parser holds only an unfinished record. A record that fails (bad column count, a
 * thrown check) stops the parse with the error naming its line.
 */
export async function forEachCsvRecord(
  file: ListFile,
  columns: number,
  onRecord: (r: CsvRecord) => void,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  // OFAC files end with a DOS end-of-file byte (0x1A): not a record.
  const text = file.text.replace(/\x1a+\s*$/, "");
  const lines = new LineCounter(text);
  const parser = parse({ raw: true, relax_column_count: true, record_delimiter: ["\r\n", "\n"], skip_empty_lines: true, bom: true });
  let cursor = 0;
  let n = 0;
  let failure: unknown = null;
  parser.on("data", (item: { record: string[]; raw: string }) => {
    if (failure) return;
    try {
      const raw = item.raw.endsWith("\r") ? item.raw.slice(0, -1) : item.raw;
      const start = text.startsWith(raw, cursor) ? cursor : text.indexOf(raw, cursor);
      if (start < 0) throw invalid("could not locate record in the text", file.file, lines.at(cursor));
      const end = start + raw.length;
      cursor = end;
      const line = lines.at(start);
      if (item.record.length !== columns) throw invalid(`expected ${columns} columns, found ${item.record.length}`, file.file, line);
      onRecord({ fields: item.record, start, end, line });
      n++;
    } catch (e) {
      failure = e;
    }
  });
  const finished = new Promise<void>((resolve) => {
    parser.on("end", resolve);
    parser.on("error", (e) => {
      failure ??= e;
      resolve();
    });
  });
  for (let i = 0; i < text.length && !failure; i += CHUNK) {
    parser.write(text.slice(i, i + CHUNK));
    onProgress?.(Math.min(i + CHUNK, text.length), file.text.length);
    // Let a progress bar draw now and then.
    if ((i / CHUNK) % 32 === 31) await new Promise((r) => setImmediate(r));
  }
  if (!failure) parser.end();
  else parser.destroy();
  if (!failure) await finished;
  if (failure instanceof CsvError) {
    // The parser fails on the record after the last good one: name that record's first line.
    const next = text.slice(cursor).search(/\S/);
    throw invalid(`malformed CSV: ${failure.code}`, file.file, lines.at(next < 0 ? cursor : cursor + next), undefined, failure);
  }
  if (failure) throw failure;
  return n;
}

/** OFAC writes `-0- ` for an empty cell. */
export function cell(v: string | undefined): string | null {
  const t = (v ?? "").trim();
  return t === "" || t === "-0-" ? null : t;
}
