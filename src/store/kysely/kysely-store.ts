/**
 * The Store written once in Kysely's SQL builder; each backend (sqlite/, postgres/) gives
 * it a dialect and a Backend for the few engine-specific parts.
 */
import { Kysely, Migrator, type Migration, type MigrationProvider, type Transaction } from "kysely";
import { DossierError } from "../../errors/index.ts";
import { custodyHash, GENESIS_HASH } from "../../model/custody.ts";
import { foldName } from "../../model/fold.ts";
import type {
  AuditEntry,
  Claim,
  CustodyEntry,
  Dataset,
  Entity,
  NewAuditEntry,
  NewCustodyEntry,
  Source,
  SourceId,
  SourceText,
} from "../../model/types.ts";
import type { BulkSink, ClaimQuery, EntityQuery, SourceCitation, SourceQuery, Store, StoreOps, TextHit } from "../store.ts";
import type { Backend, Upsert } from "./backend.ts";
import { sharedMigrations } from "./migrations.ts";
import * as rows from "./rows.ts";
import type { CitationRow, Database } from "./schema.ts";

/** Ids per `IN (…)` list: well under every engine's bound-parameter limit. */
const BATCH = 200;


/** A second put of an entity replaces all of it; of a claim, all but when it was created. */
const ENTITY_UPSERT: Upsert = { key: "id", update: rows.ENTITY_COLUMNS.filter((c) => c !== "id") };
const CLAIM_UPSERT: Upsert = { key: "id", update: rows.CLAIM_COLUMNS.filter((c) => c !== "id" && c !== "created_at") };

/** Name rows a bulk load writes before it may defer the name index (below this, per-row upkeep is cheap). */
const DEFER_INDEX_MIN = 5_000;

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

function chunks<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const now = () => new Date().toISOString();

class KyselyOps implements StoreOps {
  constructor(
    protected readonly db: Kysely<Database>,
    protected readonly engine: Backend,
  ) {}

  // ── Sources ───────────────────────────────────────────────────────────────
  async putSource(source: Source, texts: SourceText[]): Promise<void> {
    await this.db.insertInto("sources").values(rows.sourceToRow(source)).execute();
    for (const t of texts) {
      await this.db
        .insertInto("source_texts")
        .values({ source_id: source.id, kind: t.kind, sha256: t.sha256, text: t.text })
        .execute();
    }
  }

  async getSource(id: SourceId): Promise<Source | null> {
    const r = await this.db.selectFrom("sources").selectAll().where("id", "=", id).executeTakeFirst();
    return r ? rows.rowToSource(r) : null;
  }

  async findSourcesByPrefix(prefix: string, limit = 10): Promise<Source[]> {
    const p = prefix.startsWith("sha256:") ? prefix : `sha256:${prefix}`;
    const rs = await this.db
      .selectFrom("sources")
      .selectAll()
      .where("id", ">=", p)
      .where("id", "<", p + "\uffff")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rs.map(rows.rowToSource);
  }

  async listSources(q: SourceQuery = {}): Promise<Source[]> {
    let query = this.db.selectFrom("sources").selectAll().orderBy("ingested_at").orderBy("id");
    if (q.format) query = query.where("format", "=", q.format);
    if (q.limit !== undefined) query = query.limit(q.limit).offset(q.offset ?? 0);
    return (await query.execute()).map(rows.rowToSource);
  }

