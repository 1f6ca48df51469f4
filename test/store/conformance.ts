/**
 * The Store conformance suite: every backend must pass exactly these tests. A backend's
 * test file calls `storeConformance(name, open)` with a function that opens a fresh,
 * empty store.
 */
import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { UNINDEXED_SOURCE_KIND, type Store } from "../../src/store/store.ts";
import type { Claim, Entity, Source } from "../../src/model/types.ts";
import { sha256Hex } from "../../src/model/canonical.ts";
import { checkChain } from "../../src/model/custody.ts";

export function makeSource(text: string, over: Partial<Source> = {}): Source {
  const sha = sha256Hex(text);
  return {
    id: `sha256:${sha}`,
    sha256: sha,
    size: Buffer.byteLength(text),
    format: "text",
    mediaType: "text/plain",
    encoding: "utf-8",
    textSha256: sha,
    textLength: text.length,
    needsOcr: false,
    filename: "doc.txt",
    fetch: null,
    ingestedAt: "2026-01-01T00:00:00.000Z",
    title: "A document",
    publisher: null,
    author: null,
    url: null,
    published: null,
    language: null,
    grade: null,
    kind: null,
    extra: {},
    ...over,
  };
}

export function makeEntity(id: string, name: string, over: Partial<Entity> = {}): Entity {
  return { id, type: id.startsWith("person:") ? "Person" : "State", name, aliases: [], attributes: {}, dataset: "test", mergedInto: null, ...over };
}

export function makeClaim(id: string, over: Partial<Claim> = {}): Claim {
  return {
    id,
    dataset: "test",
    predicate: "met",
    subject: "person:a",
    object: "person:b",
    qualifiers: {},
    status: "proposed",
    credibility: null,
    confidence: 0.9,
    origin: { kind: "user", name: "tester" },
    citations: [],
    assertion: true,
    note: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...over,
  };
}

