// Shared test fixtures for the ledger: a fresh Dossier home, corpus documents put into the
// store as an ingest would (Source + its text), citations located by phrase, and small
// entities and claims built with defaults.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256Hex } from "../../../src/model/canonical.ts";
import type { Citation, Claim, Entity, Source } from "../../../src/model/types.ts";
import type { StoreOps } from "../../../src/store/store.ts";

export const CORPUS = "../shared/corpus";
export const JFM = "jfm-2022-05-10-asean-complicity.txt";
export const CRISIS = "crisisgroup-2022-08-04-myanmar-russia-embrace.txt";
export const DIPLOMAT = "diplomat-2023-04-defections-not-sanctions.txt";

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), "dossier-ledger-"));
}

export interface CorpusDoc {
  file: string;
  id: string;
  bytes: Buffer;
  text: string;
  meta: { title: string; publisher: string; published: string; url: string | null; language: string };
}

export function corpusDoc(file: string): CorpusDoc {
  const bytes = readFileSync(join(CORPUS, file));
  const meta = JSON.parse(readFileSync(join(CORPUS, file.replace(/\.txt$/, ".meta.json")), "utf8"));
  return { file, id: `sha256:${sha256Hex(bytes)}`, bytes, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), meta };
}

/** What ingest would have stored for the document (the archive itself is not needed). */
export async function putCorpusSource(store: StoreOps, doc: CorpusDoc): Promise<void> {
  const source: Source = {
    id: doc.id,
    sha256: doc.id.slice(7),
    size: doc.bytes.length,
    format: "text",
    mediaType: "text/plain",
    encoding: "utf-8",
    textSha256: sha256Hex(doc.text),
    textLength: doc.text.length,
    needsOcr: false,
    filename: doc.file,
    fetch: null,
    ingestedAt: new Date().toISOString(),
    title: doc.meta.title,
    publisher: doc.meta.publisher,
    author: null,
    url: doc.meta.url,
    published: doc.meta.published,
    language: doc.meta.language,
    grade: null,
    kind: null,
    extra: {},
  };
  await store.putSource(source, [{ sourceId: doc.id, kind: "text", sha256: source.textSha256, text: doc.text }]);
}

/** The citation of the one place `phrase` occurs in the document. */
export function cite(doc: CorpusDoc, phrase: string): Citation {
  const start = doc.text.indexOf(phrase);
  if (start < 0 || doc.text.indexOf(phrase, start + 1) >= 0) throw new Error(`phrase must occur exactly once: ${phrase}`);
  const end = start + phrase.length;
  return { source: doc.id, start, end, quoteSha256: sha256Hex(doc.text.slice(start, end)) };
}

export function entity(id: string, type: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, type, name, aliases: [], attributes: {}, dataset: "test", mergedInto: null, ...extra };
}

let seq = 0;
export function claim(predicate: string, subject: string, object: string, extra: Partial<Claim> = {}): Claim {
  const at = new Date(Date.UTC(2024, 0, 1, 0, 0, seq++)).toISOString();
  return {
    id: `test:c${seq}`,
    dataset: "test",
    predicate,
    subject,
    object,
    qualifiers: {},
    status: "accepted",
    credibility: null,
    confidence: null,
    origin: { kind: "user", name: "tester" },
    citations: [],
    assertion: false,
    note: null,
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

export const ENTITIES: Entity[] = [
  entity("org:myanmar-military", "Organization", "Myanmar military", { aliases: ["Tatmadaw", "junta", "တပ်မတော်"] }),
  entity("state:russia", "State", "Russia", { aliases: ["Russian Federation"] }),
  entity("state:australia", "State", "Australia"),
  entity("state:myanmar", "State", "Myanmar", { aliases: ["Burma"] }),
  entity("body:ewg-ct", "Body", "ADMM-Plus Experts' Working Group on Counter-Terrorism", { aliases: ["EWG on CT"] }),
  entity("body:admm-plus", "Body", "ADMM-Plus"),
  entity("event:ewg-ct-2021-06", "Event", "EWG on Counter-Terrorism meeting, June 2021", { attributes: { kind: "meeting", body: "body:ewg-ct", date: "2021-06" } }),
  entity("person:min-aung-hlaing", "Person", "Min Aung Hlaing", { aliases: ["Senior General Min Aung Hlaing"] }),
  entity("person:mya-tun-oo", "Person", "Mya Tun Oo"),
];

/** A dataset row listing the corpus documents, as `load` stores it. */
export async function putTestDataset(store: StoreOps, docs: CorpusDoc[]): Promise<void> {
  await store.putDataset({
    name: "test",
    title: "Test",
    visibility: "public",
    kind: "user",
    version: "1",
    sourceId: null,
    loadedAt: new Date().toISOString(),
    extra: { sources: docs.map((d) => ({ id: d.id, file: d.file, ...d.meta })) },
  });
}
