// The ledger as a user meets it on the command line: load the built-in dataset, ask
// questions with --json, see citations turn into quotes after ingesting the corpus, and
// review actions land in the audit log. Runs the real CLI in a temporary home.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareForSort } from "../../src/dates/index.ts";
import { CORPUS, runCli, tempDir } from "../helpers/home.ts";

interface Ev { source: string; start: number; end: number; sha256: string; quote?: string; title?: string; published?: string }
interface ClaimJson {
  id: string; predicate: string; status: string; confidence: number | null; dataset: string;
  subject: { id: string; name: string }; object: { id: string; name: string };
  qualifiers: Record<string, unknown>; evidence: Ev[];
}

describe("ledger commands (CLI)", () => {
  const home = tempDir();
  before(() => {
    const r = runCli(home, ["load", "myanmar", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.json().status, "loaded");
  });

  it("loads the built-in dataset once; a second load says so and changes nothing", () => {
    const again = runCli(home, ["load", "myanmar"]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /already loaded/);
  });

  it("lists claims by predicate in the extract shape, citing sources by title before they are ingested", () => {
    const r = runCli(home, ["claims", "--predicate", "chaired", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const claims = r.json().claims as ClaimJson[];
    assert.ok(claims.length > 0);
    for (const c of claims) {
      assert.equal(c.predicate, "chaired");
      assert.ok(c.subject.id && c.subject.name && c.object.id && c.object.name);
      assert.ok(c.evidence.length > 0);
      for (const e of c.evidence) {
        assert.match(e.source, /^sha256:[0-9a-f]{64}$/);
        assert.equal(e.quote, undefined);
        assert.ok(e.title && e.title !== "unknown source");
      }
    }
  });

  it("profiles an entity found by name, with its claims grouped by predicate", () => {
    const r = runCli(home, ["entity", "Min Aung Hlaing", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const p = r.json();
    assert.equal(p.entity.id, "person:min-aung-hlaing");
    const all = [...Object.values(p.outgoing), ...Object.values(p.incoming)].flat() as ClaimJson[];
    assert.ok(all.length > 0);
    for (const [pred, list] of Object.entries(p.outgoing) as [string, ClaimJson[]][]) {
      for (const c of list) assert.deepEqual([c.predicate, c.subject.id], [pred, "person:min-aung-hlaing"]);
    }
  });

  it("answers AMBIGUOUS with candidates for a name that fits several entities, NOT_FOUND for none", () => {
    const amb = runCli(home, ["entity", "Working Group", "--json"]);
    assert.equal(amb.status, 3);
    assert.equal(amb.json().error.code, "AMBIGUOUS");
    assert.ok(amb.json().error.context.candidates.length > 1);
    const none = runCli(home, ["entity", "Atlantis", "--json"]);
    assert.equal(none.status, 3);
    assert.equal(none.json().error.code, "NOT_FOUND");
  });

  it("orders a timeline by date and shows each date's precision", () => {
    const r = runCli(home, ["timeline", "ADMM-Plus", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    const t = r.json();
    assert.ok(t.entries.length > 1);
    for (let i = 1; i < t.entries.length; i++) assert.ok(compareForSort(t.entries[i - 1].date.edtf, t.entries[i].date.edtf) <= 0);
    for (const e of t.entries) assert.match(e.date.display, /\((year|month|day)\)$/);
    const human = runCli(home, ["timeline", "ADMM-Plus"]);
    assert.match(human.stdout, /^\d{4}(-\d{2})?(-\d{2})?\?? \((year|month|day)\)/m);
  });

  it("searches names in any script and lists entities with claim counts", () => {
    const r = runCli(home, ["search", "Россия", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.json().entities.some((e: { id: string }) => e.id === "state:russia"));
    const list = runCli(home, ["entities", "--type", "State", "--json"]);
    const states = list.json().entities as { type: string; claims: number }[];
    assert.ok(states.length > 0 && states.every((e) => e.type === "State"));
    assert.ok(states.some((e) => e.claims > 0));
  });

  it("shows exact quotes once the corpus is ingested", () => {
    const ing = runCli(home, ["ingest", CORPUS, "--no-extract", "--json"]);
    assert.equal(ing.status, 0, ing.stderr);
    const texts = new Map<string, string>();
    for (const f of readdirSync(CORPUS).filter((n) => n.endsWith(".txt"))) {
      const bytes = readFileSync(join(CORPUS, f));
      texts.set(`sha256:${createHash("sha256").update(bytes).digest("hex")}`, bytes.toString("utf8"));
    }
    assert.equal((ing.json() as unknown[]).length, texts.size);
    const claims = runCli(home, ["claims", "--dataset", "myanmar", "--json"]).json().claims as ClaimJson[];
    const evidence = claims.flatMap((c) => c.evidence);
    assert.ok(evidence.length > 0);
    for (const e of evidence) assert.equal(e.quote, texts.get(e.source)!.slice(e.start, e.end));
  });

  it("rejects a claim only with a reason, and the audit log shows who, why, before and after", () => {
    const [first] = runCli(home, ["claims", "--predicate", "attended", "--limit", "1", "--json"]).json().claims as ClaimJson[];
    const noReason = runCli(home, ["reject", first!.id]);
    assert.equal(noReason.status, 2);
    const r = runCli(home, ["reject", first!.id, "--reason", "testing the audit", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.json().decisions[0].action, "rejected");
    const audit = runCli(home, ["audit", "--target", first!.id, "--json"]).json().entries as { action: string; actor: string; reason: string; before: { status: string }; after: { status: string } }[];
    const last = audit[audit.length - 1]!;
    assert.deepEqual([last.action, last.actor, last.reason, last.before.status, last.after.status], ["rejected", "tester", "testing the audit", "accepted", "rejected"]);
  });

  it("lists the review queue as JSON when not on a terminal", () => {
    const r = runCli(home, ["review", "--json"]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Array.isArray(r.json().claims));
    for (const c of r.json().claims) assert.equal(c.status, "proposed");
  });
});
