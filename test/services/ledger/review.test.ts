// Review decisions: each is checked against the ontology and lands with its audit entry
// (actor, before, after, reason); accepting a duplicate of an accepted fact adds its
// citations there instead of making a second fact; merging entities keeps both ids.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { withDossier, type Dossier } from "../../../src/services/dossier.ts";
import { acceptClaims, editClaim, mergeEntities, rejectClaims } from "../../../src/services/ledger/review.ts";
import { DossierError } from "../../../src/errors/index.ts";
import type { Claim } from "../../../src/model/types.ts";
import { claim, cite, corpusDoc, CRISIS, ENTITIES, JFM, tempHome } from "./fixtures.ts";

const jfm = corpusDoc(JFM);
const crisis = corpusDoc(CRISIS);
const c1 = cite(jfm, "In 2021, the Myanmar military became the co-chair of the counter terrorism working group");
const c2 = cite(jfm, "co-chair of the bloc’s defence working group on counter terrorism with the Russian regime");
const c3 = cite(crisis, "Russia has readily backed Myanmar's junta");

async function withLedger(fn: (d: Dossier) => Promise<void>): Promise<void> {
  await withDossier({ home: tempHome(), actor: "reviewer" }, async (d) => {
    await d.store.putEntities(ENTITIES);
    await fn(d);
  });
}

const code = (c: string) => (e: unknown) => e instanceof DossierError && e.code === c;

