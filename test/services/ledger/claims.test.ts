// `claims` filters compose; the date window respects precision and says whether a claim
// certainly or only possibly falls in it; competing dates from different sources are both
// shown and point at each other.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { openDossier, type Dossier } from "../../../src/services/dossier.ts";
import { dateWindow, queryClaims, windowMatch } from "../../../src/services/ledger/claims.ts";
import { parseEdtf } from "../../../src/dates/index.ts";
import { DossierError } from "../../../src/errors/index.ts";
import { claim, cite, corpusDoc, CRISIS, ENTITIES, JFM, putTestDataset, tempHome } from "./fixtures.ts";

const jfm = corpusDoc(JFM);
const crisis = corpusDoc(CRISIS);
const cJfm = cite(jfm, "In 2021, the Myanmar military became the co-chair of the counter terrorism working group");
const cCrisis = cite(crisis, "Russia has readily backed Myanmar's junta");

const year = claim("chaired", "org:myanmar-military", "body:ewg-ct", { qualifiers: { start: "2021", end: "2023", role: "co-chair" }, citations: [cJfm] });
const day = claim("attended", "state:australia", "event:ewg-ct-2021-06", { qualifiers: { date: "2021-06-29" }, citations: [cJfm] });
const rival = claim("attended", "state:australia", "event:ewg-ct-2021-06", { qualifiers: { date: "2021-06-30" }, citations: [cCrisis] });
const early = claim("supplied_arms", "state:russia", "org:myanmar-military", { qualifiers: { date: "2020-05" }, citations: [cCrisis] });
const late = claim("met", "person:min-aung-hlaing", "state:russia", { qualifiers: { date: "2022-03~" }, citations: [cCrisis] });
const undated = claim("member_of", "state:myanmar", "body:admm-plus", { citations: [cJfm] });
const proposed = claim("attended", "state:russia", "body:admm-plus", { status: "proposed", qualifiers: { date: "2021" }, citations: [cCrisis] });

