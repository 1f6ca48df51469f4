// Citations resolve to verified quotes once their document is archived; before that they
// show what the dataset knows of the source; a span that does not verify is reported broken.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { withDossier } from "../../../src/services/dossier.ts";
import { EvidenceResolver, quoteInContext } from "../../../src/services/ledger/citations.ts";
import { verifySpan } from "../../../src/model/citation.ts";
import { presentClaims } from "../../../src/services/ledger/present.ts";
import { claim, cite, corpusDoc, ENTITIES, JFM, putCorpusSource, putTestDataset, tempHome } from "./fixtures.ts";

describe("citation resolution", () => {
  const doc = corpusDoc(JFM);
  const phrase = "In 2021, the Myanmar military became the co-chair of the counter terrorism working group";
  const citation = cite(doc, phrase);

  it("shows the source's title, publisher, date and URL before the document is ingested, then the exact quote after", async () => {
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      await putTestDataset(d.store, [doc]);
      await d.store.putEntities(ENTITIES);
      const c = claim("chaired", "org:myanmar-military", "body:ewg-ct", { citations: [citation], qualifiers: { start: "2021" } });
      await d.store.putClaims([c]);

      const [before] = await presentClaims(d.store, [c]);
      const ev = before!.evidence[0]!;
      assert.equal(ev.quote, undefined);
      assert.equal(ev.archived, false);
      assert.equal(ev.title, doc.meta.title);
      assert.equal(ev.publisher, doc.meta.publisher);
      assert.equal(ev.published, doc.meta.published);
      assert.equal(ev.broken, undefined);
      assert.equal(before!.subject.name, "Myanmar military");

      await putCorpusSource(d.store, doc);
      const [after] = await presentClaims(d.store, [c]);
      assert.equal(after!.evidence[0]!.quote, phrase);
      assert.equal(after!.evidence[0]!.quote, doc.text.slice(citation.start, citation.end));
      assert.equal(after!.evidence[0]!.archived, true);
    });
  });

  it("reports a citation whose hash does not match the archived text as broken, without a quote", async () => {
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      await putCorpusSource(d.store, doc);
      const shifted = { ...citation, start: citation.start + 1, end: citation.end + 1 };
      const ev = await new EvidenceResolver(d.store).resolve(shifted);
      assert.equal(ev.broken, true);
      assert.equal(ev.quote, undefined);
      assert.match(ev.reason!, /hash/);
      const past = await new EvidenceResolver(d.store).resolve({ ...citation, end: doc.text.length + 5 });
      assert.equal(past.broken, true);
    });
  });

  it("names an unknown source when no dataset lists it and it is not archived", async () => {
    await withDossier({ home: tempHome(), actor: "t" }, async (d) => {
      const ev = await new EvidenceResolver(d.store).resolve({ ...citation, source: "sha256:" + "0".repeat(64) });
      assert.equal(ev.title, "unknown source");
      assert.equal(ev.quote, undefined);
    });
  });

  it("checks spans and gives context around them", () => {
    assert.deepEqual(verifySpan("abcdef", { start: 1, end: 3, quoteSha256: cite({ ...doc, text: "abcdef" }, "bc").quoteSha256 }), { ok: true, quote: "bc" });
    assert.equal(verifySpan("abcdef", { start: 3, end: 3, quoteSha256: "x" }).ok, false);
    const text = "x".repeat(300) + "QUOTE" + "y".repeat(300);
    const ctx = quoteInContext(text, 300, 305, 160);
    assert.equal(ctx.before, "x".repeat(160));
    assert.equal(ctx.quote, "QUOTE");
    assert.equal(ctx.after, "y".repeat(160));
    assert.deepEqual(quoteInContext("abQcd", 2, 3, 160), { before: "ab", quote: "Q", after: "cd" });
  });
});
