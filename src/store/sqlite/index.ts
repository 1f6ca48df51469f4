/**
 * The embedded default backend: one SQLite file through better-sqlite3. Adds what only
 * SQLite has: an FTS5 index over source texts and triggers that make the custody and
 * audit logs append-only at the database level.
 */
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql, type Kysely as K, type Migration } from "kysely";
import { DossierError } from "../../errors/index.ts";
import type { TextHit } from "../store.ts";
import type { Backend } from "../kysely/backend.ts";
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

const sqliteBackend: Backend = {
  name: "sqlite",
  migrations,
  async searchText(db, query, limit): Promise<TextHit[]> {
    const q = ftsQuery(query);
    if (!q) return [];
    const result = await sql<{ source_id: string; text: string; rank: number; snippet: string }>`
      SELECT t.source_id, t.text, f.rank AS rank,
             snippet(source_text_fts, 0, '[', ']', '…', 16) AS snippet
      FROM source_text_fts f JOIN source_texts t ON t.rowid = f.rowid
      WHERE source_text_fts MATCH ${q} AND t.kind = 'text'
      ORDER BY f.rank LIMIT ${limit}`.execute(db);
    return result.rows.map((r) => ({ sourceId: r.source_id, ...firstMatch(r.text, q), snippet: r.snippet, rank: -r.rank }));
  },
  // SQLite serialises writers, and Kysely's SQLite driver runs one query at a time.
  async lockCustody() {},
};

export interface SqliteOptions {
  /** Path of the database file, or ":memory:". */
  path: string;
  readonly?: boolean;
}

export async function openSqliteStore(opts: SqliteOptions): Promise<KyselyStore> {
  let native: Database.Database;
  try {
    native = new Database(opts.path, { readonly: opts.readonly ?? false });
  } catch (e) {
    throw new DossierError("BAD_INPUT", `cannot open database: ${(e as Error).message}`, { file: opts.path }, { cause: e });
  }
  // WAL survives a killed process without losing committed transactions; NORMAL sync is
  // durable against process crashes (only an OS crash can lose the last commits).
  native.pragma("journal_mode = WAL");
  native.pragma("synchronous = NORMAL");
  native.pragma("foreign_keys = ON");
  native.pragma("busy_timeout = 5000");
  native.pragma("cache_size = -65536");
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingDatabase(native) }) });
  const store = new KyselyStore(db, sqliteBackend);
  await store.migrate();
  return store;
}
