/**
 * Loads the declarative name lists (data/names/*.yaml: titles, ranks, honorifics, variant
 * spelling rules) and builds the shared name matcher. The only place those files are read.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { DossierError } from "../errors/index.ts";
import type { NameLists, PhoneticRule, TitleGroup } from "../names/model.ts";
import { createNameMatcher, type NameMatcher } from "../names/matcher.ts";

const DATA_DIR = fileURLToPath(new URL("../../data/names/", import.meta.url));

function readYaml(file: string): Record<string, unknown> {
  const path = DATA_DIR + file;
  try {
    const v = parse(readFileSync(path, "utf8")) as unknown;
    if (!v || typeof v !== "object") throw new Error("not a mapping");
    return v as Record<string, unknown>;
  } catch (e) {
    throw new DossierError("INVALID_DATASET", `cannot read name list: ${(e as Error).message}`, { file: path }, { cause: e });
  }
}

function strings(v: unknown, file: string, field: string): string[] {
  if (!Array.isArray(v)) throw new DossierError("INVALID_DATASET", "expected a list", { file: DATA_DIR + file, field });
  return v.map(String);
}

export function loadNameLists(): NameLists {
  const titles = readYaml("titles.yaml");
  const phon = readYaml("phonetics.yaml");
  const groups = titles.groups as Record<string, TitleGroup> | undefined;
  if (!groups) throw new DossierError("INVALID_DATASET", "missing groups", { file: DATA_DIR + "titles.yaml", field: "groups" });
  for (const [name, g] of Object.entries(groups)) strings(g?.entries, "titles.yaml", `groups.${name}.entries`);
  const rules = phon.rules as PhoneticRule[];
  if (!Array.isArray(rules)) throw new DossierError("INVALID_DATASET", "missing rules", { file: DATA_DIR + "phonetics.yaml", field: "rules" });
  return {
    titles: groups,
    rules,
    particles: strings(phon.particles, "phonetics.yaml", "particles"),
    patronymicSuffixes: strings(phon.patronymicSuffixes, "phonetics.yaml", "patronymicSuffixes"),
    legalForms: strings(phon.legalForms, "phonetics.yaml", "legalForms"),
  };
}

let shared: NameMatcher | null = null;

/** The process-wide matcher (lists are read once). */
export function nameMatcher(): NameMatcher {
  shared ??= createNameMatcher(loadNameLists());
  return shared;
}
