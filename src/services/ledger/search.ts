/**
 * `dossier search`: entities whose name or an alias contains the text (any script), and
 * claims that mention it: through their subject's or object's names, their predicate,
 * their note or a qualifier's value. Text is folded (case, accents, punctuation) the same
 * way on both sides, as the store folds names.
 */
import { DossierError } from "../../errors/index.ts";
import { foldName } from "../../model/fold.ts";
import type { Claim, QualifierValue } from "../../model/types.ts";
import type { StoreOps } from "../../store/store.ts";
import { annotate } from "./claims.ts";
import type { ClaimView } from "./present.ts";
import type { EntityRow } from "./profile.ts";

export interface SearchResult {
  query: string;
  entities: EntityRow[];
  claims: ClaimView[];
}

function qualifierTexts(v: QualifierValue, names: Map<string, string[]>): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => qualifierTexts(x, names));
  if (v && typeof v === "object") return [v.id, ...(v.name ? [v.name] : []), ...(names.get(v.id) ?? [])];
  if (typeof v === "string") return [v, ...(names.get(v) ?? [])];
  return v === null ? [] : [String(v)];
}

/** Entity ids a claim mentions: its parties and entity-valued qualifiers (ids as text or `{id}`). */
function mentioned(c: Claim): string[] {
  const ids = [c.subject, c.object];
  const walk = (v: QualifierValue) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "string" && /^[a-z][a-z0-9_-]*:\S+$/.test(v)) ids.push(v);
    else if (v && typeof v === "object") ids.push(v.id);
  };
  Object.values(c.qualifiers).forEach(walk);
  return ids;
}

export async function search(store: StoreOps, text: string, opts: { limit?: number } = {}): Promise<SearchResult> {
  const needle = foldName(text);
  if (!needle) throw new DossierError("USAGE", "search needs some letters or digits");
  const limit = opts.limit ?? 50;
  const found = await store.searchEntities(text, { limit });
  const counts = await store.claimCountsByEntity(found.map((e) => e.id));
  const entities = found.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, dataset: e.dataset, claims: counts.get(e.id) ?? 0 }));

  // Claims are scanned rather than indexed: fine for curated datasets and review queues.
  const all = (await store.findClaims({})).filter((c) => c.status !== "rejected");
  const ids = new Set(all.flatMap(mentioned));
  const entityNames = new Map<string, string[]>();
  for (const [id, e] of await store.getEntities([...ids])) entityNames.set(id, [e.name, ...e.aliases]);
  const hit = (s: string) => foldName(s).includes(needle);
  const matches = (c: Claim) =>
    hit(c.predicate.replace(/_/g, " ")) ||
    [c.subject, c.object].some((id) => hit(id) || (entityNames.get(id) ?? []).some(hit)) ||
    (c.note !== null && hit(c.note)) ||
    Object.values(c.qualifiers).some((v) => qualifierTexts(v, entityNames).some(hit));
  const claims = await annotate(store, all.filter(matches).slice(0, limit));
  return { query: text, entities, claims };
}
