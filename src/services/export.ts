/**
 * Exporting datasets as FollowTheMoney entity JSON lines: entities first, then accepted
 * claims as interval entities, plus any entity a claim points at that lives in another
 * (public or requested) dataset, so every reference resolves within the export. Without
 * --dataset only public datasets are exported; a private one must be named.
 */
import { DossierError } from "../errors/index.ts";
import type { Claim, Dataset, Entity } from "../model/types.ts";
import type { StoreOps } from "../store/store.ts";
import { loadFtmModel, type FtmEntityJson } from "../io/ftm-model.ts";
import { FtmExporter, ftmIdOf } from "../io/ftm-export.ts";

export interface ExportFtmRequest {
  dataset?: string | string[];
  /** Receives one JSON line (no newline) at a time. */
  write: (line: string) => void | Promise<void>;
}

export interface ExportSummary {
  datasets: string[];
  entities: number;
  intervals: number;
  lines: number;
  /** References to entities outside the export, dropped so every reference resolves. */
  droppedReferences: number;
}

const PAGE = 5000;

/** Entity-typed ends of each exported interval schema; the others carry names only. */
const REFERENCED: Record<string, ("subject" | "object")[]> = { sanctioned: ["object"] };

/**
 * Two walks over the same data: the first only learns which ids the export will hold, so
 * the second can drop references to entities that are not in it (published FtM files
 * point at addresses they do not include) while streaming lines out.
 */
export async function exportFtm(store: StoreOps, req: ExportFtmRequest): Promise<ExportSummary> {
  const ids = new Set<string>();
  await walk(store, req.dataset, (rec) => void ids.add(rec.id));
  const model = loadFtmModel();
  let dropped = 0;
  const summary = await walk(store, req.dataset, async (rec) => {
    rec.properties = { ...rec.properties };
    for (const [k, vs] of Object.entries(rec.properties)) {
      if (model.property(rec.schema, k)?.type !== "entity") continue;
      const kept = vs.filter((v) => ids.has(v));
      dropped += vs.length - kept.length;
      if (kept.length) rec.properties[k] = kept;
      else delete rec.properties[k];
    }
    await req.write(JSON.stringify(rec));
  });
  return { ...summary, droppedReferences: dropped };
}

async function walk(store: StoreOps, dataset: string | string[] | undefined, write: (rec: FtmEntityJson) => void | Promise<void>): Promise<Omit<ExportSummary, "droppedReferences">> {
  const req = { dataset };
  const all = await store.listDatasets();
  const byName = new Map(all.map((d) => [d.name, d]));
  let chosen: Dataset[];
  if (req.dataset !== undefined) {
    const names = Array.isArray(req.dataset) ? req.dataset : [req.dataset];
    chosen = names.map((n) => {
      const d = byName.get(n);
      if (!d) throw new DossierError("NOT_FOUND", `no dataset ${n}`, { field: "dataset" });
      return d;
    });
  } else chosen = all.filter((d) => d.visibility === "public");
  const names = chosen.map((d) => d.name);
  const allowed = new Set(names);
  const visible = (e: Entity) => allowed.has(e.dataset) || byName.get(e.dataset)?.visibility === "public";

  const exporter = new FtmExporter(loadFtmModel());
  const ftmIds = new Map<string, string>();
  const ledgerNames = new Map<string, string>();
  const written = new Set<string>();
  const summary = { datasets: names, entities: 0, intervals: 0, lines: 0 };
  const emit = async (rec: FtmEntityJson) => {
    if (written.has(rec.id)) return;
    written.add(rec.id);
    summary.lines++;
    await write(rec);
  };
  const emitEntity = async (e: Entity) => {
    ftmIds.set(e.id, ftmIdOf(e));
    ledgerNames.set(e.id, e.name);
    for (const rec of exporter.entity(e)) await emit(rec);
    summary.entities++;
  };
  if (!names.length) return summary;

  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listEntities({ dataset: names, limit: PAGE, offset });
    for (const e of page) await emitEntity(e);
    if (page.length < PAGE) break;
  }

  for (let offset = 0; ; offset += PAGE) {
    const page: Claim[] = await store.findClaims({ dataset: names, status: "accepted", limit: PAGE, offset });
    // Ends living in other datasets: fetch them once per page.
    const missing = new Set<string>();
    for (const c of page) for (const end of [c.subject, c.object]) if (!ftmIds.has(end) && !ledgerNames.has(end)) missing.add(end);
    const found = missing.size ? await store.getEntities([...missing]) : new Map<string, Entity>();
    for (const e of found.values()) ledgerNames.set(e.id, e.name);
    for (const c of page) {
      const needs = REFERENCED[c.predicate] ?? ["subject", "object"];
      const ends = needs.map((k) => c[k]);
      if (ends.some((id) => !ftmIds.has(id) && !(found.get(id) && visible(found.get(id)!)))) continue;
      for (const id of ends) if (!ftmIds.has(id)) await emitEntity(found.get(id)!);
      const rec = exporter.claim(c, (id) => ftmIds.get(id) ?? id.replace(/:/g, "-"), (id) => ledgerNames.get(id));
      if (rec) {
        await emit(rec);
        summary.intervals++;
      }
    }
    if (page.length < PAGE) break;
  }
  return summary;
}
