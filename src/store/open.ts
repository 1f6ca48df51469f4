/**
 * Chooses the backend: DATABASE_URL (postgres://…) for a server, else the embedded
 * SQLite file. Callers get a Store and never learn which.
 */
import type { Store } from "./store.ts";
import { openSqliteStore } from "./sqlite/index.ts";
import { DossierError } from "../errors/index.ts";

export interface OpenStoreOptions {
  /** SQLite file path (embedded default). */
  path?: string;
  /** A database URL; postgres:// selects PostgreSQL. */
  url?: string;
}

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  if (opts.url) {
    if (/^postgres(ql)?:\/\//.test(opts.url)) {
      throw new DossierError("USAGE", "the PostgreSQL backend is not available yet; unset DATABASE_URL to use the embedded SQLite store", { url: opts.url });
    }
    if (opts.url.startsWith("sqlite:")) return openSqliteStore({ path: opts.url.slice("sqlite:".length).replace(/^\/\//, "") });
    throw new DossierError("USAGE", "DATABASE_URL must start with postgres:// or sqlite:", { url: opts.url });
  }
  return openSqliteStore({ path: opts.path ?? "dossier.db" });
}
