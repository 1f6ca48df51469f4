/**
 * The body of an extraction worker thread: turns a document's bytes into its text and
 * self-description with the same extractDocument the main thread would use, and hands
 * errors back as data (code, detail, context) because an Error's class does not survive
 * the trip between threads.
 */
import { DossierError } from "../errors/index.ts";
import { extractDocument } from "./formats/index.ts";
import type { ExtractedDocument, ExtractHint, ExtractLimits } from "./formats/index.ts";
import type { ErrorCode, ErrorContext } from "../errors/index.ts";

export interface ExtractionTask {
  bytes: Uint8Array;
  hint: ExtractHint;
  limits: ExtractLimits;
}

export type ExtractionReply =
  | { ok: true; doc: ExtractedDocument }
  | { ok: false; error: { code: ErrorCode; detail: string; context: ErrorContext } };

export async function runExtraction(task: ExtractionTask): Promise<ExtractionReply> {
  try {
    return { ok: true, doc: await extractDocument(task.bytes, task.hint, task.limits) };
  } catch (e) {
    const err = e instanceof DossierError ? e : new DossierError("INTERNAL", e instanceof Error ? e.message : String(e));
    return { ok: false, error: { code: err.code, detail: err.detail, context: err.context } };
  }
}