describe("claims query", () => {
  let d: Dossier;
  before(async () => {
    d = await openDossier({ home: tempHome(), actor: "t" });
    await putTestDataset(d.store, [jfm, crisis]);
    await d.store.putEntities(ENTITIES);
    await d.store.putClaims([year, day, rival, early, late, undated, proposed]);
  });
  after(() => d.close());

  it("filters by predicate, by subject or object given as a name, alias or id, and by status", async () => {
    assert.deepEqual((await queryClaims(d.store, { predicate: "attended" })).map((c) => c.id).sort(), [day.id, rival.id, proposed.id].sort());
    assert.deepEqual((await queryClaims(d.store, { subject: "Tatmadaw" })).map((c) => c.id), [year.id]);
    assert.deepEqual((await queryClaims(d.store, { object: "Russian Federation" })).map((c) => c.id), [late.id]);
    assert.deepEqual((await queryClaims(d.store, { predicate: "attended", subject: "state:russia", status: "proposed" })).map((c) => c.id), [proposed.id]);
    assert.deepEqual(await queryClaims(d.store, { predicate: "attended", status: "rejected" }), []);
  });

  it("filters by cited source, by full id or prefix", async () => {
    const ids = (await queryClaims(d.store, { source: crisis.id.slice(0, 14) })).map((c) => c.id).sort();
    assert.deepEqual(ids, [rival.id, early.id, late.id, proposed.id].sort());
  });

  it("keeps claims certainly or possibly in the date window, and says which", async () => {
    const got = await queryClaims(d.store, { from: "2021-06-01", to: "2021-06-30" });
    const match = Object.fromEntries(got.map((c) => [c.id, c.date_match]));
    assert.equal(match[day.id], "certain");
    assert.equal(match[rival.id], "certain");
    assert.equal(match[proposed.id], "possible", "a claim dated 2021 may or may not fall in June 2021");
    assert.equal(match[year.id], "possible", "a chairmanship from 2021 may have begun after June 2021");
    assert.ok(!(early.id in match), "May 2020 is certainly before the window");
    assert.ok(!(late.id in match), "about March 2022 is certainly after it");
    assert.ok(!(undated.id in match), "an undated claim cannot be placed in a window");
  });

  it("composes the date window with other filters", async () => {
    const got = await queryClaims(d.store, { predicate: "supplied_arms", to: "2020" });
    assert.deepEqual(got.map((c) => [c.id, c.date_match]), [[early.id, "certain"]]);
    assert.deepEqual(await queryClaims(d.store, { predicate: "supplied_arms", from: "2021" }), []);
  });

  it("treats approximate dates as wider: ~2022-03 may fall in February 2022", async () => {
    const got = await queryClaims(d.store, { predicate: "met", from: "2022-02-01", to: "2022-02-28" });
    assert.deepEqual(got.map((c) => c.date_match), ["possible"]);
  });

  it("reads the window from the first day of --from to the last day of --to", () => {
    const w = dateWindow("2021", "2021-06");
    assert.equal(w!.text, "2021-01-01/2021-06-30");
    assert.equal(dateWindow(undefined, "2020")!.text, "../2020-12-31");
    assert.equal(windowMatch(parseEdtf("2021"), dateWindow("2021-06-29")), "possible");
    assert.equal(windowMatch(parseEdtf("2020"), dateWindow("2021-06")), null);
    assert.equal(windowMatch(parseEdtf("2022"), dateWindow("2021-06")), "certain");
    assert.equal(windowMatch(parseEdtf("2021-06-15"), dateWindow("2021-06", "2021-06")), "certain");
    assert.equal(windowMatch(null, null), "certain");
    assert.equal(windowMatch(null, dateWindow("2021")), null);
    assert.throws(() => dateWindow("2022", "2021"), (e: unknown) => e instanceof DossierError && e.code === "BAD_INPUT");
  });

  it("shows both sides of a dispute: same fact, different sources, dates that cannot both be right", async () => {
    const got = await queryClaims(d.store, { predicate: "attended", object: "event:ewg-ct-2021-06" });
    const byId = new Map(got.map((c) => [c.id, c]));
    assert.equal(got.length, 2);
    assert.deepEqual(byId.get(day.id)!.disputed_with, [rival.id]);
    assert.deepEqual(byId.get(rival.id)!.disputed_with, [day.id]);
    // A claim without a rival carries no mark.
    assert.equal((await queryClaims(d.store, { predicate: "chaired" }))[0]!.disputed_with, undefined);
  });

  it("names the dispute even when the window shows only one side", async () => {
    const got = await queryClaims(d.store, { predicate: "attended", from: "2021-06-30", to: "2021-06-30" });
    const shown = got.find((c) => c.id === rival.id)!;
    assert.deepEqual(shown.disputed_with, [day.id]);
  });

  it("refuses unknown predicates, statuses and entities with coded errors", async () => {
    await assert.rejects(queryClaims(d.store, { predicate: "bombed" }), (e: unknown) => e instanceof DossierError && e.code === "BAD_INPUT");
    await assert.rejects(queryClaims(d.store, { status: "maybe" }), (e: unknown) => e instanceof DossierError && e.code === "BAD_INPUT");
    await assert.rejects(queryClaims(d.store, { subject: "Atlantis" }), (e: unknown) => e instanceof DossierError && e.code === "NOT_FOUND");
    await assert.rejects(queryClaims(d.store, { from: "June 2021" }), (e: unknown) => e instanceof DossierError && e.code === "INVALID_DATE");
  });

  it("answers AMBIGUOUS, listing candidates, when a name fits several entities", async () => {
    await assert.rejects(queryClaims(d.store, { subject: "ADMM" }), (e: unknown) => {
      assert.ok(e instanceof DossierError && e.code === "AMBIGUOUS");
      const ids = (e.context.candidates as { id: string }[]).map((c) => c.id);
      assert.ok(ids.includes("body:admm-plus") && ids.includes("body:ewg-ct"));
      return true;
    });
  });
});

describe("disputes over many facts", () => {
  it("finds the same disputes when rivals are fetched per predicate (more than 50 distinct facts)", async () => {
    const d = await openDossier({ home: tempHome(), actor: "t" });
    try {
      await putTestDataset(d.store, [jfm, crisis]);
      const events = Array.from({ length: 60 }, (_, i) => ({ ...ENTITIES.find((e) => e.type === "Event")!, id: `event:e${i}`, name: `Event ${i}` }));
      await d.store.putEntities([...ENTITIES, ...events]);
      const claims = events.flatMap((e, i) => [
        claim("attended", "state:australia", e.id, { qualifiers: { date: `2021-06-${String((i % 27) + 1).padStart(2, "0")}` }, citations: [cJfm] }),
        ...(i === 7 ? [claim("attended", "state:australia", e.id, { qualifiers: { date: "2022" }, citations: [cCrisis] })] : []),
      ]);
      await d.store.putClaims(claims);
      const got = await queryClaims(d.store, { predicate: "attended" });
      const marked = got.filter((c) => c.disputed_with);
      assert.deepEqual(marked.map((c) => c.object.id), ["event:e7", "event:e7"]);
    } finally {
      await d.close();
    }
  });
});
