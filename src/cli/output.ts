/**
 * How commands speak: JSON on stdout when --json is given (and nothing else on stdout),
 * human text otherwise; errors as one line on stderr, or a JSON object with --json.
 */
import type { DossierError } from "../errors/index.ts";

export interface OutputOptions {
  json?: boolean;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

/** Prints `value` as JSON, or the human rendering, depending on --json. */
export function emit(opts: OutputOptions, value: unknown, human: () => string): void {
  if (opts.json) printJson(value);
  else {
    const text = human();
    if (text) process.stdout.write(text.endsWith("\n") ? text : text + "\n");
  }
}

export function printError(err: DossierError, json: boolean): void {
  if (json) process.stdout.write(JSON.stringify({ error: err.toJSON() }) + "\n");
  process.stderr.write(`dossier: ${err.message}\n`);
}

/** Notes for a person (progress, warnings) go to stderr so stdout stays parseable. */
export function note(message: string): void {
  process.stderr.write(message + "\n");
}

/** A plain fixed-width table; columns sized to their widest cell, capped at `max`. */
export function table(headers: string[], rows: (string | number | null | undefined)[][], max = 60): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : String(c))))];
  const widths = headers.map((_, i) => Math.min(max, Math.max(...cells.map((r) => (r[i] ?? "").length))));
  const fit = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + "…" : s.padEnd(w));
  return cells.map((r) => r.map((c, i) => fit(c ?? "", widths[i])).join("  ").trimEnd()).join("\n");
}
