/**
 * The one catalogue of coded errors. Every failure a user can see carries a code from
 * here; the CLI maps it to an exit code and the server to an HTTP status, both read from
 * this table, so callers branch on `code`, never on message text.
 */

export const ERROR_CATALOGUE = {
  USAGE: { exit: 2, http: 400, summary: "the command was called wrongly" },
  NOT_FOUND: { exit: 3, http: 404, summary: "no such file, source, entity, claim or dataset" },
  AMBIGUOUS: { exit: 3, http: 409, summary: "a name or prefix matches more than one thing" },
  BAD_INPUT: { exit: 4, http: 422, summary: "a document, file or value is unreadable or invalid" },
  TOO_LARGE: { exit: 4, http: 413, summary: "input exceeds a configured size limit" },
  INVALID_DATE: { exit: 4, http: 422, summary: "a date is not valid EDTF" },
  INVALID_CLAIM: { exit: 4, http: 422, summary: "a claim violates the ontology" },
  INVALID_DATASET: { exit: 4, http: 422, summary: "a dataset file is malformed or cites badly" },
  INVALID_IMPORT: { exit: 4, http: 422, summary: "an imported list has a malformed record" },
  FETCH_FAILED: { exit: 5, http: 502, summary: "a URL could not be fetched" },
  ONTOLOGY: { exit: 6, http: 500, summary: "an ontology file is malformed" },
  INTEGRITY: { exit: 7, http: 500, summary: "archive, text or custody chain does not verify" },
  CONFLICT: { exit: 8, http: 409, summary: "the change conflicts with what is stored" },
  PARTIAL: { exit: 1, http: 207, summary: "some items of a batch failed; the rest succeeded" },
  INTERNAL: { exit: 70, http: 500, summary: "a bug: please report it" },
  INVALID_ENTITY: { exit: 4, http: 422, summary: "an entity violates the ontology" },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Where in the user's input the problem is; every field optional, all shown when present. */
export interface ErrorContext {
  file?: string;
  line?: number;
  field?: string;
  url?: string;
  id?: string;
  [key: string]: unknown;
}

export class DossierError extends Error {
  override readonly name = "DossierError";
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly context: ErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(formatMessage(detail, context), options);
  }

  get exitCode(): number {
    return ERROR_CATALOGUE[this.code].exit;
  }

  get httpStatus(): number {
    return ERROR_CATALOGUE[this.code].http;
  }

  toJSON(): { code: ErrorCode; message: string; context: ErrorContext } {
    return { code: this.code, message: this.message, context: this.context };
  }
}

/** "file:line: field: detail" — the shape editors and terminals make clickable. */
function formatMessage(detail: string, ctx: ErrorContext): string {
  let where = ctx.file ?? ctx.url ?? "";
  if (where && ctx.line !== undefined) where += `:${ctx.line}`;
  const field = ctx.field ? `${ctx.field}: ` : "";
  return where ? `${where}: ${field}${detail}` : `${field}${detail}`;
}

export function isDossierError(e: unknown): e is DossierError {
  return e instanceof DossierError;
}

/** Wraps anything thrown into a DossierError, keeping a coded one as it is. */
export function asDossierError(e: unknown): DossierError {
  if (e instanceof DossierError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new DossierError("INTERNAL", msg, {}, { cause: e });
}

/** The exit code for a code, for commands that report a failure without throwing. */
export function exitCodeFor(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].exit;
}
