/**
 * Storing proposed claims (from the extractor or from screening) in a work dataset: the
 * dataset is made private and user-owned if it is new, claims already stored keep the
 * decision a reviewer made on them, and each new claim gets a "created" audit entry.
 */
import type { Claim } from "../model/types.ts";
import type { StoreOps } from "../store/store.ts";

/** Where proposed claims land unless told otherwise: private until someone publishes. */
export const DEFAULT_WORK_DATASET = "workspace";

/** Creates the dataset proposals go into, private and user-made, unless it exists. */
export async function ensureWorkDataset(tx: StoreOps, name: string, now: string): Promise<void> {
  if (await tx.getDataset(name)) return;
  await tx.putDataset({ name, title: "Work in progress", visibility: "private", kind: "user", version: null, sourceId: null, loadedAt: now, extra: {} });
}

/**
 * Stores the claims not stored yet (by id) into `dataset`, audited with `reason`; returns
 * those it created. A re-run must not reset a reviewer's decisions, so existing ids are
 * left exactly as they are.
 */
export async function storeProposedClaims(tx: StoreOps, claims: Claim[], opts: { dataset: string; actor: string; reason: string; now: string }): Promise<Claim[]> {
  if (!claims.length) return [];
  await ensureWorkDataset(tx, opts.dataset, opts.now);
  const existing = new Set((await tx.findClaims({ ids: claims.map((c) => c.id) })).map((c) => c.id));
  const created = claims.filter((c) => !existing.has(c.id));
  await tx.putClaims(created);
  for (const c of created) {
    await tx.appendAudit({ actor: opts.actor, action: "created", targetKind: "claim", targetId: c.id, before: null, after: c, reason: opts.reason });
  }
  return created;
}
