/**
 * Turns what the user named (files, folders, URLs) into the list of documents to ingest,
 * in a stable order. Problems with a target (missing path, empty folder) become failed
 * items rather than exceptions, so one bad target never stops the others.
 */
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DossierError } from "../errors/index.ts";
import { isUrl } from "./fetch.ts";
import { isSidecar } from "./metadata.ts";

export type IngestTarget =
  | { kind: "file"; path: string; size: number; /** Names in its folder, when the folder was listed. */ siblings?: ReadonlySet<string> }
  | { kind: "url"; url: string }
  | { kind: "error"; target: string; error: DossierError };

async function walk(dir: string): Promise<{ path: string; siblings: ReadonlySet<string> }[]> {
  const out: { path: string; siblings: ReadonlySet<string> }[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const siblings = new Set(entries.map((e) => e.name));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && !isSidecar(p) && e.name !== "README.md") out.push({ path: p, siblings });
  }
  return out;
}

export async function expandTargets(targets: string[]): Promise<IngestTarget[]> {
  const out: IngestTarget[] = [];
  for (const t of targets) {
    if (isUrl(t)) {
      out.push({ kind: "url", url: t });
      continue;
    }
    const path = resolve(t);
    let info;
    try {
      info = await stat(path);
    } catch {
      out.push({ kind: "error", target: t, error: new DossierError("NOT_FOUND", "no such file or folder", { file: t }) });
      continue;
    }
    if (info.isDirectory()) {
      const files = await walk(path);
      if (files.length === 0) {
        out.push({ kind: "error", target: t, error: new DossierError("BAD_INPUT", "folder holds no readable document", { file: t }) });
        continue;
      }
      for (const f of files) out.push({ kind: "file", path: f.path, size: (await stat(f.path)).size, siblings: f.siblings });
    } else {
      out.push({ kind: "file", path, size: info.size });
    }
  }
  return out;
}
