// `load`: a dataset folder is checked whole and stored in one transaction with one audit
// entry per created or changed claim; the same version again changes nothing; a broken
// citation or an ontology violation fails the whole load, naming file:line, storing nothing.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withDossier } from "../../../src/services/dossier.ts";
import { loadDataset, resolveDatasetDir } from "../../../src/services/ledger/load.ts";
import { readDataset } from "../../../src/io/dataset.ts";
import { presentClaims } from "../../../src/services/ledger/present.ts";
import { DossierError } from "../../../src/errors/index.ts";
import { cite, corpusDoc, CRISIS, JFM, putCorpusSource, tempHome } from "./fixtures.ts";

const jfm = corpusDoc(JFM);
const crisis = corpusDoc(CRISIS);
const cochair = cite(jfm, "In 2021, the Myanmar military became the co-chair of the counter terrorism working group");
const backed = cite(crisis, "Russia has readily backed Myanmar's junta");

const yamlCitation = (c: { source: string; start: number; end: number; quoteSha256: string }) =>
  `    - {source: "${c.source}", start: ${c.start}, end: ${c.end}, sha256: ${c.quoteSha256}}`;

/** A small dataset folder in the documented shape; `claims` is the claims.yaml text. */
function writeDataset(claims: string, name = "mini"): string {
  const dir = join(tempHome(), name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "dataset.yaml"), `name: ${name}\ntitle: Mini\ndescription: A test dataset.\nvisibility: public\ncurated: "2024-01-01"\n`);
  writeFileSync(
    join(dir, "sources.yaml"),
    [jfm, crisis]
      .map((d) => `- id: "${d.id}"\n  file: ${d.file}\n  title: "${d.meta.title}"\n  publisher: "${d.meta.publisher}"\n  published: "${d.meta.published}"\n`)
      .join("\n"),
  );
  writeFileSync(
    join(dir, "entities.yaml"),
    [
      "- {id: org:myanmar-military, type: Organization, name: Myanmar military, aliases: [Tatmadaw]}",
      "- {id: state:russia, type: State, name: Russia}",
      "- {id: body:ewg-ct, type: Body, name: EWG on Counter-Terrorism}",
      "- {id: event:ewg-ct-2021-06, type: Event, name: EWG CT meeting June 2021, attributes: {kind: meeting, date: 2021-06}}",
    ].join("\n") + "\n",
  );
  writeFileSync(join(dir, "claims.yaml"), claims);
  return dir;
}

const GOOD = [
  "- id: mini:chaired",
  "  subject: org:myanmar-military",
  "  predicate: chaired",
  "  object: body:ewg-ct",
  "  qualifiers: {role: co-chair, start: \"2021\", with: state:russia}",
  "  citations:",
  yamlCitation(cochair),
  "",
  "- id: mini:backed",
  "  subject: state:russia",
  "  predicate: endorsed",
  "  object: org:myanmar-military",
  "  qualifiers: {date: \"2021\"}",
  "  citations:",
  yamlCitation(backed),
  "",
].join("\n");

function isDatasetError(e: unknown, file: RegExp, line: number): boolean {
  assert.ok(e instanceof DossierError, String(e));
  assert.equal(e.code, "INVALID_DATASET");
  assert.match(String(e.context.file), file);
  assert.equal(e.context.line, line, e.message);
  assert.match(e.message, new RegExp(`claims\\.yaml:${line}: `));
  return true;
}

