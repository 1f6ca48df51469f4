// readDataset: turns a dataset folder into entities and claims, and rejects a broken folder
// with INVALID_DATASET naming the file, line and field of the first problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readDataset } from "../../src/io/dataset.ts";
import { DossierError } from "../../src/errors/index.ts";

const SRC = "sha256:" + "a".repeat(64);
const HASH = "b".repeat(64);

const DATASET = `name: tiny
title: A tiny dataset
description: For tests.
visibility: public
curated: "2024-05-01"
`;
const SOURCES = `- id: "${SRC}"
  file: doc.txt
  title: A document
  publisher: Someone
  published: "2022-05"
  url: null
  language: en
  grade: B
`;
const ENTITIES = `- id: state:russia
  type: State
  name: Russia
  aliases: [Russian Federation]
- id: org:army
  type: Organization
  name: An army
`;
const EVENTS = `- id: event:meeting
  type: Event
  name: A meeting
  attributes: {kind: meeting, date: "2021-06"}
`;
const claim = (id: string, extra = "") => `- id: ${id}
  subject: state:russia
  predicate: attended
  object: event:meeting
  qualifiers: {date: "2021-06", role: co-chair}
  credibility: 2${extra}
  citations:
    - {source: "${SRC}", start: 0, end: 10, sha256: ${HASH}}
`;

/** Writes a dataset folder; `files` overrides or adds files by relative path (null removes). */
function makeDataset(files: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "dossier-dataset-"));
  const all: Record<string, string | null> = {
    "dataset.yaml": DATASET,
    "sources.yaml": SOURCES,
    "entities.yaml": ENTITIES,
    "events.yaml": EVENTS,
    "claims/a.yaml": claim("tiny:1") + "\n" + claim("tiny:2"),
    ...files,
  };
  mkdirSync(join(dir, "claims"));
  for (const [rel, text] of Object.entries(all)) if (text !== null) writeFileSync(join(dir, rel), text);
  return dir;
}

