/**
 * Competing claims side by side: for each claim shown, the other claims (shown or not) that
 * state the same fact from other sources with dates that cannot both be right
 * (compat.ts, `disputes`). Both stay in the ledger; the output names the rival.
 */
import type { Ontology } from "../../model/ontology.ts";
import type { Claim } from "../../model/types.ts";
import type { StoreOps } from "../../store/store.ts";
import { disputes } from "./compat.ts";

const keyOf = (predicate: string, a: string, b: string, symmetric: boolean) =>
  [predicate, ...(symmetric ? [a, b].sort() : [a, b])].join("\u0000");

/** Beyond this many distinct facts, rivals are fetched per predicate rather than per fact. */
const PER_FACT_LIMIT = 50;

export async function findDisputes(store: StoreOps, claims: Claim[], ontology: Ontology): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const isSymmetric = (p: string) => ontology.predicates.get(p)?.symmetric ?? false;
  const live = claims.filter((c) => c.status !== "rejected");
  const keys = new Set(live.map((c) => keyOf(c.predicate, c.subject, c.object, isSymmetric(c.predicate))));
  const rivalsByKey = new Map<string, Claim[]>();
  const add = (r: Claim) => {
    const k = keyOf(r.predicate, r.subject, r.object, isSymmetric(r.predicate));
    if (!keys.has(k)) return;
    const list = rivalsByKey.get(k) ?? [];
    list.push(r);
    rivalsByKey.set(k, list);
  };
  if (keys.size > PER_FACT_LIMIT) {
    for (const r of await store.findClaims({ predicate: [...new Set(live.map((c) => c.predicate))] })) add(r);
  } else {
    const seen = new Set<string>();
    for (const c of live) {
      const k = keyOf(c.predicate, c.subject, c.object, isSymmetric(c.predicate));
      if (seen.has(k)) continue;
      seen.add(k);
      for (const r of await store.findClaims({ predicate: c.predicate, subject: c.subject, object: c.object })) add(r);
      if (isSymmetric(c.predicate) && c.subject !== c.object) {
        for (const r of await store.findClaims({ predicate: c.predicate, subject: c.object, object: c.subject })) add(r);
      }
    }
  }
  const objectTypes = new Map<string, string>();
  for (const [id, e] of await store.getEntities(live.map((c) => c.object))) objectTypes.set(id, e.type);
  for (const c of live) {
    const symmetric = isSymmetric(c.predicate);
    const rivals = rivalsByKey.get(keyOf(c.predicate, c.subject, c.object, symmetric)) ?? [];
    const objectIsEvent = objectTypes.get(c.object) === "Event";
    const ids = rivals.filter((r) => disputes(c, r, { symmetric, objectIsEvent })).map((r) => r.id);
    if (ids.length) out.set(c.id, ids);
  }
  return out;
}
