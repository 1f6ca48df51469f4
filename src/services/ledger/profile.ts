/**
 * `dossier entity` and `dossier entities`: one entity's profile (names in every script,
 * attributes, claims grouped by predicate, outgoing and incoming, with dates and
 * citations), and the list of entities with how many claims each takes part in.
 */
import { DossierError } from "../../errors/index.ts";
import type { Entity } from "../../model/types.ts";
import type { StoreOps } from "../../store/store.ts";
import { annotate } from "./claims.ts";
import type { ClaimView } from "./present.ts";
import { resolveEntity } from "./resolve.ts";

export interface EntityProfile {
  entity: Entity;
  /** Claims where the entity is the subject, by predicate. */
  outgoing: Record<string, ClaimView[]>;
  /** Claims where it is the object, by predicate. */
  incoming: Record<string, ClaimView[]>;
  counts: { outgoing: number; incoming: number };
}

function group(views: ClaimView[]): Record<string, ClaimView[]> {
  const out: Record<string, ClaimView[]> = {};
  for (const v of views) (out[v.predicate] ??= []).push(v);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export async function entityProfile(store: StoreOps, nameOrId: string, opts: { includeRejected?: boolean } = {}): Promise<EntityProfile> {
  const entity = await resolveEntity(store, nameOrId);
  const claims = (await store.findClaims({ involving: entity.id })).filter((c) => opts.includeRejected || c.status !== "rejected");
  const views = await annotate(store, claims);
  const outgoing = views.filter((v) => v.subject.id === entity.id);
  const incoming = views.filter((v) => v.subject.id !== entity.id);
  return { entity, outgoing: group(outgoing), incoming: group(incoming), counts: { outgoing: outgoing.length, incoming: incoming.length } };
}

export interface EntityRow {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  dataset: string;
  claims: number;
}

export async function listEntities(store: StoreOps, f: { type?: string; dataset?: string } = {}): Promise<EntityRow[]> {
  if (f.dataset && !(await store.getDataset(f.dataset))) throw new DossierError("NOT_FOUND", `no dataset "${f.dataset}"`, { id: f.dataset });
  const entities = await store.listEntities({ type: f.type, dataset: f.dataset });
  const counts = await store.claimCountsByEntity(entities.map((e) => e.id));
  return entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, dataset: e.dataset, claims: counts.get(e.id) ?? 0 }));
}
