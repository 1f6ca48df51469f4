import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sha256Hex } from "../../src/model/canonical.ts";
import { isDossierError } from "../../src/errors/index.ts";
import type { Source } from "../../src/model/types.ts";
import { withDossier } from "../../src/services/dossier.ts";
import { importList } from "../../src/services/import.ts";
import { CHUNK_ENTRIES } from "../../src/io/lists/common.ts";
import { UNINDEXED_SOURCE_KIND } from "../../src/store/store.ts";
import { FTM_ZALA, OFAC, UN_XML } from "../io/helpers.ts";

const home = () => mkdtempSync(join(tmpdir(), "dossier-import-"));

test("OFAC import stores entities, cited claims, the archived files, custody and audit", async () => {
  await withDossier({ home: home(), actor: "tester" }, async (d) => {
    const s = await importList(d, { kind: "ofac", file: OFAC.sdn, alt: OFAC.alt, add: OFAC.add });
    assert.equal(s.dataset, "us-ofac-sdn");
    assert.equal(s.claims, 14965);
    assert.equal(s.entities, 14966, "every record plus the United States as authority");
    assert.deepEqual(s.replaced, { entities: 0, claims: 0 });
    assert.equal(await d.store.countEntities({ dataset: "us-ofac-sdn" }), s.entities);
    assert.equal(await d.store.countClaims({ dataset: "us-ofac-sdn", predicate: "sanctioned" }), 14965);

    const us = await d.store.getEntity("state:united-states");
    assert.equal(us?.name, "United States");
    const [mah] = await d.store.findEntitiesByName("Min Aung HLAING");
    assert.equal(mah.id, "ofac:27225");
    const [claim] = await d.store.findClaims({ object: mah.id });
    assert.equal(claim.subject, "state:united-states");
    assert.equal(claim.qualifiers.program, "GLOMAG; BURMA-EO14014");

    const ds = await d.store.getDataset("us-ofac-sdn");
    assert.equal(ds?.kind, "list");
    assert.equal(ds?.sourceId, s.source);
    const source = await d.store.getSource(s.source);
    assert.equal(source?.format, "csv");
    const bytes = readFileSync(OFAC.sdn);
    assert.equal(sha256Hex(await d.archive.read(source!.sha256)), sha256Hex(bytes));
    for (const id of s.sources) assert.ok(await d.archive.has(id.slice(7)));
    const custody = await d.store.listCustody({ sourceId: s.source });
    assert.deepEqual(custody.map((c) => c.action), ["ingested", "imported"]);
    const [audit] = await d.store.listAudit({ targetId: "us-ofac-sdn" });
    assert.equal(audit.action, "imported");
    assert.equal(audit.before, null);
    assert.equal(audit.actor, "tester");
  });
});

test("citations of a sample of stored claims hash to their span in the archived text", async () => {
  await withDossier({ home: home() }, async (d) => {
    const s = await importList(d, { kind: "un", file: UN_XML });
    const text = (await d.store.getSourceText(s.source))!.text;
    assert.equal(sha256Hex(text), (await d.store.getSource(s.source))!.textSha256);
    const claims = await d.store.findClaims({ dataset: s.dataset });
    assert.equal(claims.length, 1003);
    for (const c of claims.filter((_, i) => i % 37 === 0)) {
      const cit = c.citations[0];
      assert.equal(cit.source, s.source);
      assert.equal(sha256Hex(text.slice(cit.start, cit.end)), cit.quoteSha256);
    }
  });
});

test("re-importing the same file keeps ids and counts, replaces the previous version and audits it", async () => {
  await withDossier({ home: home() }, async (d) => {
    const first = await importList(d, { kind: "ftm", file: FTM_ZALA, dataset: "zala" });
    const idsBefore = (await d.store.listEntities({ dataset: "zala" })).map((e) => e.id).sort();
    const claimsBefore = (await d.store.findClaims({ dataset: "zala" })).map((c) => c.id).sort();
    const second = await importList(d, { kind: "ftm", file: FTM_ZALA, dataset: "zala" });
    assert.equal(second.entities, first.entities);
    assert.equal(second.claims, first.claims);
    assert.deepEqual(second.replaced, { entities: first.entities, claims: first.claims });
    assert.deepEqual((await d.store.listEntities({ dataset: "zala" })).map((e) => e.id).sort(), idsBefore);
    assert.deepEqual((await d.store.findClaims({ dataset: "zala" })).map((c) => c.id).sort(), claimsBefore);
    assert.equal(await d.store.countSources(), 1);
    const custody = await d.store.listCustody({ sourceId: first.source });
    assert.deepEqual(custody.map((c) => c.action), ["ingested", "imported", "seen-again", "imported"]);
    const audit = await d.store.listAudit({ targetId: "zala" });
    assert.equal(audit.length, 2);
    const replacement = audit.find((a) => a.before !== null)!;
    assert.deepEqual(
      { entities: (replacement.before as { entities: number }).entities, claims: (replacement.before as { claims: number }).claims },
      { entities: first.entities, claims: first.claims },
    );
    assert.equal((replacement.after as { entities: number }).entities, second.entities);
  });
});