  async countSources(): Promise<number> {
    const r = await this.db.selectFrom("sources").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async getSourceText(id: SourceId, kind: SourceText["kind"] = "text"): Promise<SourceText | null> {
    const r = await this.db
      .selectFrom("source_texts")
      .selectAll()
      .where("source_id", "=", id)
      .where("kind", "=", kind)
      .executeTakeFirst();
    return r ? { sourceId: r.source_id, kind: r.kind as SourceText["kind"], sha256: r.sha256, text: r.text } : null;
  }

  async listSourceTexts(id: SourceId): Promise<SourceText[]> {
    const rs = await this.db.selectFrom("source_texts").selectAll().where("source_id", "=", id).orderBy("kind").execute();
    return rs.map((r) => ({ sourceId: r.source_id, kind: r.kind as SourceText["kind"], sha256: r.sha256, text: r.text }));
  }

  searchText(query: string, options: { limit?: number } = {}): Promise<TextHit[]> {
    return this.engine.searchText(this.db, query, options.limit ?? 20);
  }

  // ── Custody ───────────────────────────────────────────────────────────────
  async appendCustody(entry: NewCustodyEntry): Promise<CustodyEntry> {
    await this.engine.lockCustody(this.db);
    const last = await this.db.selectFrom("custody").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
    const base = {
      seq: last ? Number(last.seq) + 1 : 1,
      at: entry.at ?? now(),
      actor: entry.actor,
      action: entry.action,
      sourceId: entry.sourceId,
      details: entry.details ?? {},
      prevHash: last ? last.hash : GENESIS_HASH,
    };
    const full: CustodyEntry = { ...base, hash: custodyHash(base) };
    await this.db.insertInto("custody").values(rows.custodyToRow(full)).execute();
    return full;
  }

  async listCustody(o: { sourceId?: SourceId; afterSeq?: number; limit?: number } = {}): Promise<CustodyEntry[]> {
    let q = this.db.selectFrom("custody").selectAll().orderBy("seq");
    if (o.sourceId) q = q.where("source_id", "=", o.sourceId);
    if (o.afterSeq !== undefined) q = q.where("seq", ">", o.afterSeq);
    if (o.limit !== undefined) q = q.limit(o.limit);
    return (await q.execute()).map(rows.rowToCustody);
  }

  // ── Datasets ──────────────────────────────────────────────────────────────
  async putDataset(d: Dataset): Promise<void> {
    const row = rows.datasetToRow(d);
    await this.db
      .insertInto("datasets")
      .values(row)
      .onConflict((oc) => oc.column("name").doUpdateSet({ ...row }))
      .execute();
  }

  async getDataset(name: string): Promise<Dataset | null> {
    const r = await this.db.selectFrom("datasets").selectAll().where("name", "=", name).executeTakeFirst();
    return r ? rows.rowToDataset(r) : null;
  }

  async listDatasets(): Promise<Dataset[]> {
    return (await this.db.selectFrom("datasets").selectAll().orderBy("name").execute()).map(rows.rowToDataset);
  }

  async clearDataset(name: string): Promise<{ entities: number; claims: number }> {
    const claimIds = this.db.selectFrom("claims").select("id").where("dataset", "=", name);
    await this.db.deleteFrom("citations").where("claim_id", "in", claimIds).execute();
    const c = await this.db.deleteFrom("claims").where("dataset", "=", name).executeTakeFirst();
    const entityIds = this.db.selectFrom("entities").select("id").where("dataset", "=", name);
    await this.db.deleteFrom("entity_names").where("entity_id", "in", entityIds).execute();
    const e = await this.db.deleteFrom("entities").where("dataset", "=", name).executeTakeFirst();
    return { entities: Number(e.numDeletedRows), claims: Number(c.numDeletedRows) };
  }

  // ── Entities ──────────────────────────────────────────────────────────────
  async putEntities(entities: Entity[]): Promise<void> {
    if (entities.length) await this.inTransaction((trx) => trx.writeEntities(entities));
  }

  /**
   * Runs fn on ops bound to a transaction: this one, or a new one. The backends' bulk
   * writers need one (SQLite writes on the connection the transaction holds), and a put of
   * many rows is then all-or-nothing too.
   */
  protected inTransaction<T>(fn: (ops: KyselyOps) => Promise<T>): Promise<T> {
    if (this.db.isTransaction) return fn(this);
    return this.db.transaction().execute((trx) => fn(new KyselyOps(trx, this.engine)));
  }

  protected get trx(): Transaction<Database> {
    if (!this.db.isTransaction) throw new DossierError("INTERNAL", "bulk writes run inside a transaction");
    return this.db as Transaction<Database>;
  }

  /** Upserts entities and replaces their folded names; returns how many name rows it wrote. */
  protected async writeEntities(entities: Entity[]): Promise<number> {
    const replaced = await this.engine.writeRows(this.trx, "entities", rows.ENTITY_COLUMNS, entities.map((e) => rows.valuesOf(rows.entityToRow(e), rows.ENTITY_COLUMNS)), ENTITY_UPSERT);
    // An entity stored before loses its old names; a new one has none to lose.
    await this.engine.deleteRows(this.trx, "entity_names", "entity_id", replaced.map((i) => entities[i].id));
    const names = entities.flatMap(rows.nameRows);
    await this.engine.writeRows(this.trx, "entity_names", rows.NAME_COLUMNS, names);
    return names.length;
  }

  async bulkLoad<T>(load: (sink: BulkSink) => Promise<T>): Promise<T> {
    return this.inTransaction(async (ops) => {
      // Name rows already stored: once this load has written more than that (and enough to
      // matter), one index build over the table at the end beats an index insert per row.
      const stored = await ops.db.selectFrom("entity_names").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      const threshold = Math.max(Number(stored.n), DEFER_INDEX_MIN);
      let written = 0;
      let restore: (() => Promise<void>) | null = null;
      const sink: BulkSink = {
        entities: async (entities) => {
          if (!entities.length) return;
          if (!restore && written >= threshold) restore = await ops.engine.suspendIndex(ops.trx, "entity_names_folded");
          written += await ops.writeEntities(entities);
        },
        claims: async (claims) => {
          if (claims.length) await ops.writeClaims(claims);
        },
      };
      try {
        return await load(sink);
      } finally {
        // Built again even when the load fails: a caller may catch the error and still commit.
        if (restore) await (restore as () => Promise<void>)();
      }
    });
  }

  async getEntity(id: string): Promise<Entity | null> {
    let current = id;
    for (let hops = 0; hops < 16; hops++) {
      const r = await this.db.selectFrom("entities").selectAll().where("id", "=", current).executeTakeFirst();
      if (!r) return null;
      if (!r.merged_into) return rows.rowToEntity(r);
      current = r.merged_into;
    }
    throw new DossierError("INTERNAL", `entity merge chain from ${id} is too long or circular`, { id });
  }

  async getEntities(ids: string[]): Promise<Map<string, Entity>> {
    const out = new Map<string, Entity>();
    for (const batch of chunks([...new Set(ids)])) {
      const rs = await this.db.selectFrom("entities").selectAll().where("id", "in", batch).execute();
      for (const r of rs) out.set(r.id, rows.rowToEntity(r));
    }
    return out;
  }

  private entityFilter(query: EntityQuery) {
    let q = this.db.selectFrom("entities");
    const types = asList(query.type);
    const datasets = asList(query.dataset);
    if (types?.length) q = q.where("type", "in", types);
    if (datasets?.length) q = q.where("dataset", "in", datasets);
    if (!query.includeMerged) q = q.where("merged_into", "is", null);
    return q;
  }

  async listEntities(query: EntityQuery = {}): Promise<Entity[]> {
    let q = this.entityFilter(query).selectAll().orderBy("type").orderBy("name").orderBy("id");
    if (query.limit !== undefined) q = q.limit(query.limit).offset(query.offset ?? 0);
    return (await q.execute()).map(rows.rowToEntity);
  }

  async countEntities(query: EntityQuery = {}): Promise<number> {
    const r = await this.entityFilter(query).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async findEntitiesByName(name: string, query: EntityQuery = {}): Promise<Entity[]> {
    const folded = foldName(name);
    if (!folded) return [];
    const ids = this.db.selectFrom("entity_names").select("entity_id").where("folded", "=", folded);
    let q = this.entityFilter(query).selectAll().where("id", "in", ids).orderBy("id");
    if (query.limit !== undefined) q = q.limit(query.limit);
    return (await q.execute()).map(rows.rowToEntity);
  }

  async searchEntities(text: string, query: EntityQuery = {}): Promise<Entity[]> {
    const folded = foldName(text);
    if (!folded) return [];
    const pattern = `%${folded.replace(/[\\%_]/g, (c) => "\\" + c)}%`;
    const ids = this.db
      .selectFrom("entity_names")
      .select("entity_id")
      .where((eb) => eb("folded", "like", eb.val(pattern)))
      .where((eb) => eb.or([eb("folded", "=", folded), eb("folded", "like", pattern)]));
    let q = this.entityFilter(query).selectAll().where("id", "in", ids).orderBy("name");
    q = q.limit(query.limit ?? 50);
    return (await q.execute()).map(rows.rowToEntity);
  }

  async mergeEntity(fromId: string, intoId: string): Promise<void> {
    if (fromId === intoId) throw new DossierError("CONFLICT", `cannot merge ${fromId} into itself`, { id: fromId });
    const into = await this.getEntity(intoId);
    const from = await this.db.selectFrom("entities").selectAll().where("id", "=", fromId).executeTakeFirst();
    if (!from) throw new DossierError("NOT_FOUND", `no entity ${fromId}`, { id: fromId });
    if (!into) throw new DossierError("NOT_FOUND", `no entity ${intoId}`, { id: intoId });
    if (into.id === fromId) throw new DossierError("CONFLICT", `${intoId} is already merged into ${fromId}`, { id: intoId });
    await this.db.updateTable("entities").set({ merged_into: into.id }).where("id", "=", fromId).execute();
    await this.db.updateTable("entities").set({ merged_into: into.id }).where("merged_into", "=", fromId).execute();
    await this.db.updateTable("claims").set({ subject_id: into.id }).where("subject_id", "=", fromId).execute();
    await this.db.updateTable("claims").set({ object_id: into.id }).where("object_id", "=", fromId).execute();
    // The merged entity's names now find the survivor.
    await this.db.updateTable("entity_names").set({ entity_id: into.id }).where("entity_id", "=", fromId).execute();
  }

  // ── Claims ────────────────────────────────────────────────────────────────
  async putClaims(claims: Claim[]): Promise<void> {
    if (claims.length) await this.inTransaction((trx) => trx.writeClaims(claims));
  }

  /** Upserts claims and replaces their citations. */
  protected async writeClaims(claims: Claim[]): Promise<void> {
    const replaced = await this.engine.writeRows(this.trx, "claims", rows.CLAIM_COLUMNS, claims.map((c) => rows.valuesOf(rows.claimToRow(c), rows.CLAIM_COLUMNS)), CLAIM_UPSERT);
    await this.engine.deleteRows(this.trx, "citations", "claim_id", replaced.map((i) => claims[i].id));
    const cites: unknown[][] = [];
    for (const c of claims) for (const r of rows.citationRows(c)) cites.push(rows.valuesOf(r, rows.CITATION_COLUMNS));
    await this.engine.writeRows(this.trx, "citations", rows.CITATION_COLUMNS, cites);
  }

  async getClaim(id: string): Promise<Claim | null> {
    const [c] = await this.findClaims({ ids: [id] });
    return c ?? null;
  }

  private claimFilter(query: ClaimQuery) {
    let q = this.db.selectFrom("claims");
    if (query.ids) q = q.where("id", "in", query.ids.length ? query.ids : [""]);
    const preds = asList(query.predicate);
    if (preds?.length) q = q.where("predicate", "in", preds);
    if (query.subject) q = q.where("subject_id", "=", query.subject);
    if (query.object) q = q.where("object_id", "=", query.object);
    if (query.involving) {
      const id = query.involving;
      q = q.where((eb) => eb.or([eb("subject_id", "=", id), eb("object_id", "=", id)]));
    }
    const statuses = asList(query.status);
    if (statuses?.length) q = q.where("status", "in", statuses);
    const datasets = asList(query.dataset);
    if (datasets?.length) q = q.where("dataset", "in", datasets);
    if (query.source) {
      const cited = this.db.selectFrom("citations").select("claim_id").where("source_id", "=", query.source);
      q = q.where("id", "in", cited);
    }
    return q;
  }

  async findClaims(query: ClaimQuery = {}): Promise<Claim[]> {
    let q = this.claimFilter(query).selectAll().orderBy("created_at").orderBy("id");
    if (query.limit !== undefined) q = q.limit(query.limit).offset(query.offset ?? 0);
    const claimRows = await q.execute();
    const byClaim = new Map<string, CitationRow[]>();
    for (const batch of chunks(claimRows.map((r) => r.id))) {
      const cs = await this.db.selectFrom("citations").selectAll().where("claim_id", "in", batch).execute();
      for (const c of cs) {
        const list = byClaim.get(c.claim_id) ?? [];
        list.push(c);
        byClaim.set(c.claim_id, list);
      }
    }
    return claimRows.map((r) => rows.rowToClaim(r, byClaim.get(r.id) ?? []));
  }

  async listCitations(sourceId: SourceId, options: { after?: { claimId: string; position: number }; limit?: number } = {}): Promise<SourceCitation[]> {
    let q = this.db.selectFrom("citations").selectAll().where("source_id", "=", sourceId);
    const after = options.after;
    if (after) q = q.where((eb) => eb.or([eb("claim_id", ">", after.claimId), eb.and([eb("claim_id", "=", after.claimId), eb("position", ">", after.position)])]));
    const found = await q.orderBy("claim_id").orderBy("position").limit(options.limit ?? 1000).execute();
    return found.map((c) => ({ claimId: c.claim_id, position: c.position, source: c.source_id, start: c.start, end: c.end, quoteSha256: c.quote_sha256 }));
  }

  async countClaims(query: ClaimQuery = {}): Promise<number> {
    const r = await this.claimFilter(query).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async claimCountsByEntity(entityIds: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>(entityIds.map((id) => [id, 0]));
    for (const batch of chunks([...new Set(entityIds)])) {
      for (const col of ["subject_id", "object_id"] as const) {
        const rs = await this.db
          .selectFrom("claims")
          .select([col, (eb) => eb.fn.countAll<number>().as("n")])
          .where(col, "in", batch)
          .groupBy(col)
          .execute();
        for (const r of rs) {
          const id = (r as Record<string, unknown>)[col] as string;
          out.set(id, (out.get(id) ?? 0) + Number(r.n));
        }
      }
    }
    return out;
  }

  // ── Audit ─────────────────────────────────────────────────────────────────
  async appendAudit(entry: NewAuditEntry): Promise<AuditEntry> {
    const last = await this.db.selectFrom("audit").select("seq").orderBy("seq", "desc").limit(1).executeTakeFirst();
    const row = {
      seq: last ? Number(last.seq) + 1 : 1,
      at: entry.at ?? now(),
      actor: entry.actor,
      action: entry.action,
      target_kind: entry.targetKind,
      target_id: entry.targetId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      reason: entry.reason ?? null,
    };
    await this.db.insertInto("audit").values(row).execute();
    return rows.rowToAudit(row);
  }

  async listAudit(o: { targetId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    let q = this.db.selectFrom("audit").selectAll().orderBy("seq");
    if (o.targetId) q = q.where("target_id", "=", o.targetId);
    if (o.limit !== undefined) q = q.limit(o.limit);
    return (await q.execute()).map(rows.rowToAudit);
  }
}

export class KyselyStore extends KyselyOps implements Store {
  constructor(
    db: Kysely<Database>,
    backend: Backend,
  ) {
    super(db, backend);
  }

  get backend(): string {
    return this.engine.name;
  }

  transaction<T>(fn: (tx: StoreOps) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(new KyselyOps(trx, this.engine)));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** Brings the schema up to date; runs on every open. */
  async migrate(): Promise<void> {
    const all: Record<string, Migration> = { ...sharedMigrations, ...this.engine.migrations };
    const provider: MigrationProvider = { getMigrations: async () => all };
    const { error, results } = await new Migrator({ db: this.db, provider }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "?";
      throw new DossierError("INTERNAL", `database migration ${failed} failed: ${(error as Error).message}`, {}, { cause: error });
    }
  }
}
