/**
 * What differs between database engines, kept to this one small interface (Kysely's own
 * habit): each backend folder supplies its Kysely dialect, its extra migrations, its
 * full-text search and its fastest way to write many rows. Everything else is shared SQL
 * in kysely-store.ts.
 */
import type { Kysely, Migration, Transaction } from "kysely";
import type { TextHit } from "../store.ts";
import type { Database } from "./schema.ts";

/** A row whose `key` is already stored updates that row's `update` columns. */
export interface Upsert {
  key: string;
  update: readonly string[];
}

export interface Backend {
  readonly name: string;
  /** Backend-only objects (FTS index, triggers), merged with the shared migrations by name. */
  readonly migrations: Record<string, Migration>;
  searchText(db: Kysely<Database>, query: string, limit: number): Promise<TextHit[]>;
  /** Serialises appends to the custody chain inside a transaction (a no-op where writes already are serial). */
  lockCustody(trx: Transaction<Database> | Kysely<Database>): Promise<void>;
  /**
   * Writes many rows into one table, inside the caller's transaction, the fastest way the
   * engine has (SQLite: one prepared statement run row by row, no SQL built per batch).
   * Values come in `columns` order. With `upsert`, a row whose key is taken updates the
   * stored row's `update` columns instead; the positions of those rows are returned, so
   * the caller replaces what hangs off them (names, citations) and only for them.
   */
  writeRows(trx: Transaction<Database>, table: keyof Database, columns: readonly string[], rows: unknown[][], upsert?: Upsert): Promise<number[]>;
  /** Deletes the rows whose `column` equals any of `values`, inside the caller's transaction. */
  deleteRows(trx: Transaction<Database>, table: keyof Database, column: string, values: unknown[]): Promise<void>;
  /**
   * Drops one secondary index for a bulk load, inside the caller's transaction, and returns
   * the function that builds it again: one sort at the end instead of an insert per row.
   */
  suspendIndex(trx: Transaction<Database>, index: string): Promise<() => Promise<void>>;
}
