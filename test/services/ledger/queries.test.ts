// Entity profile, entity list, timeline and search: what each shows and in what order.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { openDossier, type Dossier } from "../../../src/services/dossier.ts";
import { entityProfile, listEntities } from "../../../src/services/ledger/profile.ts";
import { timeline } from "../../../src/services/ledger/timeline.ts";
import { search } from "../../../src/services/ledger/search.ts";
import { claimDate, compatibleDates, describeDate } from "../../../src/services/ledger/dates.ts";
import { parseEdtf } from "../../../src/dates/index.ts";
import { claim, cite, corpusDoc, ENTITIES, JFM, putTestDataset, tempHome } from "./fixtures.ts";

const jfm = corpusDoc(JFM);
const c1 = cite(jfm, "In 2021, the Myanmar military became the co-chair of the counter terrorism working group");

const chaired = claim("chaired", "org:myanmar-military", "body:ewg-ct", { qualifiers: { start: "2021", role: "co-chair", with: "state:russia" }, citations: [c1] });
const meeting = claim("attended", "state:australia", "event:ewg-ct-2021-06", { qualifiers: { date: "2021-06-29" }, citations: [c1] });
const uncertain = claim("hosted", "org:myanmar-military", "event:ewg-ct-2021-06", { qualifiers: { date: "2021-06?" }, citations: [c1] });
const approx = claim("attended", "org:myanmar-military", "body:ewg-ct", { qualifiers: { date: "2019~" }, citations: [c1] });
const undated = claim("member_of", "org:myanmar-military", "body:admm-plus", { citations: [c1], note: "via the defence ministry" });
const rejected = claim("attended", "org:myanmar-military", "body:ewg-ct", { status: "rejected", qualifiers: { date: "2018" }, citations: [c1] });

describe("ledger queries", () => {
  let d: Dossier;
  before(async () => {
    d = await openDossier({ home: tempHome(), actor: "t" });
    await putTestDataset(d.store, [jfm]);
    await d.store.putEntities(ENTITIES);
    await d.store.putClaims([chaired, meeting, uncertain, approx, undated, rejected]);
  });
  after(() => d.close());

  it("profiles an entity by alias in another script, claims grouped by predicate, outgoing and incoming", async () => {
    const p = await entityProfile(d.store, "တပ်မတော်");
    assert.equal(p.entity.id, "org:myanmar-military");
    assert.deepEqual(Object.keys(p.outgoing), ["attended", "chaired", "hosted", "member_of"]);
    assert.deepEqual(p.outgoing.attended!.map((c) => c.id), [approx.id], "rejected claims are left out");
    assert.deepEqual(p.incoming, {});
    const withRejected = await entityProfile(d.store, "org:myanmar-military", { includeRejected: true });
    assert.equal(withRejected.outgoing.attended!.length, 2);
    const body = await entityProfile(d.store, "EWG on CT");
    assert.deepEqual(Object.keys(body.incoming), ["attended", "chaired"]);
    assert.equal(body.counts.outgoing, 0);
  });

  it("lists entities with their claim counts, filtered by type", async () => {
    const rows = await listEntities(d.store, { type: "Body" });
    assert.deepEqual(rows.map((r) => r.type).filter((t) => t !== "Body"), []);
    const ewg = rows.find((r) => r.id === "body:ewg-ct")!;
    assert.equal(ewg.claims, 3);
    assert.equal(rows.find((r) => r.id === "body:admm-plus")!.claims, 1);
  });

  it("orders a timeline by date, shows precision and uncertainty, and brings in the entity's events", async () => {
    const t = await timeline(d.store, "body:ewg-ct");
    assert.deepEqual(t.entries.map((e) => e.claim.id), [approx.id, chaired.id, uncertain.id, meeting.id]);
    assert.deepEqual(t.entries.map((e) => e.date.display), ["~2019 (year)", "2021 → ? (year)", "2021-06? (month)", "2021-06-29 (day)"]);
    assert.equal(t.entries[2]!.via?.id, "event:ewg-ct-2021-06");
    assert.equal(t.entries[0]!.via, undefined);
    assert.equal(t.entries[2]!.date.uncertain, true);
    assert.equal(t.entries[0]!.date.approximate, true);
    const mil = await timeline(d.store, "Myanmar military");
    assert.equal(mil.undated, 1);
  });

  it("finds entities by any name and claims by parties, predicate, note or qualifier", async () => {
    const r = await search(d.store, "Russian Federation");
    assert.deepEqual(r.entities.map((e) => e.id), ["state:russia"]);
    assert.deepEqual(r.claims.map((c) => c.id), [chaired.id], "found through the `with` qualifier's entity names");
    assert.deepEqual((await search(d.store, "defence ministry")).claims.map((c) => c.id), [undated.id]);
    assert.deepEqual((await search(d.store, "hosted")).claims.map((c) => c.id), [uncertain.id]);
    assert.deepEqual((await search(d.store, "Burma")).entities.map((e) => e.id), ["state:myanmar"]);
    assert.ok(!(await search(d.store, "ewg")).claims.some((c) => c.id === rejected.id));
  });

  it("takes a claim's date from date, or from start and end", () => {
    assert.equal(claimDate({ qualifiers: { date: "2021-06" } })!.text, "2021-06");
    assert.equal(claimDate({ qualifiers: { start: "2021", end: "2023" } })!.text, "2021/2023");
    assert.equal(claimDate({ qualifiers: { end: "2015~" } })!.text, "/2015~");
    assert.equal(claimDate({ qualifiers: { role: "chair" } }), null);
    assert.equal(describeDate(parseEdtf("2024/..")), "2024 → … (year)");
    assert.ok(compatibleDates(parseEdtf("2021"), parseEdtf("2021-06-29")));
    assert.ok(!compatibleDates(parseEdtf("2021-06-29"), parseEdtf("2021-06-30")));
    assert.ok(!compatibleDates(parseEdtf("2021/2023"), parseEdtf("2021/2024")));
  });
});

describe("entity resolution", () => {
  it("prefers the entity whose name is written exactly as given when folding makes names collide", async () => {
    const { resolveEntity } = await import("../../../src/services/ledger/resolve.ts");
    const d = await openDossier({ home: tempHome(), actor: "t" });
    try {
      await d.store.putEntities([
        { id: "body:admm", type: "Body", name: "ADMM", aliases: [], attributes: {}, dataset: "test", mergedInto: null },
        { id: "body:admm-plus", type: "Body", name: "ADMM-Plus", aliases: ["ADMM+"], attributes: {}, dataset: "test", mergedInto: null },
      ]);
      assert.equal((await resolveEntity(d.store, "admm")).id, "body:admm");
      assert.equal((await resolveEntity(d.store, "ADMM+")).id, "body:admm-plus");
      assert.equal((await resolveEntity(d.store, "ADMM Plus")).id, "body:admm-plus");
    } finally {
      await d.close();
    }
  });
});
