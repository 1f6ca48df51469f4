// Runs the Store conformance suite against the embedded SQLite backend, on a real file,
// plus what only SQLite promises (append-only triggers).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { openSqliteStore } from "../../src/store/sqlite/index.ts";
import { storeConformance } from "./conformance.ts";

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
