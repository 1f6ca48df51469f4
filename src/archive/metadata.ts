/**
 * A source's descriptive metadata, merged from three places in order of authority: the
 * user's flags, a sidecar NAME.meta.json next to the file, and what the document says
 * about itself (HTML meta tags, PDF info). Every value is checked here so bad metadata is
 * refused before anything is stored.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { DossierError } from "../errors/index.ts";
import { isEdtf } from "../dates/index.ts";
import { RELIABILITY_GRADES, type SourceMetadata } from "../model/types.ts";

const FIELDS = ["title", "publisher", "author", "url", "published", "language", "grade", "kind"] as const;

/** The sidecar path for a document: `report.txt` → `report.meta.json` (also accepts `report.txt.meta.json`). */
export function sidecarCandidates(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  const stem = basename(name, extname(name));
  return [join(dir, `${stem}.meta.json`), join(dir, `${name}.meta.json`)];
}

export function isSidecar(path: string): boolean {
  return path.endsWith(".meta.json");
}

/**
 * Reads the sidecar if one exists; a malformed one is an error naming it. `siblings`, the
 * names in the document's folder when the caller has listed it, saves probing the disk
 * for sidecars that are not there (two failed opens per document in a bulk ingest).
 */
export async function readSidecar(path: string, siblings?: ReadonlySet<string>): Promise<SourceMetadata> {
  const candidates = sidecarCandidates(path).filter((c) => !siblings || siblings.has(basename(c)));
  for (const candidate of candidates) {
    let raw: string;
    try {
      raw = await readFile(candidate, "utf8");
    } catch {
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      throw new DossierError("BAD_INPUT", `sidecar is not valid JSON: ${(e as Error).message}`, { file: candidate });
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new DossierError("BAD_INPUT", "sidecar must be a JSON object", { file: candidate });
    }
    return checkMetadata(pick(parsed as Record<string, unknown>), candidate);
  }
  return {};
}

function pick(obj: Record<string, unknown>): SourceMetadata {
  const out: Record<string, unknown> = {};
  for (const f of FIELDS) if (obj[f] !== undefined && obj[f] !== null && obj[f] !== "") out[f] = obj[f];
  return out as SourceMetadata;
}

/** Validates each field; `where` names the flag set or file in the error. */
export function checkMetadata(meta: SourceMetadata, where: string): SourceMetadata {
  for (const f of FIELDS) {
    const v = meta[f];
    if (v !== undefined && v !== null && typeof v !== "string") {
      throw new DossierError("BAD_INPUT", `must be text, not ${typeof v}`, { file: where, field: f });
    }
  }
  if (meta.published && !isEdtf(meta.published)) {
    throw new DossierError("INVALID_DATE", `"${meta.published}" is not an EDTF date (e.g. 2022, 2022-08, 2022-08-04)`, { file: where, field: "published" });
  }
  if (meta.grade && !RELIABILITY_GRADES.includes(meta.grade)) {
    throw new DossierError("BAD_INPUT", `"${meta.grade}" is not an Admiralty grade (A–F)`, { file: where, field: "grade" });
  }
  return meta;
}

/** Flags win over the sidecar, the sidecar over the document's own metadata. */
export function mergeMetadata(...layers: SourceMetadata[]): SourceMetadata {
  const out: SourceMetadata = {};
  for (const layer of layers.reverse()) {
    for (const f of FIELDS) {
      const v = layer[f];
      if (v !== undefined && v !== null && v !== "") (out as Record<string, unknown>)[f] = v;
    }
  }
  return out;
}
