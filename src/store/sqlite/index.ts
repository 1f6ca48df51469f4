/**
 * The embedded default backend: one SQLite file through better-sqlite3. Adds what only
 * SQLite has: an FTS5 index over source texts (all but sanctions lists'), triggers that
 * make the custody and audit logs append-only at the database level, and bulk writes
 * straight through prepared statements.
 */
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql, type Kysely as K, type Migration } from "kysely";
import { DossierError } from "../../errors/index.ts";
import type { TextHit } from "../store.ts";
import type { Backend, Upsert } from "../kysely/backend.ts";
import { KyselyStore } from "../kysely/kysely-store.ts";
import { cachingDatabase } from "./statement-cache.ts";
import type { Database as Schema } from "../kysely/schema.ts";

const migrations: Record<string, Migration> = {
  "0001_archive_sqlite": {
    async up(db: K<any>) {
      // External-content FTS5 table: the text lives once, in source_texts.
      await sql`CREATE VIRTUAL TABLE source_text_fts USING fts5(text, content='source_texts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(db);
      await sql`CREATE TRIGGER source_texts_ai AFTER INSERT ON source_texts BEGIN
        INSERT INTO source_text_fts(rowid, text) VALUES (new.rowid, new.text); END`.execute(db);
      await sql`CREATE TRIGGER source_texts_ad AFTER DELETE ON source_texts BEGIN
        INSERT INTO source_text_fts(source_text_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END`.execute(db);
      for (const op of ["UPDATE", "DELETE"]) {
        await sql
          .raw(`CREATE TRIGGER custody_no_${op.toLowerCase()} BEFORE ${op} ON custody BEGIN SELECT RAISE(ABORT, 'custody log is append-only'); END`)
          .execute(db);
      }
    },
  },
  "0002_ledger_sqlite": {
    async up(db: K<any>) {
      for (const op of ["UPDATE", "DELETE"]) {
        await sql
          .raw(`CREATE TRIGGER audit_no_${op.toLowerCase()} BEFORE ${op} ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`)
          .execute(db);
      }
    },
  },
  // Texts of sanctions lists leave full-text search (UNINDEXED_SOURCE_KIND in store.ts). The
  // index now reads its content through a view that leaves them out, so FTS5's own
  // 'rebuild' and 'integrity-check' agree with the triggers; a source's kind is set once,
  // when it is stored, so the same test on insert and delete keeps the index in step.
  "0003_list_texts_unindexed_sqlite": {
    async up(db: K<any>) {
      const listed = (row: string) => `EXISTS (SELECT 1 FROM sources s WHERE s.id = ${row}.source_id AND s.kind = 'sanctions list')`;
      await sql`DROP TRIGGER source_texts_ai`.execute(db);
      await sql`DROP TRIGGER source_texts_ad`.execute(db);
      await sql`DROP TABLE source_text_fts`.execute(db);
      await sql.raw(`CREATE VIEW source_texts_searchable AS SELECT t.rowid AS rowid, t.text AS text FROM source_texts t WHERE NOT ${listed("t")}`).execute(db);
      await sql`CREATE VIRTUAL TABLE source_text_fts USING fts5(text, content='source_texts_searchable', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(db);
      await sql
        .raw(`CREATE TRIGGER source_texts_ai AFTER INSERT ON source_texts WHEN NOT ${listed("new")} BEGIN
          INSERT INTO source_text_fts(rowid, text) VALUES (new.rowid, new.text); END`)
        .execute(db);
      await sql
        .raw(`CREATE TRIGGER source_texts_ad AFTER DELETE ON source_texts WHEN NOT ${listed("old")} BEGIN
          INSERT INTO source_text_fts(source_text_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END`)
        .execute(db);
      await sql`INSERT INTO source_text_fts(source_text_fts) VALUES ('rebuild')`.execute(db);
    },
  },
};

/** Turns free text into an FTS5 query of quoted terms, so user punctuation can't break the syntax. */
export function ftsQuery(text: string): string {
  const phrases = [...text.matchAll(/"([^"]+)"|(\S+)/g)].map((m) => (m[1] ?? m[2]).replace(/"/g, ""));
  return phrases
    .map((p) => p.replace(/[^\p{L}\p{N}\s'-]+/gu, " ").trim())
    .filter(Boolean)
    .map((p) => `"${p}"`)
    .join(" ");
}

/** Offsets of the first place the query's words occur, found in JS so they are UTF-16 offsets. */
function firstMatch(text: string, query: string): { start: number; end: number } {
  const lower = text.toLowerCase();
  const terms = query.replace(/"/g, "").toLowerCase().split(/\s+/).filter(Boolean);
  const phrase = terms.join(" ");
  let i = lower.indexOf(phrase);
  if (i >= 0) return { start: i, end: i + phrase.length };
  for (const t of terms) {
    i = lower.indexOf(t);
    if (i >= 0) return { start: i, end: i + t.length };
  }
  return { start: 0, end: 0 };
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The SQLite backend over one open database; bulk writes go straight to its prepared statements. */
function sqliteBackend(native: Database.Database): Backend {
  // Statements are prepared once per SQL text for the life of the connection.
  const statements = new Map<string, Database.Statement>();
  const prepared = (text: string): Database.Statement => {
    let stmt = statements.get(text);
    if (!stmt) statements.set(text, (stmt = native.prepare(text)));
    return stmt;
  };
  const insert = (table: string, columns: readonly string[], upsert?: Upsert): string => {
    const text = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
    return upsert ? `${text} ON CONFLICT (${quote(upsert.key)}) DO NOTHING` : text;
  };
  /** The update for a row whose key was taken: its `update` columns, then the key. */
  const update = (table: string, upsert: Upsert): string =>
    `UPDATE ${quote(table)} SET ${upsert.update.map((c) => `${quote(c)} = ?`).join(", ")} WHERE ${quote(upsert.key)} = ?`;
  // Kysely's driver holds the one connection for the transaction, so running statements on
  // the native handle lands in that transaction; outside one it would not.
  const inTransaction = (trx: { isTransaction: boolean }) => {
    if (!trx.isTransaction) throw new DossierError("INTERNAL", "bulk writes run inside a transaction");
  };
  return {
    name: "sqlite",
    migrations,
    searchText,
    // SQLite serialises writers, and Kysely's SQLite driver runs one query at a time.
    async lockCustody() {},
    async writeRows(trx, table, columns, rows, upsert) {
      inTransaction(trx);
      const replaced: number[] = [];
      if (!rows.length) return replaced;
      const stmt = prepared(insert(table, columns, upsert));
      if (!upsert) {
        for (const r of rows) stmt.run(r);
        return replaced;
      }
      // Insert, and update only where the key was taken: the caller learns which rows
      // replaced stored ones without a lookup per row.
      const at = [...upsert.update, upsert.key].map((c) => columns.indexOf(c));
      for (let i = 0; i < rows.length; i++) {
        if (stmt.run(rows[i]).changes) continue;
        const r = rows[i];
        prepared(update(table, upsert)).run(at.map((j) => r[j]));
        replaced.push(i);
      }
      return replaced;
    },
    async deleteRows(trx, table, column, values) {
      inTransaction(trx);
      if (!values.length) return;
      const stmt = prepared(`DELETE FROM ${quote(table)} WHERE ${quote(column)} = ?`);
      for (const v of values) stmt.run(v);
    },
    async suspendIndex(trx, index) {
      const def = await sql<{ sql: string | null }>`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ${index}`.execute(trx);
      const create = def.rows[0]?.sql;
      if (!create) throw new DossierError("INTERNAL", `no index ${index} to suspend`, { index });
      await sql.raw(`DROP INDEX ${quote(index)}`).execute(trx);
      return async () => {
        await sql.raw(create).execute(trx);
      };
    },
  };
}

async function searchText(db: K<Schema>, query: string, limit: number): Promise<TextHit[]> {
    const q = ftsQuery(query);
    if (!q) return [];
    const result = await sql<{ source_id: string; text: string; rank: number; snippet: string }>`
      SELECT t.source_id, t.text, f.rank AS rank,
             snippet(source_text_fts, 0, '[', ']', '…', 16) AS snippet
      FROM source_text_fts f JOIN source_texts t ON t.rowid = f.rowid
      WHERE source_text_fts MATCH ${q} AND t.kind = 'text'
      ORDER BY f.rank LIMIT ${limit}`.execute(db);
    return result.rows.map((r) => ({ sourceId: r.source_id, ...firstMatch(r.text, q), snippet: r.snippet, rank: -r.rank }));
}

export interface SqliteOptions {
  /** Path of the database file, or ":memory:". */
  path: string;
  readonly?: boolean;
}

/** How every connection Dossier opens is set up (the bench's raw-SQLite floor uses it too). */
export function configureConnection(native: Database.Database): void {
  // WAL survives a killed process without losing committed transactions; NORMAL sync is
  // durable against process crashes (only an OS crash can lose the last commits).
  native.pragma("journal_mode = WAL");
  native.pragma("synchronous = NORMAL");
  native.pragma("foreign_keys = ON");
  native.pragma("busy_timeout = 5000");
  // A 64 MB page cache (the default is 2 MB): a list import's transaction writes tens of MB,
  // and a smaller cache spills pages to the WAL mid-transaction and writes them again.
  native.pragma("cache_size = -65536");
}

export async function openSqliteStore(opts: SqliteOptions): Promise<KyselyStore> {
  let native: Database.Database;
  try {
    native = new Database(opts.path, { readonly: opts.readonly ?? false });
  } catch (e) {
    throw new DossierError("BAD_INPUT", `cannot open database: ${(e as Error).message}`, { file: opts.path }, { cause: e });
  }
  configureConnection(native);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingDatabase(native) }) });
  const store = new KyselyStore(db, sqliteBackend(native));
  await store.migrate();
  return store;
}
