/**
 * `dossier timeline`: an entity's dated claims in order, each date shown with its precision
 * and uncertainty. Events tied to the entity (an event whose attributes name it, such as a
 * meeting of a body) bring their claims along, so a body's timeline shows its meetings.
 */
import { compareForSort } from "../../dates/index.ts";
import type { Claim, Entity } from "../../model/types.ts";
import type { StoreOps } from "../../store/store.ts";
import { annotate } from "./claims.ts";
import { claimDate, dateView, type DateView } from "./dates.ts";
import type { ClaimView } from "./present.ts";
import { resolveEntity } from "./resolve.ts";

export interface TimelineEntry {
  date: DateView;
  claim: ClaimView;
  /** The event through which the claim concerns the entity, when not directly. */
  via?: { id: string; name: string };
}

export interface Timeline {
  entity: Entity;
  entries: TimelineEntry[];
  /** Claims about the entity that carry no date, left off the timeline. */
  undated: number;
}

function mentions(value: unknown, id: string): boolean {
  if (value === id) return true;
  if (Array.isArray(value)) return value.some((v) => mentions(v, id));
  if (value && typeof value === "object") return (value as { id?: unknown }).id === id;
  return false;
}

/** Events whose attributes point at the entity (body, within, part_of, host…). */
async function relatedEvents(store: StoreOps, entity: Entity): Promise<Entity[]> {
  if (entity.type === "Event") return [];
  const events = await store.listEntities({ type: "Event" });
  return events.filter((e) => Object.values(e.attributes).some((v) => mentions(v, entity.id)));
}

export async function timeline(store: StoreOps, nameOrId: string): Promise<Timeline> {
  const entity = await resolveEntity(store, nameOrId);
  const via = new Map<string, Entity>();
  const byId = new Map<string, Claim>();
  for (const c of await store.findClaims({ involving: entity.id })) byId.set(c.id, c);
  for (const ev of await relatedEvents(store, entity)) {
    for (const c of await store.findClaims({ involving: ev.id })) {
      if (!byId.has(c.id)) {
        byId.set(c.id, c);
        via.set(c.id, ev);
      }
    }
  }
  const claims = [...byId.values()].filter((c) => c.status !== "rejected");
  const dated = claims.flatMap((c) => {
    const d = claimDate(c);
    return d ? [{ claim: c, date: d }] : [];
  });
  dated.sort((a, b) => compareForSort(a.date, b.date) || a.claim.id.localeCompare(b.claim.id));
  const views = new Map((await annotate(store, dated.map((x) => x.claim))).map((v) => [v.id, v]));
  const entries = dated.map(({ claim, date }): TimelineEntry => {
    const entry: TimelineEntry = { date: dateView(date), claim: views.get(claim.id)! };
    const ev = via.get(claim.id);
    if (ev) entry.via = { id: ev.id, name: ev.name };
    return entry;
  });
  return { entity, entries, undated: claims.length - dated.length };
}
