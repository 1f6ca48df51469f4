// Ingest with extraction: every proposed claim is stored with citations that resolve to
// the archived text, the entities it names, and an audit entry; running again neither
// duplicates claims nor undoes a reviewer's decision.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { openDossier } from "../../src/services/dossier.ts";
import { ingest } from "../../src/services/ingest.ts";
import { loadExtractor } from "../../src/services/ingest-extractor.ts";
import { acceptClaims } from "../../src/services/ledger/review.ts";
import { sha256Hex } from "../../src/model/canonical.ts";
import { CORPUS, tempDir } from "../helpers/home.ts";

describe("ingest with extraction", () => {
  it("stores proposed, cited claims whose quotes verify, with their entities and audit entries", async () => {
    const d = await openDossier({ home: tempDir(), actor: "tester" });
    try {
      const results = await ingest(d, [CORPUS], { extractor: await loadExtractor(d) });
      const claims = await d.store.findClaims({ status: "proposed" });
      assert.ok(claims.length >= 50, `only ${claims.length} proposed claims`);
      assert.equal(claims.length, results.reduce((n, r) => n + (r.extraction?.claims.length ?? 0), 0));
      const ids = new Set(claims.flatMap((c) => [c.subject, c.object]));
      const entities = await d.store.getEntities([...ids]);
      assert.equal(entities.size, ids.size, "every claim's parties are stored entities");
      for (const c of claims) {
        assert.equal(c.dataset, "workspace");
        assert.equal(c.origin.kind, "extractor");
        assert.ok(c.citations.length >= 1);
        for (const ct of c.citations) {
          const text = (await d.store.getSourceText(ct.source))!.text;
          assert.equal(sha256Hex(text.slice(ct.start, ct.end)), ct.quoteSha256);
        }
      }
      const audit = await d.store.listAudit();
      assert.equal(audit.filter((a) => a.action === "created").length, claims.length);
      assert.equal((await d.store.getDataset("workspace"))?.visibility, "private");
    } finally {
      await d.close();
    }
  });

  it("re-extracting the same text keeps the claims a reviewer already decided", async () => {
    const d = await openDossier({ home: tempDir(), actor: "tester" });
    try {
      const extractor = await loadExtractor(d);
      const [first] = await ingest(d, [`${CORPUS}/crisisgroup-2022-08-04-myanmar-russia-embrace.txt`], { extractor });
      const claim = first.extraction!.claims[0];
      await acceptClaims(d.store, [claim.id], { actor: "editor" });
      const source = first.source!;
      const text = (await d.store.getSourceText(source.id))!.text;
      await d.store.transaction((tx) => extractor({ source, text }, tx));
      assert.equal((await d.store.getClaim(claim.id))?.status, "accepted");
      assert.equal(await d.store.countClaims(), first.extraction!.claims.length);
    } finally {
      await d.close();
    }
  });
});
