// The ingest command as a user runs it: JSON output, exit codes for partial failure, and a
// bulk ingest killed with SIGKILL that leaves a store which opens, verifies, and finishes
// the job when the same command runs again.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { CORPUS, ROOT, runCli, tempDir } from "../helpers/home.ts";

const corpusTexts = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(CORPUS, f), "utf8"));

function bulkFolder(n: number): string {
  const dir = join(tempDir(), "bulk");
  mkdirSync(dir);
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `doc-${String(i).padStart(4, "0")}.txt`), `Bulletin ${i}\n\n${corpusTexts[i % corpusTexts.length]}`);
  return dir;
}

function countSources(home: string): number {
  try {
    const db = new Database(join(home, "dossier.db"), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT count(*) AS n FROM sources").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe("dossier ingest (CLI)", () => {
  it("prints one JSON object per file with --json and nothing else on stdout", () => {
    const home = tempDir();
    const run = runCli(home, ["ingest", CORPUS, "--json", "--no-extract"]);
    assert.equal(run.status, 0, run.stderr);
    const out = run.json();
    assert.equal(out.length, 3);
    for (const item of out) {
      assert.match(item.source.id, /^sha256:[0-9a-f]{64}$/);
      assert.equal(item.status, "ingested");
    }
  });

  it("exits 1 when some files fail and names each failure on stderr", () => {
    const home = tempDir();
    const dir = join(tempDir(), "mixed");
    mkdirSync(dir);
    writeFileSync(join(dir, "good.txt"), "The minister visited Moscow in 2021.");
    writeFileSync(join(dir, "empty.txt"), "");
    const run = runCli(home, ["ingest", dir, "--no-extract"]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /empty\.txt: .*empty/);
    assert.match(run.stdout, /1 of 2 documents archived, 1 failed/);
  });

  it("exits with the failure's own code when every target fails", () => {
    const run = runCli(tempDir(), ["ingest", "/nonexistent/file.txt"]);
    assert.equal(run.status, 3);
    assert.match(run.stderr, /file\.txt: no such file/);
  });

  it("survives SIGKILL in the middle of a bulk ingest and finishes on the second run", async () => {
    const folder = bulkFolder(400);
    const home = tempDir();
    const child = spawn(process.execPath, [join(ROOT, "bin", "dossier.js"), "--home", home, "ingest", folder, "--no-extract"], { stdio: "ignore" });
    // Kill once a real part of the work is done, but not all of it.
    const deadline = Date.now() + 60_000;
    while (countSources(home) < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const partial = countSources(home);
    assert.ok(partial >= 40 && partial < 400, `killed after ${partial} of 400`);

    const check = runCli(home, ["verify", "--json"]);
    assert.equal(check.status, 0, check.stdout);

    const rerun = runCli(home, ["ingest", folder, "--json", "--no-extract"]);
    assert.equal(rerun.status, 0, rerun.stderr);
    const statuses = rerun.json().map((r: { status: string }) => r.status);
    assert.equal(statuses.filter((s: string) => s === "ingested").length, 400 - partial);
    assert.equal(countSources(home), 400);
    const final = runCli(home, ["verify", "--json"]);
    assert.equal(final.status, 0);
    assert.equal(final.json().checked.sources, 400);
  });
});
