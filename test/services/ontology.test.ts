// Loading the ontology from disk: the project's files wherever the process runs, user
// domain folders after them, a per-process cache, and file errors naming path and line.
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadOntology, clearOntologyCache, PROJECT_ONTOLOGY_DIR } from "../../src/services/ontology.ts";
import { DossierError } from "../../src/errors/index.ts";

const made: string[] = [];
function domainDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "dossier-ontology-"));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterEach(() => {
  clearOntologyCache();
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

test("loads the project's core vocabulary regardless of the working directory", async () => {
  const cwd = process.cwd();
  process.chdir(tmpdir());
  try {
    const o = await loadOntology([]);
    assert.ok(o.predicates.has("sanctioned"));
    assert.equal(o.files[0]!.path, "ontology/core.yaml");
    assert.ok(PROJECT_ONTOLOGY_DIR.endsWith("ontology"));
  } finally {
    process.chdir(cwd);
  }
});

test("user domain folders extend the core, their files in name order", async () => {
  const dir = domainDir({
    "b-ships.yaml": "types:\n  Vessel: {}\n",
    "a-ports.yml": "predicates:\n  docked_at: { subject: [Vessel], object: [Place], qualifiers: [date] }\n",
    "notes.txt": "not an ontology",
  });
  const o = await loadOntology([dir]);
  assert.deepEqual(o.files.map((f) => f.path), ["ontology/core.yaml", join(dir, "a-ports.yml"), join(dir, "b-ships.yaml")]);
  assert.deepEqual(o.predicates.get("docked_at")!.subject, ["Vessel"]);
});

test("the default user folder is $DOSSIER_HOME/ontology, skipped when absent", async () => {
  const saved = process.env.DOSSIER_HOME;
  try {
    const home = domainDir({});
    process.env.DOSSIER_HOME = home;
    const plain = await loadOntology();
    assert.equal(plain.files.length, 1);
    mkdirSync(join(home, "ontology"));
    writeFileSync(join(home, "ontology", "extra.yaml"), "event_kinds: [launch]\n");
    clearOntologyCache();
    const extended = await loadOntology();
    assert.ok(extended.eventKinds.has("launch"));
  } finally {
    if (saved === undefined) delete process.env.DOSSIER_HOME;
    else process.env.DOSSIER_HOME = saved;
  }
});

test("the result is cached per process; a failed load is not", async () => {
  const a = await loadOntology([]);
  const b = await loadOntology([]);
  assert.equal(a, b);
  const dir = domainDir({ "bad.yaml": "predicates:\n  foo: { subject: [Person], object: [Evnt] }\n" });
  await assert.rejects(loadOntology([dir]), (e: unknown) => e instanceof DossierError && e.code === "ONTOLOGY" && e.message === `${join(dir, "bad.yaml")}:2: predicates.foo.object: unknown type "Evnt"`);
  writeFileSync(join(dir, "bad.yaml"), "predicates:\n  foo: { subject: [Person], object: [Event] }\n");
  assert.ok((await loadOntology([dir])).predicates.has("foo"), "fixing the file and retrying works");
});

test("an explicitly named folder must exist", async () => {
  await assert.rejects(loadOntology([join(tmpdir(), "no-such-dossier-ontology-dir")]), (e: unknown) => e instanceof DossierError && e.code === "NOT_FOUND");
});
