/**
 * Kysely's SQLite driver prepares every query afresh; preparing costs about as much as
 * running a small insert. This wraps a better-sqlite3 database so that the statements of
 * recurring SQL (the same insert per document, per entity) are prepared once and reused.
 * Safe because Kysely runs one query at a time on its single SQLite connection.
 */
import type Database from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** Distinct SQL texts kept; multi-row inserts of varying width make new texts, so bound it. */
const CAPACITY = 256;

export function cachingDatabase(native: Database.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (stmt) {
        // Refresh recency: a Map iterates in insertion order, so the first key is the least recent.
        cache.delete(sql);
      } else {
        stmt = native.prepare(sql) as unknown as SqliteStatement;
        if (cache.size >= CAPACITY) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close() {
      cache.clear();
      native.close();
    },
  };
}
