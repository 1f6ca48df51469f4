/**
 * Reading a user's CSV file with a header row (names to screen, pairs to compare),
 * streamed row by row. A file that cannot be opened is NOT_FOUND; a malformed row is
 * BAD_INPUT naming the file and line.
 */
import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { DossierError } from "../errors/index.ts";

export interface CsvRow {
  /** Cells by header name. */
  record: Record<string, string>;
  /** The row's cells in column order. */
  cells: string[];
  header: string[];
  /** 1-based line of the row in the file. */
  line: number;
}

export async function* readCsvTable(file: string): AsyncGenerator<CsvRow> {
  const input = createReadStream(file);
  try {
    await new Promise<void>((resolve, reject) => {
      input.once("open", () => resolve());
      input.once("error", reject);
    });
  } catch (e) {
    throw new DossierError("NOT_FOUND", `cannot read file: ${(e as Error).message}`, { file }, { cause: e });
  }
  const parser = input.pipe(parse({ bom: true, trim: true, skip_empty_lines: true, info: true }));
  let header: string[] | null = null;
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = row.record;
        continue;
      }
      const record = Object.fromEntries(header.map((h, i) => [h, row.record[i] ?? ""]));
      yield { record, cells: row.record, header, line: row.info.lines };
    }
  } catch (e) {
    if (e instanceof DossierError) throw e;
    const line = (e as { lines?: number }).lines;
    throw new DossierError("BAD_INPUT", `malformed CSV: ${(e as Error).message}`, { file, ...(line ? { line } : {}) }, { cause: e });
  } finally {
    input.destroy();
  }
}
