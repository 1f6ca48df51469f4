/** Reading the audit log for `dossier audit`: everything, one target's history, or the latest entries. */
import type { AuditEntry } from "../../model/types.ts";
import type { StoreOps } from "../../store/store.ts";

export async function auditLog(store: StoreOps, f: { target?: string; limit?: number } = {}): Promise<AuditEntry[]> {
  const all = await store.listAudit({ targetId: f.target });
  return f.limit !== undefined ? all.slice(-f.limit) : all;
}
