/**
 * Loads the vocabulary from disk: the project's ontology/*.yaml (core.yaml first, then the
 * rest by name) and any user domain folders after it ($DOSSIER_HOME/ontology by default).
 * The only place ontology files are read; parsing and checking is model/ontology.ts.
 * Cached per process and folder list, since the files do not change while it runs.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { DossierError } from "../errors/index.ts";
import { ONTOLOGY_DIR, PROJECT_ROOT } from "../io/project-data.ts";
import { parseOntology, type Ontology, type OntologyFile } from "../model/ontology.ts";

/** The project's own ontology folder. */
export const PROJECT_ONTOLOGY_DIR = ONTOLOGY_DIR;

const cache = new Map<string, Promise<Ontology>>();

/** Extra folders used when none are passed: the user's $DOSSIER_HOME/ontology, if set. */
function defaultDirs(): string[] {
  const home = process.env.DOSSIER_HOME;
  return home ? [join(home, "ontology")] : [];
}

/**
 * The ontology of the project plus `dirs` (user domains). A folder passed explicitly must
 * exist; the default $DOSSIER_HOME/ontology is skipped when absent.
 */
export function loadOntology(dirs?: string[]): Promise<Ontology> {
  const explicit = dirs !== undefined;
  const extra = (dirs ?? defaultDirs()).map((d) => resolve(d)).filter((d) => d !== resolve(PROJECT_ONTOLOGY_DIR));
  const key = JSON.stringify([explicit, extra]);
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = readAll(extra, explicit);
    cache.set(key, loaded);
    // A failed load is not cached: the user fixes the file and tries again in the same process.
    loaded.catch(() => cache.delete(key));
  }
  return loaded;
}

/** Forgets cached ontologies (tests, or a long-running server told to reload). */
export function clearOntologyCache(): void {
  cache.clear();
}

async function readAll(extra: string[], explicit: boolean): Promise<Ontology> {
  const files: OntologyFile[] = [];
  files.push(...(await readDir(PROJECT_ONTOLOGY_DIR, true)));
  for (const dir of extra) files.push(...(await readDir(dir, explicit)));
  return parseOntology(files);
}

async function readDir(dir: string, mustExist: boolean): Promise<OntologyFile[]> {
  const exists = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!exists) {
    if (mustExist) throw new DossierError("NOT_FOUND", "no ontology folder here", { file: dir });
    return [];
  }
  const names = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith(".")).sort((a, b) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Promise.all(names.map(async (name) => ({ path: display(join(dir, name)), text: await readFile(join(dir, name), "utf8") })));
}

/** core.yaml before every other file, since the others build on it. */
function order(name: string): number {
  return /^core\.ya?ml$/.test(name) ? 0 : 1;
}

/** Project files as `ontology/x.yaml`; user files by their full path. */
function display(path: string): string {
  const rel = relative(PROJECT_ROOT, path);
  return rel.startsWith("..") || rel.startsWith(sep) ? path : rel.split(sep).join("/");
}
