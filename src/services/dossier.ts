/**
 * Opening a Dossier home: the folder with dossier.db and archive/. This is what the CLI
 * and (later) the server share: a store, the archive, and who is acting.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { userInfo } from "node:os";
import { BlobArchive } from "../archive/blobs.ts";
import { openStore } from "../store/open.ts";
import type { Store } from "../store/store.ts";

export interface DossierOptions {
  /** --home, else $DOSSIER_HOME, else the current folder. */
  home?: string;
  actor?: string;
}

export interface Dossier {
  home: string;
  store: Store;
  archive: BlobArchive;
  actor: string;
  close(): Promise<void>;
}

export function resolveHome(home?: string): string {
  return resolve(home ?? process.env.DOSSIER_HOME ?? ".");
}

export function resolveActor(actor?: string): string {
  if (actor) return actor;
  if (process.env.DOSSIER_ACTOR) return process.env.DOSSIER_ACTOR;
  try {
    return userInfo().username;
  } catch {
    return "unknown";
  }
}

export async function openDossier(opts: DossierOptions = {}): Promise<Dossier> {
  const home = resolveHome(opts.home);
  mkdirSync(home, { recursive: true });
  const store = await openStore({ url: process.env.DATABASE_URL, path: join(home, "dossier.db") });
  const archive = new BlobArchive(join(home, "archive"), { fsync: process.env.DOSSIER_FSYNC === "1" });
  return {
    home,
    store,
    archive,
    actor: resolveActor(opts.actor),
    close: () => store.close(),
  };
}

/** Opens, runs fn, always closes: the shape every command uses. */
export async function withDossier<T>(opts: DossierOptions, fn: (d: Dossier) => Promise<T>): Promise<T> {
  const d = await openDossier(opts);
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}
