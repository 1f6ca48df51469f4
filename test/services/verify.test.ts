// verify: recomputes every hash and the custody chain and names each break — a changed
// byte, a deleted file, an edited, deleted or forged custody entry, an edited text.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, unlinkSync } from "node:fs";
import Database from "better-sqlite3";
import { join } from "node:path";
import { openDossier, type Dossier } from "../../src/services/dossier.ts";
import { ingest } from "../../src/services/ingest.ts";
import { verify } from "../../src/services/verify.ts";
import { sha256Hex } from "../../src/model/canonical.ts";
import type { Claim } from "../../src/model/types.ts";
import { CORPUS, runCli, tempDir } from "../helpers/home.ts";

async function ingestedHome(): Promise<{ dir: string; ids: string[] }> {
  const dir = tempDir();
  const d = await openDossier({ home: dir, actor: "tester" });
  const results = await ingest(d, [CORPUS]);
  await d.close();
  return { dir, ids: results.map((r) => r.source!.sha256) };
}

async function verifyAt(dir: string) {
  const d: Dossier = await openDossier({ home: dir });
  try {
    return await verify(d);
  } finally {
    await d.close();
  }
}

/** Tampering with the database directly, as an intruder would: bypasses the append-only triggers. */
function tamper(dir: string, sql: string[]): void {
  const db = new Database(join(dir, "dossier.db"));
  db.exec("DROP TRIGGER IF EXISTS custody_no_update; DROP TRIGGER IF EXISTS custody_no_delete;");
  for (const s of sql) db.exec(s);
  db.close();
}

const archived = (dir: string, sha: string) => join(dir, "archive", "sha256", sha.slice(0, 2), sha.slice(2, 4), sha);

describe("verify", () => {
  it("checks every citation against the text it quotes, over many pages, and names a claim whose quote no longer matches", async () => {
    const { dir, ids } = await ingestedHome();
    const d = await openDossier({ home: dir, actor: "tester" });
    try {
      const source = `sha256:${ids[0]}`;
      const text = (await d.store.getSourceText(source))!.text;
      const now = new Date().toISOString();
      const claim = (i: number, quoteSha256: string): Claim => ({
        id: `c-${String(i).padStart(5, "0")}`, dataset: "mine", predicate: "met", subject: "person:a", object: "person:b", qualifiers: {},
        status: "proposed", credibility: null, confidence: null, origin: { kind: "user", name: "tester" },
        citations: [{ source, start: 0, end: 20, quoteSha256 }], assertion: false, note: null, createdAt: now, updatedAt: now,
      });
      const good = sha256Hex(text.slice(0, 20));
      const n = 5_010;
      await d.store.putClaims([...Array.from({ length: n - 1 }, (_, i) => claim(i, good)), claim(n - 1, sha256Hex("something else"))]);
      const report = await verify(d);
      assert.equal(report.checked.citations, n);
      assert.deepEqual(report.problems.map((p) => [p.kind, p.id]), [["citation", `c-0${n - 1}`]]);
    } finally {
      await d.close();
    }
  });

  it("passes on an untouched store and reports the chain head", async () => {
    const { dir } = await ingestedHome();
    const r = await verifyAt(dir);
    assert.equal(r.ok, true, JSON.stringify(r.problems));
    assert.equal(r.checked.sources, 3);
    assert.equal(r.checked.custodyEntries, 6);
    assert.match(r.head, /^[0-9a-f]{64}$/);
  });

  it("names an archived file with one changed byte", async () => {
    const { dir, ids } = await ingestedHome();
    const path = archived(dir, ids[1]);
    const bytes = readFileSync(path);
    bytes[100] ^= 0x01;
    writeFileSync(path, bytes);
    const r = await verifyAt(dir);
    assert.equal(r.ok, false);
    assert.deepEqual(r.problems.map((p) => [p.kind, p.id]), [["archive", `sha256:${ids[1]}`]]);
    assert.match(r.problems[0].problem, /changed/);
  });

  it("names a deleted archive file", async () => {
    const { dir, ids } = await ingestedHome();
    unlinkSync(archived(dir, ids[0]));
    const r = await verifyAt(dir);
    assert.deepEqual(r.problems.map((p) => p.kind), ["archive"]);
    assert.match(r.problems[0].problem, /missing/);
  });

  it("names an edited custody entry and every entry after it stays linked", async () => {
    const { dir } = await ingestedHome();
    tamper(dir, ["UPDATE custody SET actor = 'someone-else' WHERE seq = 2"]);
    const r = await verifyAt(dir);
    assert.deepEqual(r.problems.map((p) => p.id), ["2"]);
    assert.match(r.problems[0].problem, /edited/);
  });

  it("names a deleted custody entry", async () => {
    const { dir } = await ingestedHome();
    tamper(dir, ["DELETE FROM custody WHERE seq = 3"]);
    const r = await verifyAt(dir);
    assert.ok(r.problems.some((p) => p.id === "4" && /missing/.test(p.problem)), JSON.stringify(r.problems));
  });

  it("catches a forged entry whose own hash was recomputed but whose successor still points at the original", async () => {
    const { dir } = await ingestedHome();
    tamper(dir, ["UPDATE custody SET hash = 'f' || substr(hash, 2) WHERE seq = 4"]);
    const r = await verifyAt(dir);
    assert.ok(r.problems.some((p) => p.id === "4"));
    assert.ok(r.problems.some((p) => p.id === "5" && /link/.test(p.problem)));
  });

  it("names a stored text that was edited", async () => {
    const { dir, ids } = await ingestedHome();
    tamper(dir, [`UPDATE source_texts SET text = text || ' extra' WHERE source_id = 'sha256:${ids[2]}'`]);
    const r = await verifyAt(dir);
    assert.deepEqual(r.problems.map((p) => [p.kind, p.id]), [["text", `sha256:${ids[2]}`]]);
  });

  it("the CLI exits non-zero and names the broken file", async () => {
    const { dir, ids } = await ingestedHome();
    unlinkSync(archived(dir, ids[0]));
    const run = runCli(dir, ["verify"]);
    assert.equal(run.status, 7);
    assert.match(run.stdout, new RegExp(`BROKEN archive sha256:${ids[0]}`));
    const json = runCli(dir, ["verify", "--json"]);
    assert.equal(json.status, 7);
    assert.equal(json.json().ok, false);
  });
});