describe("load", () => {
  it("stores the dataset's entities and claims, with its sources, and audits each created claim", async () => {
    const dir = writeDataset(GOOD);
    await withDossier({ home: tempHome(), actor: "loader" }, async (d) => {
      const r = await loadDataset(d.store, dir, { actor: d.actor });
      assert.equal(r.status, "loaded");
      assert.equal(r.entities, 4);
      assert.equal(r.claims, 2);
      assert.equal(r.created, 2);
      assert.equal(await d.store.countEntities({ dataset: "mini" }), 4);
      assert.equal(await d.store.countClaims({ dataset: "mini" }), 2);
      const ds = await d.store.getDataset("mini");
      assert.equal(ds!.version, r.version);
      assert.deepEqual((ds!.extra.sources as { id: string }[]).map((s) => s.id).sort(), [jfm.id, crisis.id].sort());
      const audit = await d.store.listAudit();
      const created = audit.filter((a) => a.action === "created");
      assert.deepEqual(created.map((a) => a.targetId).sort(), ["mini:backed", "mini:chaired"]);
      assert.ok(created.every((a) => a.actor === "loader" && a.before === null && (a.after as { id: string }).id === a.targetId));
    });
  });

  it("changes nothing and writes no audit when the same version is loaded again", async () => {
    const dir = writeDataset(GOOD);
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      await loadDataset(d.store, dir, { actor: d.actor });
      const auditBefore = (await d.store.listAudit()).length;
      const claimsBefore = await d.store.findClaims({ dataset: "mini" });
      const again = await loadDataset(d.store, dir, { actor: d.actor });
      assert.equal(again.status, "unchanged");
      assert.equal((await d.store.listAudit()).length, auditBefore);
      assert.deepEqual(await d.store.findClaims({ dataset: "mini" }), claimsBefore);
    });
  });

  it("audits a changed claim with before and after when a new version is loaded", async () => {
    const dir = writeDataset(GOOD);
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      await loadDataset(d.store, dir, { actor: d.actor });
      writeFileSync(join(dir, "claims.yaml"), GOOD.replace('start: "2021"', 'start: "2021-06"'));
      const r = await loadDataset(d.store, dir, { actor: d.actor });
      assert.equal(r.status, "loaded");
      assert.deepEqual([r.created, r.edited, r.removed], [0, 1, 0]);
      const [edit] = (await d.store.listAudit({ targetId: "mini:chaired" })).filter((a) => a.action === "edited");
      assert.equal((edit!.before as { qualifiers: { start: string } }).qualifiers.start, "2021");
      assert.equal((edit!.after as { qualifiers: { start: string } }).qualifiers.start, "2021-06");
      assert.equal((await d.store.getClaim("mini:chaired"))!.qualifiers.start, "2021-06");
    });
  });

  it("fails whole on a citation whose span does not verify against the document, naming file:line", async () => {
    const bad = { ...backed, start: backed.start + 2 };
    const dir = writeDataset(GOOD.replace(yamlCitation(backed), yamlCitation(bad)));
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      await assert.rejects(loadDataset(d.store, dir, { actor: d.actor }), (e) => isDatasetError(e, /claims\.yaml$/, 9));
      assert.equal(await d.store.countClaims(), 0);
      assert.equal(await d.store.countEntities(), 0);
      assert.equal(await d.store.getDataset("mini"), null);
      assert.deepEqual(await d.store.listAudit(), []);
    });
  });

  it("checks spans against the archived text when the document is already ingested", async () => {
    const bad = { ...cochair, quoteSha256: backed.quoteSha256 };
    const dir = writeDataset(GOOD.replace(yamlCitation(cochair), yamlCitation(bad)));
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      await putCorpusSource(d.store, jfm);
      await assert.rejects(loadDataset(d.store, dir, { actor: d.actor }), (e) => isDatasetError(e, /claims\.yaml$/, 1));
      assert.equal(await d.store.countClaims(), 0);
    });
  });

  it("fails whole on a claim that violates the ontology, naming file:line and the field", async () => {
    // An Event cannot be the subject of `endorsed`; and an unknown qualifier.
    const wrongType = GOOD.replace("  subject: state:russia", "  subject: event:ewg-ct-2021-06");
    const dir = writeDataset(wrongType);
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      await assert.rejects(loadDataset(d.store, dir, { actor: d.actor }), (e) => {
        isDatasetError(e, /claims\.yaml$/, 9);
        assert.equal((e as DossierError).context.field, "subject");
        return true;
      });
      assert.equal(await d.store.countEntities(), 0);
    });
    const badQualifier = writeDataset(GOOD.replace("{role: co-chair,", "{colour: red, role: co-chair,"));
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      await assert.rejects(loadDataset(d.store, badQualifier, { actor: d.actor }), (e) => {
        isDatasetError(e, /claims\.yaml$/, 1);
        assert.equal((e as DossierError).context.field, "qualifiers.colour");
        return true;
      });
    });
    const badDate = writeDataset(GOOD.replace('{date: "2021"}', '{date: "June 2021"}'));
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      await assert.rejects(loadDataset(d.store, badDate, { actor: d.actor }), (e) => isDatasetError(e, /claims\.yaml$/, 9));
    });
  });

  it("resolves `myanmar` to the project's built-in dataset wherever it is run from", () => {
    const { dir, builtin } = resolveDatasetDir("myanmar");
    assert.ok(builtin);
    assert.match(dir, /data[\\/]myanmar$/);
    assert.throws(() => resolveDatasetDir("no-such-dataset"), (e: unknown) => e instanceof DossierError && e.code === "NOT_FOUND");
  });

  it("loads the built-in dataset, and every citation resolves to its exact quote once the corpus is ingested", async () => {
    const bundle = await readDataset(resolveDatasetDir("myanmar").dir);
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      const r = await loadDataset(d.store, "myanmar", { actor: d.actor });
      assert.equal(await d.store.countClaims({ dataset: "myanmar" }), bundle.claims.length);
      assert.equal(await d.store.countEntities({ dataset: "myanmar" }), bundle.entities.length);
      assert.equal(r.created, bundle.claims.length);
      for (const s of bundle.sources) {
        const text = readFileSync(join("../shared/corpus", s.file));
        await putCorpusSource(d.store, corpusDoc(s.file));
        assert.ok(text.length > 0);
      }
      const views = await presentClaims(d.store, await d.store.findClaims({ dataset: "myanmar" }));
      const evidence = views.flatMap((v) => v.evidence);
      assert.ok(evidence.length >= bundle.claims.length);
      const unquoted = evidence.filter((e) => e.quote === undefined);
      assert.deepEqual(unquoted, []);
    });
  });
});
