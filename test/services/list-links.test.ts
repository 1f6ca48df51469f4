// `dossier screen --entities` as a reviewer relies on it: links from the ledger's own
// people and organisations to list entries are stored as proposed `same_as` claims that
// cite the list row naming the entry, never on initials alone, and re-screening neither
// duplicates them nor undoes a reviewer's decision.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { withDossier } from "../../src/services/dossier.ts";
import { importList } from "../../src/services/import.ts";
import { ensureBuiltin } from "../../src/services/overview.ts";
import { proposeListLinks } from "../../src/services/screening.ts";
import { linkClaimId, storeListLinks } from "../../src/services/list-links.ts";
import { rejectClaims } from "../../src/services/ledger/review.ts";
import { OFAC } from "../io/helpers.ts";
import { runCli, tempDir } from "../helpers/home.ts";

let home = "";

before(async () => {
  home = tempDir("dossier-links-");
  await withDossier({ home, actor: "tester" }, async (d) => {
    await ensureBuiltin(d);
    await importList(d, { kind: "ofac", file: OFAC.sdn });
  });
});

test("dry run prints proposals and stores nothing", () => {
  const r = runCli(home, ["screen", "--entities", "--dry-run", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const out = r.json<{ proposals: { entity: { id: string }; match: { id: string } }[]; stored: null }>();
  assert.ok(out.proposals.some((p) => p.entity.id === "person:min-aung-hlaing" && p.match.id === "ofac:27225"));
  assert.equal(out.stored, null);
  const claims = runCli(home, ["claims", "--predicate", "same_as", "--json"]);
  assert.equal(claims.status, 0, claims.stderr);
  assert.deepEqual(claims.json().claims, []);
});

test("links are stored as proposed same_as claims citing the list row that names the entry", async () => {
  await withDossier({ home, actor: "tester" }, async (d) => {
    const { proposals } = await proposeListLinks(d.store);
    const stored = await storeListLinks(d, proposals);
    assert.equal(stored.dataset, "workspace");
    assert.ok(stored.created.length >= 5, `only ${stored.created.length} links`);
    const id = linkClaimId("workspace", "person:min-aung-hlaing", "ofac:27225");
    const claim = await d.store.getClaim(id);
    assert.equal(claim?.predicate, "same_as");
    assert.equal(claim?.status, "proposed");
    assert.ok(claim!.confidence! >= 0.85);
    const [citation] = claim!.citations;
    const text = (await d.store.getSourceText(citation.source, "text"))!.text;
    assert.match(text.slice(citation.start, citation.end), /HLAING, Min Aung/);
    const audit = await d.store.listAudit({ targetId: id });
    assert.deepEqual(audit.map((a) => a.action), ["created"]);
    assert.equal((await d.store.getDataset("workspace"))?.visibility, "private");
  });
});

test("an entity is never linked on its initials alone", async () => {
  await withDossier({ home, actor: "tester" }, async (d) => {
    const { proposals } = await proposeListLinks(d.store);
    for (const p of proposals) {
      assert.doesNotMatch(p.match.matchedName, /^(\p{Lu}\.?){2,6}$/u, `${p.entity.name} linked to ${p.match.name} on ${p.match.matchedName}`);
    }
  });
});

test("screening again adds nothing twice and keeps a rejected link rejected", async () => {
  const id = linkClaimId("workspace", "person:min-aung-hlaing", "ofac:27225");
  await withDossier({ home, actor: "tester" }, async (d) => {
    await rejectClaims(d.store, [id], { actor: "tester", reason: "checking that a decision survives" });
  });
  const r = runCli(home, ["screen", "--entities", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const { stored } = r.json<{ stored: { created: string[]; existing: number } }>();
  assert.deepEqual(stored.created, []);
  assert.ok(stored.existing >= 5);
  await withDossier({ home }, async (d) => assert.equal((await d.store.getClaim(id))?.status, "rejected"));
});

test("--into and --dry-run need --entities", () => {
  const r = runCli(home, ["screen", "Min Aung Hlaing", "--dry-run"]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--entities/);
});
