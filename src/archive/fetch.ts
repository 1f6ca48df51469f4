/**
 * Fetching a URL for the archive: the response body is what gets archived, and what was
 * asked, what answered (status, final URL after redirects, time, a hash of the headers)
 * goes into the source's fetch record and the custody log.
 */
import { DossierError } from "../errors/index.ts";
import { canonicalJson, sha256Hex } from "../model/canonical.ts";
import type { FetchRecord } from "../model/types.ts";

export interface FetchedDocument {
  bytes: Uint8Array;
  record: FetchRecord;
  /** A file name guessed from the URL path, for format detection. */
  filename: string;
}

export function isUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

export async function fetchDocument(url: string, opts: { maxBytes: number; timeoutMs?: number }): Promise<FetchedDocument> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000), headers: { "user-agent": "dossier/0.1 (evidence archive)" } });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    const why = cause?.code === "ECONNREFUSED" ? "connection refused" : cause?.code === "ENOTFOUND" ? "host not found" : (e as Error).name === "TimeoutError" ? "timed out" : (e as Error).message;
    throw new DossierError("FETCH_FAILED", `could not fetch: ${why}`, { url }, { cause: e });
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new DossierError("FETCH_FAILED", `server answered HTTP ${res.status}${res.statusText ? " " + res.statusText : ""}`, { url, status: res.status });
  }
  const declared = Number(res.headers.get("content-length") ?? "NaN");
  if (declared > opts.maxBytes) {
    await res.body?.cancel();
    throw new DossierError("TOO_LARGE", `response is ${declared} bytes, over the ${opts.maxBytes}-byte limit (raise it with --max-size)`, { url });
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > opts.maxBytes) throw new DossierError("TOO_LARGE", `response exceeds the ${opts.maxBytes}-byte limit (raise it with --max-size)`, { url });
      parts.push(chunk);
    }
  }
  const bytes = Buffer.concat(parts);
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => (headers[k] = v));
  const finalUrl = res.url || url;
  const path = new URL(finalUrl).pathname;
  const last = decodeURIComponent(path.split("/").filter(Boolean).pop() ?? "");
  return {
    bytes,
    filename: last || "index.html",
    record: {
      requestedUrl: url,
      finalUrl,
      status: res.status,
      fetchedAt: new Date().toISOString(),
      headersSha256: sha256Hex(canonicalJson(headers)),
      contentType: res.headers.get("content-type"),
    },
  };
}
