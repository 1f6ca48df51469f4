/**
 * Loads the declarative name lists (data/names/*.yaml: titles, ranks, honorifics, variant
 * spelling rules, spellings of Hangul syllables) and builds the shared name matcher. The only
 * place those files are read.
 */
import { join } from "node:path";
import { DossierError } from "../errors/index.ts";
import { DATA_DIR, readDataMapping, stringList } from "../io/project-data.ts";
import { koreanLists } from "../names/korean.ts";
import type { NameLists, PhoneticRule, TitleGroup } from "../names/model.ts";
import { createNameMatcher, type NameMatcher } from "../names/matcher.ts";

const NAMES_DIR = join(DATA_DIR, "names");
const titlesFile = join(NAMES_DIR, "titles.yaml");
const phoneticsFile = join(NAMES_DIR, "phonetics.yaml");
const koreanFile = join(NAMES_DIR, "korean.yaml");

export function loadNameLists(): NameLists {
  const titles = readDataMapping(titlesFile);
  const phon = readDataMapping(phoneticsFile);
  const groups = titles.groups as Record<string, TitleGroup> | undefined;
  if (!groups) throw new DossierError("INVALID_DATASET", "missing groups", { file: titlesFile, field: "groups" });
  for (const [name, g] of Object.entries(groups)) {
    stringList(g?.entries, titlesFile, `groups.${name}.entries`, true);
    if (g.alsoNames !== undefined && typeof g.alsoNames !== "boolean") {
      throw new DossierError("INVALID_DATASET", "alsoNames must be true or false", { file: titlesFile, field: `groups.${name}.alsoNames` });
    }
  }
  const rules = phon.rules as PhoneticRule[];
  if (!Array.isArray(rules)) throw new DossierError("INVALID_DATASET", "missing rules", { file: phoneticsFile, field: "rules" });
  return {
    titles: groups,
    rules,
    particles: stringList(phon.particles, phoneticsFile, "particles", true),
    patronymicSuffixes: stringList(phon.patronymicSuffixes, phoneticsFile, "patronymicSuffixes", true),
    legalForms: stringList(phon.legalForms, phoneticsFile, "legalForms", true),
    korean: koreanLists(readDataMapping(koreanFile), koreanFile),
  };
}

let shared: NameMatcher | null = null;

/** The process-wide matcher (lists are read once). */
export function nameMatcher(): NameMatcher {
  shared ??= createNameMatcher(loadNameLists());
  return shared;
}
