// The interactive review loop, driven by a scripted key stream: one key per decision,
// a reason typed for a rejection, an edit typed as field=value, skip and quit; every
// decision lands in the store and the audit log as it is made.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { withDossier } from "../../../src/services/dossier.ts";
import { reviewQueue, CONTEXT_WIDTH } from "../../../src/services/ledger/queue.ts";
import { parseEditLine, reviewActions, runReviewLoop } from "../../../src/services/ledger/review-loop.ts";
import { claim, cite, corpusDoc, ENTITIES, JFM, putCorpusSource, tempHome } from "./fixtures.ts";

const jfm = corpusDoc(JFM);
const c1 = cite(jfm, "In 2021, the Myanmar military became the co-chair of the counter terrorism working group");
const c2 = cite(jfm, "co-chair of the bloc’s defence working group on counter terrorism with the Russian regime");
const c3 = cite(jfm, "the Myanmar Navy joined the first ASEAN-Russia Naval Exercise (ARNEX) hosted by Indonesia");

function scripted(keys: string, tty = false) {
  const input = new PassThrough() as PassThrough & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
  const rawCalls: boolean[] = [];
  if (tty) {
    input.isTTY = true;
    input.setRawMode = (raw: boolean) => void rawCalls.push(raw);
  }
  let written = "";
  const output = new PassThrough();
  output.on("data", (b: Buffer) => (written += b.toString()));
  input.write(keys);
  input.end();
  return { input, output, rawCalls, text: () => written };
}

describe("review loop", () => {
  it("accepts, rejects with a reason, edits then accepts, skips and quits, one key each", async () => {
    await withDossier({ home: tempHome(), actor: "rev" }, async (d) => {
      await d.store.putEntities(ENTITIES);
      await putCorpusSource(d.store, jfm);
      const p1 = claim("chaired", "org:myanmar-military", "body:ewg-ct", { status: "proposed", qualifiers: { start: "2021" }, citations: [c1], confidence: 0.9 });
      const p2 = claim("chaired", "state:russia", "body:ewg-ct", { status: "proposed", citations: [c2], confidence: 0.7 });
      const p3 = claim("attended", "org:myanmar-military", "body:admm-plus", { status: "proposed", citations: [c3], confidence: 0.6 });
      const p4 = claim("attended", "state:australia", "body:admm-plus", { status: "proposed", citations: [c3], confidence: 0.5 });
      const p5 = claim("attended", "state:myanmar", "body:admm-plus", { status: "proposed", citations: [c3], confidence: 0.5 });
      await d.store.putClaims([p1, p2, p3, p4, p5]);

      const items = await reviewQueue(d.store);
      assert.equal(items.length, 5);
      const io = scripted("a" + "rnot in this passage\r" + "edate=2021-12\r" + "a" + "s" + "q");
      const summary = await runReviewLoop(items, reviewActions(d.store, { actor: d.actor }), io);

      assert.deepEqual(summary.accepted, [p1.id, p3.id]);
      assert.deepEqual(summary.rejected, [p2.id]);
      assert.deepEqual(summary.edited, [p3.id]);
      assert.deepEqual(summary.skipped, [p4.id]);
      assert.equal(summary.quit, true);

      assert.equal((await d.store.getClaim(p1.id))!.status, "accepted");
      assert.equal((await d.store.getClaim(p2.id))!.status, "rejected");
      const edited = (await d.store.getClaim(p3.id))!;
      assert.deepEqual([edited.status, edited.qualifiers.date], ["accepted", "2021-12"]);
      assert.equal((await d.store.getClaim(p4.id))!.status, "proposed");
      assert.equal((await d.store.getClaim(p5.id))!.status, "proposed", "quit before the fifth claim");

      const [rej] = await d.store.listAudit({ targetId: p2.id });
      assert.deepEqual([rej!.action, rej!.reason, rej!.actor], ["rejected", "not in this passage", "rev"]);
      assert.deepEqual((await d.store.listAudit({ targetId: p3.id })).map((a) => a.action), ["edited", "accepted"]);

      // What the reviewer saw: the parties, the confidence, and the quote marked in its context.
      const shown = io.text();
      assert.match(shown, /\[1\/5\] chaired {2}confidence 0\.90/);
      assert.match(shown, /Myanmar military —chaired→ ADMM-Plus Experts' Working Group on Counter-Terrorism/);
      assert.ok(shown.includes("»In 2021, the Myanmar military became the co-chair of the counter terrorism working group«"));
      assert.ok(shown.includes("reason: not in this passage"));
      assert.match(shown, /date=2021-12/);
    });
  });

  it("quotes each citation with up to 160 characters either side", async () => {
    await withDossier({ home: tempHome(), actor: "rev" }, async (d) => {
      await d.store.putEntities(ENTITIES);
      await putCorpusSource(d.store, jfm);
      await d.store.putClaims([claim("chaired", "org:myanmar-military", "body:ewg-ct", { status: "proposed", citations: [c1] })]);
      const [item] = await reviewQueue(d.store, { source: jfm.id.slice(0, 12) });
      const ctx = item!.context[0]!;
      assert.equal(ctx.quote, jfm.text.slice(c1.start, c1.end));
      assert.equal(ctx.before, jfm.text.slice(c1.start - CONTEXT_WIDTH, c1.start));
      assert.equal(ctx.after, jfm.text.slice(c1.end, c1.end + CONTEXT_WIDTH));
    });
  });

  it("keeps a claim up when a reason is missing or an edit is refused, and puts a terminal in raw mode only while running", async () => {
    await withDossier({ home: tempHome(), actor: "rev" }, async (d) => {
      await d.store.putEntities(ENTITIES);
      const p = claim("attended", "state:russia", "body:admm-plus", { status: "proposed", citations: [c3] });
      await d.store.putClaims([p]);
      const io = scripted("r\r" + "edate=sometime\r" + "x" + "s", true);
      const summary = await runReviewLoop(await reviewQueue(d.store), reviewActions(d.store, { actor: d.actor }), io);
      assert.deepEqual(summary.skipped, [p.id]);
      assert.equal((await d.store.getClaim(p.id))!.status, "proposed");
      assert.deepEqual(await d.store.listAudit(), []);
      assert.match(io.text(), /not rejected \(a reason is required\)/);
      assert.match(io.text(), /error: .*date/);
      assert.match(io.text(), /keys: a accept/);
      assert.deepEqual(io.rawCalls, [true, false]);
    });
  });

  it("ends cleanly when the input ends", async () => {
    await withDossier({ home: tempHome(), actor: "rev" }, async (d) => {
      await d.store.putEntities(ENTITIES);
      await d.store.putClaims([claim("attended", "state:russia", "body:admm-plus", { status: "proposed", citations: [c3] })]);
      const summary = await runReviewLoop(await reviewQueue(d.store), reviewActions(d.store, { actor: d.actor }), scripted(""));
      assert.equal(summary.quit, true);
    });
  });

  it("reads typed edits as field=value pairs", () => {
    assert.deepEqual(parseEditLine("date=2021-06; role=co-chair; object=ADMM-Plus"), { date: "2021-06", object: "ADMM-Plus", set: ["role=co-chair"] });
    assert.equal(parseEditLine("nonsense"), null);
    assert.equal(parseEditLine(" ; "), null);
  });
});
