/**
 * Where the project's own declarative files live (found from this file, so commands work
 * from any folder), and how the YAML data files under data/ are read: a malformed one is
 * an INVALID_DATASET error naming the file and field.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { DossierError } from "../errors/index.ts";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DATA_DIR = join(PROJECT_ROOT, "data");
export const ONTOLOGY_DIR = join(PROJECT_ROOT, "ontology");

export function readDataYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, "utf8")) as unknown;
  } catch (e) {
    throw new DossierError("INVALID_DATASET", `cannot read data file: ${(e as Error).message}`, { file: path }, { cause: e });
  }
}

/** A YAML mapping at the top of a data file. */
export function readDataMapping(path: string): Record<string, unknown> {
  const v = readDataYaml(path);
  if (!v || typeof v !== "object" || Array.isArray(v)) throw new DossierError("INVALID_DATASET", "expected a mapping at the top level", { file: path });
  return v as Record<string, unknown>;
}

/** A list of strings at `field`; absent is an empty list unless `required`. */
export function stringList(value: unknown, file: string, field: string, required = false): string[] {
  if (value === undefined || value === null) {
    if (required) throw new DossierError("INVALID_DATASET", "missing list", { file, field });
    return [];
  }
  if (!Array.isArray(value)) throw new DossierError("INVALID_DATASET", "expected a list", { file, field });
  return value.map(String);
}