test("a malformed line fails with file:line and keeps nothing of that import", async () => {
  const dir = home();
  await withDossier({ home: dir }, async (d) => {
    await importList(d, { kind: "ftm", file: FTM_ZALA, dataset: "zala" });
    const before = { entities: await d.store.countEntities(), claims: await d.store.countClaims(), sources: await d.store.countSources(), audit: (await d.store.listAudit()).length, custody: (await d.store.listCustody()).length, version: (await d.store.getDataset("zala"))!.version };
    const lines = readFileSync(FTM_ZALA, "utf8").split("\n");
    lines[40] = lines[40].replace(`"schema":`, `"schemaX":`);
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, lines.join("\n"));
    await assert.rejects(importList(d, { kind: "ftm", file: bad, dataset: "zala" }), (e) => {
      assert.ok(isDossierError(e));
      assert.equal(e.code, "INVALID_IMPORT");
      assert.equal(e.context.file, bad);
      assert.equal(e.context.line, 41);
      assert.match(e.message, /bad\.jsonl:41: schema: /);
      return true;
    });
    const after = { entities: await d.store.countEntities(), claims: await d.store.countClaims(), sources: await d.store.countSources(), audit: (await d.store.listAudit()).length, custody: (await d.store.listCustody()).length, version: (await d.store.getDataset("zala"))!.version };
    assert.deepEqual(after, before);
    assert.equal(await d.archive.has(sha256Hex(readFileSync(bad))), false);
    assert.equal(await d.archive.cleanStaging(), 0, "no staged copy left behind");
  });
});

test("a failure inside the store transaction rolls everything back and leaves no archived file", async () => {
  await withDossier({ home: home() }, async (d) => {
    await d.store.putDataset({ name: "mine", title: "A team's work", visibility: "private", kind: "user", version: null, sourceId: null, loadedAt: new Date().toISOString(), extra: {} });
    await assert.rejects(importList(d, { kind: "ftm", file: FTM_ZALA, dataset: "mine" }), (e) => isDossierError(e) && e.code === "CONFLICT");
    assert.equal(await d.store.countSources(), 0);
    assert.equal(await d.store.countEntities(), 0);
    assert.deepEqual(await d.archive.list(), []);
  });
});

test("a missing file is NOT_FOUND; ftm needs a dataset name", async () => {
  await withDossier({ home: home() }, async (d) => {
    await assert.rejects(importList(d, { kind: "un", file: "/nonexistent/list.xml" }), (e) => isDossierError(e) && e.code === "NOT_FOUND");
    await assert.rejects(importList(d, { kind: "ftm", file: FTM_ZALA }), (e) => isDossierError(e) && e.code === "USAGE");
  });
});

test("an authority the ledger already holds is left as it is", async () => {
  await withDossier({ home: home() }, async (d) => {
    await d.store.putDataset({ name: "builtin", title: "b", visibility: "public", kind: "builtin", version: null, sourceId: null, loadedAt: new Date().toISOString(), extra: {} });
    await d.store.putEntities([{ id: "body:un-security-council", type: "Body", name: "UN Security Council", aliases: ["UNSC"], attributes: { mine: true }, dataset: "builtin", mergedInto: null }]);
    const s = await importList(d, { kind: "un", file: UN_XML });
    assert.equal(s.entities, 1003);
    const unsc = await d.store.getEntity("body:un-security-council");
    assert.equal(unsc?.dataset, "builtin");
    assert.deepEqual(unsc?.attributes, { mine: true });
  });
});

