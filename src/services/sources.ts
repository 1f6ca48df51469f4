/** Looking up archived sources by id or prefix, for commands that take a SOURCE argument. */
import { DossierError } from "../errors/index.ts";
import type { Source } from "../model/types.ts";
import type { StoreOps } from "../store/store.ts";

export async function resolveSource(store: StoreOps, ref: string): Promise<Source> {
  const hex = ref.replace(/^sha256:/, "").toLowerCase();
  if (!/^[0-9a-f]{4,64}$/.test(hex)) throw new DossierError("USAGE", `"${ref}" is not a source id (sha256:… or at least 4 hex digits of one)`, { field: "source" });
  const found = await store.findSourcesByPrefix(`sha256:${hex}`, 6);
  if (found.length === 0) throw new DossierError("NOT_FOUND", `no archived source ${ref}`, { id: ref });
  if (found.length > 1) {
    throw new DossierError("AMBIGUOUS", `${ref} matches ${found.length > 5 ? "several" : found.length} sources: ${found.slice(0, 5).map((s) => s.id.slice(0, 19)).join(", ")}; give more digits`, { id: ref });
  }
  return found[0];
}
