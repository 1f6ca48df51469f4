// Shared by the list-import tests: where the shared data lives and how to wrap text as a list file.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sourceIdOf } from "../../src/model/canonical.ts";
import { decodeListText, type ListFile } from "../../src/io/lists/common.ts";

export const DATA = fileURLToPath(new URL("../../../shared/data/", import.meta.url));
export const OFAC = {
  sdn: DATA + "sanctions/ofac/sdn_2024-05-03.csv",
  alt: DATA + "sanctions/ofac/alt_2025-02-27.csv",
  add: DATA + "sanctions/ofac/add_2025-02-27.csv",
};
export const UN_XML = DATA + "sanctions/un/UN_consolidated_2026-02.xml";
export const FTM_ZALA = DATA + "ftm/yente_zala_cluster.ftm.jsonl";
export const FTM_EU = DATA + "ftm/yente_t1_eu_fsf_sample.ftm.jsonl";
export const FTM_MODEL = DATA + "reference/ftm_defaultModel_4.5.2.json";

export function fileOf(path: string): ListFile {
  const bytes = readFileSync(path);
  return { file: path, sourceId: sourceIdOf(bytes), text: decodeListText(bytes).text };
}

export function textFile(name: string, text: string): ListFile {
  return { file: name, sourceId: sourceIdOf(new TextEncoder().encode(text)), text };
}

export const OPTS = { dataset: "test-list", now: "2026-01-01T00:00:00.000Z" };
