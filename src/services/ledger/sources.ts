/**
 * Naming a source in ledger commands: a full `sha256:` id, or a prefix of one matching
 * exactly one source, archived or listed by a loaded dataset (so `--source` works for a
 * built-in dataset's documents before they are ingested).
 */
import { DossierError } from "../../errors/index.ts";
import type { StoreOps } from "../../store/store.ts";

const FULL_ID = /^sha256:[0-9a-f]{64}$/;

export async function resolveSourceId(store: StoreOps, text: string): Promise<string> {
  const t = text.trim().toLowerCase();
  if (FULL_ID.test(t)) return t;
  if (/^[0-9a-f]{64}$/.test(t)) return `sha256:${t}`;
  const prefix = t.startsWith("sha256:") ? t : `sha256:${t}`;
  if (!/^sha256:[0-9a-f]+$/.test(prefix)) throw new DossierError("BAD_INPUT", `"${text}" is not a source id or a prefix of one`, { field: "source" });
  const ids = new Set((await store.findSourcesByPrefix(prefix, 10)).map((s) => s.id));
  for (const ds of await store.listDatasets()) {
    const list = ds.extra?.sources;
    if (!Array.isArray(list)) continue;
    for (const s of list as { id?: unknown }[]) if (typeof s?.id === "string" && s.id.startsWith(prefix)) ids.add(s.id);
  }
  if (ids.size === 1) return [...ids][0]!;
  if (ids.size > 1) throw new DossierError("AMBIGUOUS", `source prefix "${text}" matches ${ids.size} sources: ${[...ids].join(", ")}`, { id: text });
  throw new DossierError("NOT_FOUND", `no source with id starting "${text}"`, { id: text });
}
