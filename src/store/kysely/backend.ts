/**
 * What differs between database engines, kept to this one small interface (Kysely's own
 * habit): each backend folder supplies its Kysely dialect, its extra migrations and its
 * full-text search. Everything else is shared SQL in kysely-store.ts.
 */
import type { Kysely, Migration, Transaction } from "kysely";
import type { TextHit } from "../store.ts";
import type { Database } from "./schema.ts";

export interface Backend {
  readonly name: string;
  /** Backend-only objects (FTS index, triggers), merged with the shared migrations by name. */
  readonly migrations: Record<string, Migration>;
  searchText(db: Kysely<Database>, query: string, limit: number): Promise<TextHit[]>;
  /** Serialises appends to the custody chain inside a transaction (a no-op where writes already are serial). */
  lockCustody(trx: Transaction<Database> | Kysely<Database>): Promise<void>;
}
