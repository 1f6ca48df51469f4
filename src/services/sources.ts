/**
 * Naming a source on the command line: a full `sha256:` id, or a prefix (with or without
 * `sha256:`, at least 4 hex digits) that matches exactly one source. `resolveSource`
 * wants an archived source; `resolveSourceId` also accepts documents a loaded dataset
 * cites before they are ingested (so `claims --source` works on the built-in dataset).
 */
import { DossierError } from "../errors/index.ts";
import type { Source } from "../model/types.ts";
import type { StoreOps } from "../store/store.ts";

const FULL_ID = /^sha256:[0-9a-f]{64}$/;

/** `sha256:`-prefixed lowercase form of what the user typed; USAGE when it is not hex. */
function normalise(ref: string): string {
  const hex = ref.trim().toLowerCase().replace(/^sha256:/, "");
  if (!/^[0-9a-f]{4,64}$/.test(hex)) throw new DossierError("USAGE", `"${ref}" is not a source id (sha256:… or at least 4 hex digits of one)`, { field: "source" });
  return `sha256:${hex}`;
}

function pickOne(ref: string, ids: string[]): string {
  if (ids.length === 1) return ids[0];
  if (ids.length === 0) throw new DossierError("NOT_FOUND", `no source ${ref}`, { id: ref });
  const shown = ids.slice(0, 5).map((id) => id.slice(0, 19) + "…").join(", ");
  throw new DossierError("AMBIGUOUS", `${ref} matches ${ids.length > 5 ? "several" : ids.length} sources: ${shown}; give more digits`, { id: ref });
}

/** An archived source. */
export async function resolveSource(store: StoreOps, ref: string): Promise<Source> {
  const found = await store.findSourcesByPrefix(normalise(ref), 6);
  const id = pickOne(ref, found.map((s) => s.id));
  return found.find((s) => s.id === id)!;
}

/** The id of an archived source or of a document a loaded dataset lists. */
export async function resolveSourceId(store: StoreOps, ref: string): Promise<string> {
  const prefix = normalise(ref);
  if (FULL_ID.test(prefix)) return prefix;
  const ids = new Set((await store.findSourcesByPrefix(prefix, 6)).map((s) => s.id));
  for (const ds of await store.listDatasets()) {
    const listed = ds.extra?.sources;
    if (!Array.isArray(listed)) continue;
    for (const s of listed as { id?: unknown }[]) if (typeof s?.id === "string" && s.id.startsWith(prefix)) ids.add(s.id);
  }
  return pickOne(ref, [...ids]);
}