describe("review decisions", () => {
  it("accepts a proposed claim and audits it with actor, before, after and reason", async () => {
    await withLedger(async (d) => {
      const p = claim("chaired", "org:myanmar-military", "body:ewg-ct", { status: "proposed", qualifiers: { start: "2021" }, citations: [c1] });
      await d.store.putClaims([p]);
      const [dec] = await acceptClaims(d.store, [p.id], { actor: d.actor, reason: "checked the source" });
      assert.deepEqual(dec, { id: p.id, action: "accepted", status: "accepted" });
      assert.equal((await d.store.getClaim(p.id))!.status, "accepted");
      const [a] = await d.store.listAudit({ targetId: p.id });
      assert.equal(a!.action, "accepted");
      assert.equal(a!.actor, "reviewer");
      assert.equal(a!.reason, "checked the source");
      assert.equal((a!.before as Claim).status, "proposed");
      assert.equal((a!.after as Claim).status, "accepted");
      assert.ok(!Number.isNaN(Date.parse(a!.at)));
      // Accepting again is a no-op, not a second audit entry.
      assert.equal((await acceptClaims(d.store, [p.id], { actor: d.actor }))[0]!.action, "unchanged");
      assert.equal((await d.store.listAudit({ targetId: p.id })).length, 1);
    });
  });

  it("rejects only with a reason, and records it", async () => {
    await withLedger(async (d) => {
      const p = claim("attended", "state:russia", "body:admm-plus", { status: "proposed", citations: [c3] });
      await d.store.putClaims([p]);
      await assert.rejects(rejectClaims(d.store, [p.id], { actor: d.actor }), code("USAGE"));
      await assert.rejects(rejectClaims(d.store, [p.id], { actor: d.actor, reason: "  " }), code("USAGE"));
      assert.equal((await d.store.getClaim(p.id))!.status, "proposed");
      await rejectClaims(d.store, [p.id], { actor: d.actor, reason: "the text is a call, not a fact" });
      assert.equal((await d.store.getClaim(p.id))!.status, "rejected");
      const [a] = await d.store.listAudit({ targetId: p.id });
      assert.deepEqual([a!.action, a!.reason, (a!.before as Claim).status, (a!.after as Claim).status], ["rejected", "the text is a call, not a fact", "proposed", "rejected"]);
    });
  });

  it("changes nothing when any named claim is unknown", async () => {
    await withLedger(async (d) => {
      const p = claim("attended", "state:russia", "body:admm-plus", { status: "proposed", citations: [c3] });
      await d.store.putClaims([p]);
      await assert.rejects(acceptClaims(d.store, [p.id, "no:such"], { actor: d.actor }), code("NOT_FOUND"));
      assert.equal((await d.store.getClaim(p.id))!.status, "proposed");
      assert.deepEqual(await d.store.listAudit(), []);
    });
  });

  it("edits parties, dates and qualifiers by name, audits before and after, and can accept in the same step", async () => {
    await withLedger(async (d) => {
      const p = claim("attended", "state:australia", "body:ewg-ct", { status: "proposed", qualifiers: { date: "2021" }, citations: [c1] });
      await d.store.putClaims([p]);
      const ds = await editClaim(
        d.store,
        p.id,
        { subject: "Russian Federation", object: "EWG on Counter-Terrorism meeting, June 2021", date: "2021-06-29", set: ["role=delegate", "on_behalf_of=Russia"], accept: true },
        { actor: d.actor, reason: "read the cable" },
      );
      assert.deepEqual(ds.map((x) => x.action), ["edited", "accepted"]);
      const now = (await d.store.getClaim(p.id))!;
      assert.equal(now.subject, "state:russia");
      assert.equal(now.object, "event:ewg-ct-2021-06");
      assert.deepEqual(now.qualifiers, { date: "2021-06-29", role: "delegate", on_behalf_of: "state:russia" });
      assert.equal(now.status, "accepted");
      const audit = await d.store.listAudit({ targetId: p.id });
      assert.deepEqual(audit.map((a) => a.action), ["edited", "accepted"]);
      const edit = audit[0]!;
      assert.equal((edit.before as Claim).subject, "state:australia");
      assert.equal((edit.after as Claim).subject, "state:russia");
      assert.equal((edit.before as Claim).qualifiers.date, "2021");
      assert.equal(edit.reason, "read the cable");
    });
  });

  it("removes a qualifier with key= and refuses edits that break the ontology, changing nothing", async () => {
    await withLedger(async (d) => {
      const p = claim("attended", "state:australia", "body:ewg-ct", { status: "proposed", qualifiers: { date: "2021", role: "observer" }, citations: [c1] });
      await d.store.putClaims([p]);
      await editClaim(d.store, p.id, { set: ["role="] }, { actor: d.actor });
      assert.deepEqual((await d.store.getClaim(p.id))!.qualifiers, { date: "2021" });
      const audits = (await d.store.listAudit({ targetId: p.id })).length;
      await assert.rejects(editClaim(d.store, p.id, { date: "mid 2021" }, { actor: d.actor }), code("INVALID_CLAIM"));
      await assert.rejects(editClaim(d.store, p.id, { predicate: "sanctioned" }, { actor: d.actor }), (e: unknown) => {
        assert.ok(e instanceof DossierError && e.code === "INVALID_CLAIM");
        assert.equal(e.context.field, "object", "a sanctioned claim's object cannot be a Body");
        return true;
      });
      await assert.rejects(editClaim(d.store, p.id, { set: ["colour=red"] }, { actor: d.actor }), code("INVALID_CLAIM"));
      await assert.rejects(editClaim(d.store, p.id, { set: ["nonsense"] }, { actor: d.actor }), code("USAGE"));
      await assert.rejects(editClaim(d.store, p.id, { subject: "Atlantis" }, { actor: d.actor }), code("NOT_FOUND"));
      assert.deepEqual((await d.store.getClaim(p.id))!.qualifiers, { date: "2021" });
      assert.equal((await d.store.listAudit({ targetId: p.id })).length, audits);
    });
  });

  it("accepting a duplicate of an accepted fact adds its citations there and rejects it as a duplicate", async () => {
    await withLedger(async (d) => {
      const fact = claim("chaired", "org:myanmar-military", "body:ewg-ct", { status: "accepted", qualifiers: { role: "co-chair", start: "2021" }, citations: [c1] });
      // Same fact from another passage, with a compatible (more precise) date and no role.
      const dup = claim("chaired", "org:myanmar-military", "body:ewg-ct", { status: "proposed", qualifiers: { start: "2021-06" }, citations: [c2] });
      // Same parties but a different role: a different fact, accepted on its own.
      const other = claim("chaired", "org:myanmar-military", "body:ewg-ct", { status: "proposed", qualifiers: { role: "lead" }, citations: [c2] });
      await d.store.putClaims([fact, dup, other]);

      const ds = await acceptClaims(d.store, [dup.id, other.id], { actor: d.actor });
      assert.deepEqual(ds[0], { id: dup.id, action: "merged", status: "rejected", into: fact.id });
      assert.equal(ds[1]!.action, "accepted");

      const survivor = (await d.store.getClaim(fact.id))!;
      assert.deepEqual(survivor.citations.map((c) => c.start).sort((a, b) => a - b), [c1.start, c2.start].sort((a, b) => a - b));
      assert.equal(survivor.status, "accepted");
      assert.equal((await d.store.getClaim(dup.id))!.status, "rejected");
      assert.equal(await d.store.countClaims({ predicate: "chaired", status: "accepted" }), 2);

      const [cited] = await d.store.listAudit({ targetId: fact.id });
      assert.equal(cited!.action, "cited");
      assert.equal((cited!.before as Claim).citations.length, 1);
      assert.equal((cited!.after as Claim).citations.length, 2);
      const [rej] = await d.store.listAudit({ targetId: dup.id });
      assert.deepEqual([rej!.action, rej!.reason], ["rejected", `duplicate of ${fact.id}`]);
    });
  });

  it("does not treat dates that cannot both be right as duplicates", async () => {
    await withLedger(async (d) => {
      const fact = claim("attended", "state:australia", "event:ewg-ct-2021-06", { qualifiers: { date: "2021-06-29" }, citations: [c1] });
      const rival = claim("attended", "state:australia", "event:ewg-ct-2021-06", { status: "proposed", qualifiers: { date: "2021-06-30" }, citations: [c3] });
      await d.store.putClaims([fact, rival]);
      const [dec] = await acceptClaims(d.store, [rival.id], { actor: d.actor });
      assert.equal(dec!.action, "accepted");
      assert.equal((await d.store.getClaim(fact.id))!.citations.length, 1);
    });
  });

  it("finds the duplicate of a symmetric claim stated the other way round", async () => {
    await withLedger(async (d) => {
      const fact = claim("met", "person:min-aung-hlaing", "state:russia", { qualifiers: { date: "2022-07" }, citations: [c1] });
      const mirror = claim("met", "state:russia", "person:min-aung-hlaing", { status: "proposed", qualifiers: { date: "2022" }, citations: [c3] });
      await d.store.putClaims([fact, mirror]);
      const [dec] = await acceptClaims(d.store, [mirror.id], { actor: d.actor });
      assert.equal(dec!.into, fact.id);
    });
  });

  it("merges one entity into another: claims move, both ids resolve, and the merge is audited", async () => {
    await withLedger(async (d) => {
      await d.store.putEntities([{ ...ENTITIES[0]!, id: "org:tatmadaw", name: "Tatmadaw (dup)", aliases: [] }]);
      const c = claim("chaired", "org:tatmadaw", "body:ewg-ct", { citations: [c1] });
      await d.store.putClaims([c]);
      await assert.rejects(mergeEntities(d.store, "org:tatmadaw", "state:russia", { actor: d.actor }), code("CONFLICT"));
      const r = await mergeEntities(d.store, "org:tatmadaw", "org:myanmar-military", { actor: d.actor, reason: "same army" });
      assert.equal(r.into.id, "org:myanmar-military");
      assert.equal((await d.store.getEntity("org:tatmadaw"))!.id, "org:myanmar-military");
      assert.equal((await d.store.getClaim(c.id))!.subject, "org:myanmar-military");
      const [e] = await d.store.listAudit({ targetId: "org:tatmadaw" });
      assert.deepEqual([e!.action, e!.targetKind, e!.reason], ["merged", "entity", "same army"]);
      const [ca] = await d.store.listAudit({ targetId: c.id });
      assert.equal((ca!.before as Claim).subject, "org:tatmadaw");
      assert.equal((ca!.after as Claim).subject, "org:myanmar-military");
    });
  });
});