export function storeConformance(backend: string, open: () => Promise<Store>): void {
  describe(`Store conformance: ${backend}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe("sources", () => {
      it("stores a source with its text and finds it by id and by prefix", async () => {
        const text = "The delegation attended the counter-terrorism meeting.";
        const src = makeSource(text);
        await store.putSource(src, [{ sourceId: src.id, kind: "text", sha256: src.textSha256, text }]);
        assert.deepEqual(await store.getSource(src.id), src);
        assert.equal((await store.findSourcesByPrefix(src.sha256.slice(0, 8)))[0]?.id, src.id);
        assert.equal((await store.getSourceText(src.id))?.text, text);
        assert.equal(await store.countSources(), 1);
      });

      it("rejects a second source with the same id", async () => {
        const src = makeSource("same bytes");
        await store.putSource(src, []);
        await assert.rejects(store.putSource(src, []));
      });

      it("finds text by words and reports UTF-16 offsets of the hit", async () => {
        const text = "Ünïcode first. Then the counter-terrorism working group met.";
        const src = makeSource(text);
        await store.putSource(src, [{ sourceId: src.id, kind: "text", sha256: src.textSha256, text }]);
        const [hit] = await store.searchText("counter-terrorism");
        assert.equal(hit.sourceId, src.id);
        assert.equal(text.slice(hit.start, hit.end).toLowerCase(), "counter-terrorism");
        assert.match(hit.snippet, /counter/i);
        assert.deepEqual(await store.searchText("absent-word-xyz"), []);
      });

      it("keeps the texts of sanctions-list sources out of full-text search, and stores them all the same", async () => {
        const doc = makeSource("The counter-terrorism meeting in Moscow.");
        const list = makeSource("1,HLAING Min Aung,individual,counter-terrorism,Moscow", { kind: UNINDEXED_SOURCE_KIND });
        for (const [src, text] of [[doc, "The counter-terrorism meeting in Moscow."], [list, "1,HLAING Min Aung,individual,counter-terrorism,Moscow"]] as const) {
          await store.putSource(src, [{ sourceId: src.id, kind: "text", sha256: src.textSha256, text }]);
        }
        assert.deepEqual((await store.searchText("Moscow")).map((h) => h.sourceId), [doc.id]);
        assert.deepEqual(await store.searchText("HLAING"), []);
        assert.equal((await store.getSourceText(list.id))?.text, "1,HLAING Min Aung,individual,counter-terrorism,Moscow");
      });

      it("keeps quotes and operators in a search from breaking the query", async () => {
        const text = "A \"quoted\" phrase AND OR NOT (brackets)";
        const src = makeSource(text);
        await store.putSource(src, [{ sourceId: src.id, kind: "text", sha256: src.textSha256, text }]);
        assert.equal((await store.searchText('AND "quoted" (brackets')).length, 1);
      });
    });

    describe("transactions", () => {
      it("commits all writes of a transaction together", async () => {
        const src = makeSource("together");
        await store.transaction(async (tx) => {
          await tx.putSource(src, []);
          await tx.appendCustody({ actor: "t", action: "ingested", sourceId: src.id, details: {} });
        });
        assert.ok(await store.getSource(src.id));
        assert.equal((await store.listCustody()).length, 1);
      });

      it("leaves nothing behind when a transaction fails", async () => {
        const src = makeSource("rolled back");
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.putSource(src, []);
            await tx.appendCustody({ actor: "t", action: "ingested", sourceId: src.id, details: {} });
            throw new Error("boom");
          }),
          /boom/,
        );
        assert.equal(await store.getSource(src.id), null);
        assert.equal((await store.listCustody()).length, 0);
      });
    });

    describe("custody", () => {
      it("chains entries by hash, in sequence", async () => {
        for (let i = 0; i < 3; i++) await store.appendCustody({ actor: "t", action: "ingested", sourceId: null, details: { i } });
        const chain = await store.listCustody();
        assert.deepEqual(chain.map((e) => e.seq), [1, 2, 3]);
        assert.equal(chain[1].prevHash, chain[0].hash);
        assert.deepEqual(checkChain(chain), []);
      });

      it("filters a source's entries", async () => {
        await store.appendCustody({ actor: "t", action: "ingested", sourceId: "sha256:aa", details: {} });
        await store.appendCustody({ actor: "t", action: "ingested", sourceId: "sha256:bb", details: {} });
        assert.deepEqual((await store.listCustody({ sourceId: "sha256:bb" })).map((e) => e.seq), [2]);
      });
    });

    describe("entities", () => {
      it("finds entities by any name or alias, ignoring case and accents", async () => {
        await store.putEntities([makeEntity("state:russia", "Russia", { aliases: ["Russian Federation", "Россия"] })]);
        assert.equal((await store.findEntitiesByName("russian federation"))[0]?.id, "state:russia");
        assert.equal((await store.findEntitiesByName("РОССИЯ"))[0]?.id, "state:russia");
        assert.equal((await store.searchEntities("federat"))[0]?.id, "state:russia");
        assert.deepEqual(await store.findEntitiesByName("Prussia"), []);
      });

      it("replaces an entity on a second put and drops its old aliases", async () => {
        await store.putEntities([makeEntity("state:x", "Xland", { aliases: ["Old Name"] })]);
        await store.putEntities([makeEntity("state:x", "Xland", { aliases: ["New Name"] })]);
        assert.deepEqual(await store.findEntitiesByName("Old Name"), []);
        assert.equal((await store.findEntitiesByName("New Name")).length, 1);
        assert.equal(await store.countEntities(), 1);
      });

      it("filters by type and dataset", async () => {
        await store.putEntities([
          makeEntity("person:a", "A", { dataset: "one" }),
          makeEntity("state:b", "B", { dataset: "two" }),
        ]);
        assert.deepEqual((await store.listEntities({ type: "Person" })).map((e) => e.id), ["person:a"]);
        assert.deepEqual((await store.listEntities({ dataset: "two" })).map((e) => e.id), ["state:b"]);
      });

      it("keeps a merged id resolvable and moves its claims to the survivor", async () => {
        await store.putEntities([makeEntity("person:a", "Alpha"), makeEntity("person:a2", "Alfa"), makeEntity("person:b", "B")]);
        await store.putClaims([makeClaim("c1", { subject: "person:a2", object: "person:b" })]);
        await store.mergeEntity("person:a2", "person:a");
        assert.equal((await store.getEntity("person:a2"))?.id, "person:a");
        assert.equal((await store.getClaim("c1"))?.subject, "person:a");
        assert.equal((await store.findEntitiesByName("Alfa"))[0]?.id, "person:a");
        assert.equal(await store.countEntities(), 2);
      });
    });

    describe("bulk load", () => {
      // Enough names that a backend deferring its name index does so part-way through.
      const listed = (i: number, dataset = "list") =>
        makeEntity(`person:l${i}`, `Listed Person ${i}`, { dataset, aliases: [`Alias ${i}`, `LISTED, Person ${i}`], attributes: { n: i } });
      const listing = (i: number, dataset = "list") =>
        makeClaim(`list/${i}`, { dataset, predicate: "sanctioned", subject: "state:x", object: `person:l${i}`, citations: [{ source: "sha256:list", start: i, end: i + 1, quoteSha256: "q" }], assertion: false });
      const N = 3000;
      const load = (s: Store | Parameters<Parameters<Store["transaction"]>[0]>[0], from = 0, to = N, dataset = "list") =>
        s.bulkLoad(async (sink) => {
          for (let i = from; i < to; i += 500) {
            const ids = Array.from({ length: Math.min(500, to - i) }, (_, k) => i + k);
            await sink.entities(ids.map((k) => listed(k, dataset)));
            await sink.claims(ids.map((k) => listing(k, dataset)));
          }
        });

      it("stores exactly what putEntities and putClaims store, and every name finds its entity", async () => {
        await load(store);
        const other = await open();
        try {
          const all = Array.from({ length: N }, (_, i) => i);
          await other.putEntities(all.map((i) => listed(i)));
          await other.putClaims(all.map((i) => listing(i)));
          assert.deepEqual(await store.listEntities(), await other.listEntities());
          assert.deepEqual(await store.findClaims(), await other.findClaims());
        } finally {
          await other.close();
        }
        assert.equal(await store.countEntities({ dataset: "list" }), N);
        for (const i of [0, 499, 500, 1777, N - 1]) {
          assert.deepEqual((await store.findEntitiesByName(`listed person ${i}`)).map((e) => e.id), [`person:l${i}`]);
          assert.deepEqual((await store.findEntitiesByName(`Person ${i} Listed`)).map((e) => e.id), []);
          assert.deepEqual((await store.findEntitiesByName(`listed, person ${i}`)).map((e) => e.id), [`person:l${i}`]);
          assert.deepEqual((await store.findClaims({ object: `person:l${i}` })).map((c) => c.id), [`list/${i}`]);
        }
        assert.equal((await store.searchEntities("alias 2999")).length, 1);
        assert.equal(await store.countClaims({ source: "sha256:list" }), N);
      });

      it("replaces an entity another dataset held, dropping its old names", async () => {
        await store.putEntities([makeEntity("person:l7", "Old Name", { dataset: "elsewhere", aliases: ["Older Name"] })]);
        await store.putClaims([makeClaim("list/7", { dataset: "elsewhere", citations: [{ source: "sha256:old", start: 0, end: 1, quoteSha256: "o" }] })]);
        await load(store);
        assert.deepEqual(await store.findEntitiesByName("Older Name"), []);
        assert.equal((await store.getEntity("person:l7"))?.dataset, "list");
        assert.deepEqual((await store.getClaim("list/7"))?.citations.map((c) => c.source), ["sha256:list"]);
        assert.equal(await store.countEntities(), N);
      });

      it("rolls back with the caller's transaction and leaves name lookups working", async () => {
        await store.putEntities([makeEntity("state:x", "Xland")]);
        await assert.rejects(
          store.transaction(async (tx) => {
            await load(tx, 0, N);
            throw new Error("bad line");
          }),
          /bad line/,
        );
        assert.equal(await store.countEntities(), 1);
        assert.equal(await store.countClaims(), 0);
        assert.equal((await store.findEntitiesByName("xland"))[0]?.id, "state:x");
        await load(store, 0, 10);
        assert.equal((await store.findEntitiesByName("Listed Person 9"))[0]?.id, "person:l9");
      });

      it("leaves name lookups working when a caller catches a failed load and commits", async () => {
        await store.transaction(async (tx) => {
          await assert.rejects(
            tx.bulkLoad(async (sink) => {
              for (let i = 0; i <= N; i += 500) await sink.entities(Array.from({ length: Math.min(500, N + 1 - i) }, (_, k) => listed(i + k)));
              throw new Error("late failure");
            }),
            /late failure/,
          );
        });
        assert.equal(await store.countEntities(), N + 1);
        assert.equal((await store.findEntitiesByName(`Listed Person ${N}`))[0]?.id, `person:l${N}`);
        assert.equal((await store.findEntitiesByName("Alias 12"))[0]?.id, "person:l12");
      });
    });

    describe("claims", () => {
      it("stores claims with ordered citations and reads them back unchanged", async () => {
        const c = makeClaim("c1", {
          qualifiers: { date: "2021-06", role: "co-chair" },
          citations: [
            { source: "sha256:aa", start: 1, end: 5, quoteSha256: "x" },
            { source: "sha256:bb", start: 7, end: 9, quoteSha256: "y" },
          ],
          assertion: false,
        });
        await store.putClaims([c]);
        assert.deepEqual(await store.getClaim("c1"), c);
      });

      it("lists the citations into a source a page at a time, by claim and position", async () => {
        await store.putClaims([
          makeClaim("k2", { citations: [{ source: "sha256:s", start: 0, end: 2, quoteSha256: "a" }, { source: "sha256:t", start: 1, end: 3, quoteSha256: "b" }, { source: "sha256:s", start: 5, end: 9, quoteSha256: "c" }], assertion: false }),
          makeClaim("k1", { citations: [{ source: "sha256:s", start: 3, end: 4, quoteSha256: "d" }], assertion: false }),
          makeClaim("k3", { citations: [{ source: "sha256:t", start: 0, end: 1, quoteSha256: "e" }], assertion: false }),
        ]);
        const all = await store.listCitations("sha256:s");
        assert.deepEqual(all.map((c) => [c.claimId, c.position, c.start, c.end, c.quoteSha256]), [["k1", 0, 3, 4, "d"], ["k2", 0, 0, 2, "a"], ["k2", 2, 5, 9, "c"]]);
        assert.ok(all.every((c) => c.source === "sha256:s"));
        const first = await store.listCitations("sha256:s", { limit: 2 });
        const rest = await store.listCitations("sha256:s", { after: first.at(-1)!, limit: 2 });
        assert.deepEqual([...first, ...rest], all);
        assert.deepEqual(await store.listCitations("sha256:none"), []);
      });

      it("composes filters", async () => {
        await store.putClaims([
          makeClaim("c1", { predicate: "met", status: "accepted" }),
          makeClaim("c2", { predicate: "chaired", status: "accepted", object: "person:c" }),
          makeClaim("c3", { predicate: "chaired", status: "proposed", citations: [{ source: "sha256:s", start: 0, end: 1, quoteSha256: "q" }] }),
        ]);
        assert.deepEqual((await store.findClaims({ predicate: "chaired", status: "accepted" })).map((c) => c.id), ["c2"]);
        assert.deepEqual((await store.findClaims({ involving: "person:c" })).map((c) => c.id), ["c2"]);
        assert.deepEqual((await store.findClaims({ source: "sha256:s" })).map((c) => c.id), ["c3"]);
        assert.equal(await store.countClaims({ predicate: ["met", "chaired"] }), 3);
        assert.equal((await store.claimCountsByEntity(["person:a"])).get("person:a"), 3);
      });

      it("replaces a claim on a second put, citations included, keeping when it was created", async () => {
        const cite = (source: string) => [{ source, start: 0, end: 1, quoteSha256: "q" }];
        await store.putClaims([makeClaim("c1", { citations: cite("sha256:first") })]);
        await store.putClaims([makeClaim("c1", { status: "accepted", citations: cite("sha256:second"), createdAt: "2027-01-01T00:00:00.000Z", updatedAt: "2027-01-01T00:00:00.000Z" })]);
        const c = await store.getClaim("c1");
        assert.equal(c?.status, "accepted");
        assert.deepEqual(c?.citations.map((x) => x.source), ["sha256:second"]);
        assert.equal(c?.createdAt, "2026-01-01T00:00:00.000Z");
        assert.equal(c?.updatedAt, "2027-01-01T00:00:00.000Z");
        assert.equal(await store.countClaims({ source: "sha256:first" }), 0);
      });

      it("clears a dataset's entities and claims only", async () => {
        await store.putEntities([makeEntity("person:a", "A", { dataset: "one" }), makeEntity("person:b", "B", { dataset: "two" })]);
        await store.putClaims([makeClaim("c1", { dataset: "one" }), makeClaim("c2", { dataset: "two" })]);
        assert.deepEqual(await store.clearDataset("one"), { entities: 1, claims: 1 });
        assert.deepEqual((await store.findClaims()).map((c) => c.id), ["c2"]);
      });
    });

    describe("datasets and audit", () => {
      it("upserts datasets by name", async () => {
        const d = { name: "myanmar", title: "T", visibility: "public" as const, kind: "builtin" as const, version: "1", sourceId: null, loadedAt: "2026-01-01", extra: {} };
        await store.putDataset(d);
        await store.putDataset({ ...d, version: "2" });
        assert.equal((await store.getDataset("myanmar"))?.version, "2");
        assert.equal((await store.listDatasets()).length, 1);
      });

      it("appends audit entries with before and after", async () => {
        await store.appendAudit({ actor: "ed", action: "accepted", targetKind: "claim", targetId: "c1", before: { status: "proposed" }, after: { status: "accepted" }, reason: null });
        await store.appendAudit({ actor: "ed", action: "edited", targetKind: "claim", targetId: "c2", before: null, after: {}, reason: "typo" });
        const [e] = await store.listAudit({ targetId: "c1" });
        assert.equal(e.seq, 1);
        assert.deepEqual(e.before, { status: "proposed" });
        assert.equal((await store.listAudit()).length, 2);
      });
    });
  });
}