async function rejection(dir: string): Promise<DossierError> {
  try {
    await readDataset(dir);
  } catch (e) {
    assert.ok(e instanceof DossierError, `expected a DossierError, got ${String(e)}`);
    return e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.fail("the dataset was accepted");
}

test("a well-formed folder yields entities and accepted claims of the dataset", async () => {
  const dir = makeDataset();
  try {
    const b = await readDataset(dir);
    assert.deepEqual(b.dataset, { name: "tiny", title: "A tiny dataset", description: "For tests.", visibility: "public", license: null, curated: "2024-05-01" });
    assert.equal(b.sources.length, 1);
    assert.equal(b.sources[0].grade, "B");
    assert.deepEqual(b.entities.map((e) => e.id), ["state:russia", "org:army", "event:meeting"]);
    assert.ok(b.entities.every((e) => e.dataset === "tiny" && e.mergedInto === null));
    assert.deepEqual(b.entities[0].aliases, ["Russian Federation"]);
    assert.deepEqual(b.entities[1].attributes, {});
    const c = b.claims[0];
    assert.equal(c.status, "accepted");
    assert.equal(c.assertion, false);
    assert.equal(c.confidence, null);
    assert.equal(c.credibility, 2);
    assert.deepEqual(c.origin, { kind: "dataset", name: "tiny" });
    assert.deepEqual(c.qualifiers, { date: "2021-06", role: "co-chair" });
    assert.deepEqual(c.citations, [{ source: SRC, start: 0, end: 10, quoteSha256: HASH }]);
    assert.equal(c.createdAt, "2024-05-01T00:00:00.000Z");
    assert.equal(c.updatedAt, c.createdAt);
    assert.deepEqual(b.lines.get("tiny:2"), { file: join(dir, "claims/a.yaml"), line: 10 });
    assert.deepEqual(b.lines.get("event:meeting"), { file: join(dir, "events.yaml"), line: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the version is stable across reads and changes when any file changes", async () => {
  const a = makeDataset();
  const b = makeDataset();
  const c = makeDataset({ "claims/a.yaml": claim("tiny:1") });
  try {
    const [va, vb, vc] = await Promise.all([a, b, c].map(async (d) => (await readDataset(d)).version));
    assert.equal(va, vb);
    assert.notEqual(va, vc);
    assert.equal(va, (await readDataset(a)).version);
  } finally {
    for (const d of [a, b, c]) rmSync(d, { recursive: true, force: true });
  }
});

test("without a curation date, claims get a constant time stamp", async () => {
  const dir = makeDataset({ "dataset.yaml": DATASET.replace(/curated:.*\n/, "") });
  try {
    const b = await readDataset(dir);
    assert.equal(b.claims[0].createdAt, "1970-01-01T00:00:00.000Z");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("malformed YAML is reported with its line", async () => {
  const e = await rejection(makeDataset({ "entities.yaml": ENTITIES + "- id: [unclosed\n  type: State\n" }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.equal(e.context.file?.endsWith("entities.yaml"), true);
  assert.ok(typeof e.context.line === "number" && e.context.line >= 8, `line ${e.context.line}`);
});

test("a claim missing a required field names the claim's line and the field", async () => {
  const broken = claim("tiny:1") + "\n" + claim("tiny:2").replace("  predicate: attended\n", "");
  const e = await rejection(makeDataset({ "claims/a.yaml": broken }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.equal(e.context.field, "predicate");
  assert.equal(e.context.line, 10);
  assert.match(e.message, /a\.yaml:10: predicate: /);
});

test("a wrongly typed field points at the field's own line", async () => {
  const e = await rejection(makeDataset({ "claims/a.yaml": claim("tiny:1").replace("credibility: 2", "credibility: 9") }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.equal(e.context.field, "credibility");
  assert.equal(e.context.line, 6);
});

test("a duplicate claim id across claim files names the second occurrence", async () => {
  const e = await rejection(makeDataset({ "claims/b.yaml": "# more\n" + claim("tiny:2") }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.ok(e.context.file?.endsWith("b.yaml"));
  assert.equal(e.context.line, 2);
  assert.equal(e.context.field, "id");
  assert.match(e.detail, /duplicate claim id tiny:2/);
});

test("a duplicate entity id between entities.yaml and events.yaml is rejected", async () => {
  const e = await rejection(makeDataset({ "events.yaml": EVENTS + "- id: org:army\n  type: Event\n  name: Again\n" }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.ok(e.context.file?.endsWith("events.yaml"));
  assert.equal(e.context.line, 5);
  assert.match(e.detail, /duplicate entity id org:army/);
});

test("a citation of a source missing from sources.yaml names the citation's line", async () => {
  const other = "sha256:" + "c".repeat(64);
  const e = await rejection(makeDataset({ "claims/a.yaml": claim("tiny:1") + claim("tiny:2").replace(SRC, other) }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.equal(e.context.field, "citations.0.source");
  assert.equal(e.context.line, 16);
  assert.match(e.detail, /not listed in sources\.yaml/);
});

test("a citation whose end is not after its start is rejected", async () => {
  const e = await rejection(makeDataset({ "claims/a.yaml": claim("tiny:1").replace("start: 0, end: 10", "start: 10, end: 10") }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.equal(e.context.field, "citations.0.end");
  assert.equal(e.context.line, 8);
});

test("a claim with no citation is rejected unless it is an assertion", async () => {
  const bare = claim("tiny:1").replace(/  citations:\n.*\n/, "");
  const e = await rejection(makeDataset({ "claims/a.yaml": bare }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.equal(e.context.field, "citations");
  const dir = makeDataset({ "claims/a.yaml": bare.replace("credibility: 2", "credibility: 2\n  assertion: true") });
  try {
    const b = await readDataset(dir);
    assert.equal(b.claims[0].assertion, true);
    assert.deepEqual(b.claims[0].citations, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a claim about an entity the dataset does not define names the field", async () => {
  const e = await rejection(makeDataset({ "claims/a.yaml": claim("tiny:1").replace("object: event:meeting", "object: event:nowhere") }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.equal(e.context.field, "object");
  assert.equal(e.context.line, 4);
});

test("dataset.yaml with an unknown visibility is rejected at that line", async () => {
  const e = await rejection(makeDataset({ "dataset.yaml": DATASET.replace("visibility: public", "visibility: secret") }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.equal(e.context.field, "visibility");
  assert.equal(e.context.line, 4);
});

test("a source id that is not a sha256 digest is rejected", async () => {
  const e = await rejection(makeDataset({ "sources.yaml": SOURCES.replace(SRC, "sha256:xyz") }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.equal(e.context.field, "id");
  assert.equal(e.context.line, 1);
});

test("a claims file that is not a list is rejected", async () => {
  const e = await rejection(makeDataset({ "claims/a.yaml": "id: tiny:1\n" }));
  assert.equal(e.code, "INVALID_DATASET");
  assert.equal(e.context.line, 1);
});

test("a folder without dataset.yaml is NOT_FOUND", async () => {
  const e = await rejection(makeDataset({ "dataset.yaml": null }));
  assert.equal(e.code, "NOT_FOUND");
});
