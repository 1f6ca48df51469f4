// Runs the Store conformance suite against the embedded SQLite backend, on a real file,
// plus what only SQLite promises (append-only triggers).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openSqliteStore } from "../../src/store/sqlite/index.ts";
import { UNINDEXED_SOURCE_KIND } from "../../src/store/store.ts";
import { makeSource, storeConformance } from "./conformance.ts";

const freshPath = () => join(mkdtempSync(join(tmpdir(), "dossier-store-")), "dossier.db");

storeConformance("sqlite", () => openSqliteStore({ path: freshPath() }));

describe("SQLite store", () => {
  it("refuses to update or delete custody and audit entries", async () => {
    const path = freshPath();
    const store = await openSqliteStore({ path });
    await store.appendCustody({ actor: "t", action: "ingested", sourceId: null, details: {} });
    await store.appendAudit({ actor: "t", action: "created", targetKind: "claim", targetId: "c", before: null, after: null, reason: null });
    await store.close();
    const raw = new Database(path);
    assert.throws(() => raw.prepare("UPDATE custody SET actor = 'x'").run(), /append-only/);
    assert.throws(() => raw.prepare("DELETE FROM custody").run(), /append-only/);
    assert.throws(() => raw.prepare("DELETE FROM audit").run(), /append-only/);
    raw.close();
  });

  it("builds the name index again after a bulk load large enough to defer it, even one that failed", async () => {
    const path = freshPath();
    const store = await openSqliteStore({ path });
    const people = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `person:${from + i}`, type: "Person", name: `Person ${from + i}`, aliases: [`Alias ${from + i}`, `Other ${from + i}`], attributes: {}, dataset: "list", mergedInto: null }));
    await store.bulkLoad(async (sink) => {
      for (let i = 0; i < 4000; i += 500) await sink.entities(people(i, 500));
    });
    await store.transaction(async (tx) => {
      await assert.rejects(
        tx.bulkLoad(async (sink) => {
          for (let i = 4000; i < 20000; i += 500) await sink.entities(people(i, 500));
          throw new Error("caught by the caller, who commits");
        }),
      );
    });
    await store.close();
    const raw = new Database(path, { readonly: true });
    const indexes = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entity_names' ORDER BY name").pluck().all();
    assert.deepEqual(indexes, ["entity_names_entity", "entity_names_folded"]);
    const plan = raw.prepare("EXPLAIN QUERY PLAN SELECT entity_id FROM entity_names WHERE folded = ?").all("person 1") as { detail: string }[];
    assert.match(plan.map((p) => p.detail).join(" "), /entity_names_folded/);
    assert.equal(raw.prepare("SELECT count(*) FROM entity_names").pluck().get(), 20000 * 3);
    raw.close();
  });

  it("an existing database upgrades: list texts indexed before the rule leave full-text search, other texts stay", async () => {
    const path = freshPath();
    await (await openSqliteStore({ path })).close();
    // Put the database back as the first release left it: the old index and triggers, and a
    // list and a document stored under them.
    const raw = new Database(path);
    raw.exec(`
      DROP TRIGGER source_texts_ai; DROP TRIGGER source_texts_ad; DROP TABLE source_text_fts; DROP VIEW source_texts_searchable;
      CREATE VIRTUAL TABLE source_text_fts USING fts5(text, content='source_texts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
      CREATE TRIGGER source_texts_ai AFTER INSERT ON source_texts BEGIN INSERT INTO source_text_fts(rowid, text) VALUES (new.rowid, new.text); END;
      CREATE TRIGGER source_texts_ad AFTER DELETE ON source_texts BEGIN INSERT INTO source_text_fts(source_text_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END;
      DELETE FROM kysely_migration WHERE name = '0003_list_texts_unindexed_sqlite';`);
    const doc = makeSource("Delegates met in Naypyidaw.");
    const list = makeSource("1,HLAING Min Aung,individual,Naypyidaw", { kind: UNINDEXED_SOURCE_KIND });
    for (const [src, text] of [[doc, "Delegates met in Naypyidaw."], [list, "1,HLAING Min Aung,individual,Naypyidaw"]] as const) {
      raw.prepare("INSERT INTO sources (id, sha256, size, format, media_type, text_sha256, text_length, ingested_at, kind) VALUES (?, ?, ?, 'text', 'text/plain', ?, ?, ?, ?)")
        .run(src.id, src.sha256, src.size, src.textSha256, src.textLength, src.ingestedAt, src.kind);
      raw.prepare("INSERT INTO source_texts (source_id, kind, sha256, text) VALUES (?, 'text', ?, ?)").run(src.id, src.textSha256, text);
    }
    assert.equal(raw.prepare("SELECT count(*) FROM source_text_fts WHERE source_text_fts MATCH 'hlaing'").pluck().get(), 1);
    raw.close();

    const store = await openSqliteStore({ path });
    assert.deepEqual((await store.searchText("Naypyidaw")).map((h) => h.sourceId), [doc.id]);
    assert.deepEqual(await store.searchText("HLAING"), []);
    await store.close();
    const check = new Database(path);
    assert.doesNotThrow(() => check.exec("INSERT INTO source_text_fts(source_text_fts) VALUES ('integrity-check')"));
    check.close();
  });

  it("reopens an existing file without re-running migrations", async () => {
    const path = freshPath();
    const a = await openSqliteStore({ path });
    await a.appendCustody({ actor: "t", action: "ingested", sourceId: null, details: {} });
    await a.close();
    const b = await openSqliteStore({ path });
    assert.equal((await b.listCustody()).length, 1);
    await b.close();
  });
});
