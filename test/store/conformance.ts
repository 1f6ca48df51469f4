/**
 * The Store conformance suite: every backend must pass exactly these tests. A backend's
 * test file calls `storeConformance(name, open)` with a function that opens a fresh,
 * empty store.
 */
import { describe, it, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import type { Store } from "../../src/store/store.ts";
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