test("an OFAC file with a short row fails naming that line, and the previous version stays", async () => {
  const dir = home();
  const good = join(dir, "sdn.csv");
  const rows = [
    `1,"ONE, Person","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
    `2,"TWO COMPANY",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
  ];
  writeFileSync(good, rows.join("\r\n") + "\r\n\x1a");
  const bad = join(dir, "sdn-bad.csv");
  writeFileSync(bad, [rows[0], rows[1], `3,"THREE","individual","SDGT"`].join("\r\n") + "\r\n\x1a");
  await withDossier({ home: dir }, async (d) => {
    const first = await importList(d, { kind: "ofac", file: good, dataset: "small" });
    assert.equal(first.claims, 2);
    await assert.rejects(importList(d, { kind: "ofac", file: bad, dataset: "small" }), (e) => {
      assert.ok(isDossierError(e));
      assert.equal(e.code, "INVALID_IMPORT");
      assert.equal(e.context.line, 3);
      assert.equal(e.context.file, bad);
      return true;
    });
    assert.equal((await d.store.getDataset("small"))?.version, sha256Hex(readFileSync(good)));
    assert.equal(await d.store.countClaims({ dataset: "small" }), 2);
    assert.equal(await d.store.countSources(), 1);
  });
});

test("a bad row after many stored chunks rolls the whole import back; the previous version and the name index stay", async () => {
  const dir = home();
  // Rows enough for many chunks, and names enough for SQLite to defer its name index, before the bad one.
  const rows = Array.from({ length: CHUNK_ENTRIES * 8 }, (_, i) => `${i + 1},"PERSON ${i + 1}, Test","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `);
  const good = join(dir, "sdn.csv");
  writeFileSync(good, rows.join("\r\n") + "\r\n\x1a");
  const bad = join(dir, "sdn-bad.csv");
  writeFileSync(bad, [...rows.map((r) => r.replace("PERSON", "RENAMED")), `x,"BROKEN"`].join("\r\n") + "\r\n");
  await withDossier({ home: dir }, async (d) => {
    const progress: number[] = [];
    const first = await importList(d, { kind: "ofac", file: good, dataset: "big", onProgress: (phase, done, total) => phase === "import" && progress.push(done / total) });
    assert.equal(first.entities, rows.length + 1);
    assert.ok(progress.length > 2 && progress.every((p, i) => p <= 1 && (i === 0 || p >= progress[i - 1])), "progress rises to the end");
    assert.equal(progress.at(-1), 1);
    await assert.rejects(importList(d, { kind: "ofac", file: bad, dataset: "big" }), (e) => {
      assert.ok(isDossierError(e));
      assert.equal(e.code, "INVALID_IMPORT");
      assert.equal(e.context.line, rows.length + 1);
      return true;
    });
    assert.equal((await d.store.getDataset("big"))?.version, sha256Hex(readFileSync(good)));
    assert.equal(await d.store.countEntities({ dataset: "big" }), rows.length + 1);
    assert.deepEqual(await d.store.findEntitiesByName("RENAMED 7, Test"), []);
    assert.equal((await d.store.findEntitiesByName("Test PERSON 7"))[0]?.id, "ofac:7");
    assert.equal(await d.store.countSources(), 1);
    assert.equal(await d.archive.has(sha256Hex(readFileSync(bad))), false);
  });
});

test("an imported list's text is archived and cited but kept out of full-text search", async () => {
  await withDossier({ home: home() }, async (d) => {
    const text = "A report on the Taliban's ministers and their travel.";
    const sha = sha256Hex(text);
    const report: Source = {
      id: `sha256:${sha}`, sha256: sha, size: Buffer.byteLength(text), format: "text", mediaType: "text/plain", encoding: "utf-8",
      textSha256: sha, textLength: text.length, needsOcr: false, filename: "report.txt", fetch: null, ingestedAt: "2026-01-01T00:00:00.000Z",
      title: "A report", publisher: null, author: null, url: null, published: null, language: "en", grade: null, kind: "report", extra: {},
    };
    await d.store.putSource(report, [{ sourceId: report.id, kind: "text", sha256: sha, text }]);
    const s = await importList(d, { kind: "un", file: UN_XML });
    assert.match((await d.store.getSourceText(s.source))!.text, /Taliban/);
    assert.equal((await d.store.getSource(s.source))?.kind, UNINDEXED_SOURCE_KIND);
    assert.deepEqual((await d.store.searchText("Taliban")).map((h) => h.sourceId), [report.id]);
  });
});
