// The built-in myanmar dataset: every citation must point at the exact span of a corpus
// document it was curated from, every claim must fit the ontology, and the dataset must be
// as large as the issue promises. Reads the corpus from ../shared/corpus.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readDataset, type DatasetBundle } from "../../src/io/dataset.ts";
import { loadOntology } from "../../src/services/ontology.ts";
import { collectClaimErrors, collectEntityErrors } from "../../src/model/validate.ts";
import { isEdtf } from "../../src/dates/edtf.ts";

const DATASET = "data/myanmar";
const CORPUS = "../shared/corpus";
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

let bundle: Promise<DatasetBundle> | undefined;
const load = () => (bundle ??= readDataset(DATASET));

test("the dataset is public and named myanmar", async () => {
  const { dataset } = await load();
  assert.equal(dataset.name, "myanmar");
  assert.equal(dataset.visibility, "public");
  assert.ok(dataset.title.length > 0 && dataset.description.length > 0);
});

test("each source's file is in the corpus and its id is the SHA-256 of the file's bytes", async () => {
  const { sources } = await load();
  assert.ok(sources.length >= 3);
  for (const s of sources) {
    const path = join(CORPUS, s.file);
    assert.ok(existsSync(path), `${s.file} is missing from ${CORPUS}`);
    assert.equal(`sha256:${sha256(readFileSync(path))}`, s.id, `${s.file}: id does not match the bytes`);
  }
});

test("every citation's span lies inside its document and hashes to the recorded quote hash", async () => {
  const { sources, claims } = await load();
  const texts = new Map(sources.map((s) => [s.id, new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(join(CORPUS, s.file)))]));
  let checked = 0;
  for (const claim of claims) {
    assert.ok(claim.citations.length >= 1, `${claim.id} has no citation`);
    for (const c of claim.citations) {
      const text = texts.get(c.source);
      assert.ok(text !== undefined, `${claim.id}: source ${c.source} is not in sources.yaml`);
      assert.ok(Number.isInteger(c.start) && Number.isInteger(c.end), `${claim.id}: offsets must be integers`);
      assert.ok(0 <= c.start && c.start < c.end && c.end <= text.length, `${claim.id}: span ${c.start}-${c.end} outside 0-${text.length}`);
      assert.equal(sha256(text.slice(c.start, c.end)), c.quoteSha256, `${claim.id}: quote hash mismatch at ${c.start}-${c.end}`);
      checked++;
    }
  }
  assert.ok(checked >= claims.length);
});

test("the dataset has at least 60 entities, 30 events, 150 accepted claims and 12 predicates", async () => {
  const { entities, claims } = await load();
  const events = entities.filter((e) => e.type === "Event");
  assert.ok(entities.length - events.length >= 60, `only ${entities.length - events.length} non-event entities`);
  assert.ok(events.length >= 30, `only ${events.length} events`);
  assert.ok(claims.length >= 150, `only ${claims.length} claims`);
  assert.ok(claims.every((c) => c.status === "accepted" && c.dataset === "myanmar" && c.origin.kind === "dataset"));
  const predicates = new Set(claims.map((c) => c.predicate));
  assert.ok(predicates.size >= 12, `only ${predicates.size} predicates: ${[...predicates].join(", ")}`);
});

test("every subject, object and entity-valued qualifier names an entity of the dataset", async () => {
  const { entities, claims } = await load();
  const ontology = await loadOntology([]);
  const ids = new Set(entities.map((e) => e.id));
  const entityQualifiers = new Set([...ontology.qualifiers].filter(([, q]) => q.type === "entity").map(([name]) => name));
  assert.ok(entityQualifiers.has("with") && entityQualifiers.has("place"));
  for (const c of claims) {
    assert.ok(ids.has(c.subject), `${c.id}: unknown subject ${c.subject}`);
    assert.ok(ids.has(c.object), `${c.id}: unknown object ${c.object}`);
    for (const [k, v] of Object.entries(c.qualifiers)) {
      if (!entityQualifiers.has(k)) continue;
      for (const ref of Array.isArray(v) ? v : [v]) {
        const id = typeof ref === "string" ? ref : (ref as { id: string }).id;
        assert.ok(ids.has(id), `${c.id}: qualifier ${k} names unknown entity ${id}`);
      }
    }
  }
});

test("every event has an ontology event kind and an EDTF date, and its place and body exist", async () => {
  const { entities } = await load();
  const ontology = await loadOntology([]);
  const ids = new Set(entities.map((e) => e.id));
  for (const e of entities.filter((x) => x.type === "Event")) {
    const { kind, date, place, body } = e.attributes as Record<string, unknown>;
    assert.ok(typeof kind === "string" && ontology.eventKinds.has(kind), `${e.id}: bad kind ${String(kind)}`);
    assert.ok(typeof date === "string" && isEdtf(date), `${e.id}: bad date ${String(date)}`);
    for (const ref of [place, body]) if (ref !== undefined) assert.ok(typeof ref === "string" && ids.has(ref), `${e.id}: unknown ${String(ref)}`);
  }
});

test("every entity and claim passes the ontology's validation", async () => {
  const { entities, claims, lines } = await load();
  const ontology = await loadOntology([]);
  const types = new Map(entities.map((e) => [e.id, e.type]));
  const problems: string[] = [];
  for (const e of entities) problems.push(...collectEntityErrors(e, ontology, lines.get(e.id)).map((x) => x.message));
  for (const c of claims) problems.push(...collectClaimErrors(c, ontology, (id) => types.get(id), lines.get(c.id)).map((x) => x.message));
  assert.deepEqual(problems, []);
});

test("entity ids follow the type:slug convention and names are unique", async () => {
  const { entities } = await load();
  const prefix: Record<string, string> = { Person: "person", Organization: "org", State: "state", Body: "body", Place: "place", Event: "event" };
  for (const e of entities) assert.match(e.id, new RegExp(`^${prefix[e.type]}:[a-z0-9-]+$`), e.id);
  const names = entities.map((e) => e.name.toLowerCase());
  assert.equal(new Set(names).size, names.length, "two entities share a name");
});

test("reading the dataset twice gives the same version and time stamps", async () => {
  const a = await load();
  const b = await readDataset(DATASET);
  assert.equal(a.version, b.version);
  assert.match(a.version, /^[0-9a-f]{64}$/);
  assert.deepEqual(a.claims.map((c) => c.createdAt), b.claims.map((c) => c.createdAt));
});
