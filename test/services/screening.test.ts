// `dossier screen` end to end: a ledger with a list dataset and its own entities, screened by name, by CSV, and by --entities.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { withDossier } from "../../src/services/dossier.ts";
import type { Entity } from "../../src/model/types.ts";
import { runCli, tempDir } from "../helpers/home.ts";

const ent = (id: string, type: string, name: string, dataset: string, aliases: string[] = [], attributes: Record<string, unknown> = {}): Entity => ({
  id,
  type,
  name,
  aliases,
  attributes,
  dataset,
  mergedInto: null,
});

let home = "";

before(async () => {
  home = tempDir("dossier-screen-");
  await withDossier({ home }, async (d) => {
    const now = new Date().toISOString();
    for (const [name, kind] of [["sdn", "list"], ["un", "list"], ["mine", "user"]] as const) {
      await d.store.putDataset({ name, title: name, visibility: "public", kind, version: null, sourceId: null, loadedAt: now, extra: {} });
    }
    await d.store.putEntities([
      ent("sdn:1", "Person", "HLAING, Min Aung", "sdn", ["Min Aung Hlaing"], { schema: "Person", birthDate: ["1956-07-03"] }),
      ent("sdn:2", "Person", "SHOIGU, Sergei Kuzhugetovich", "sdn", [], { schema: "Person" }),
      ent("sdn:3", "Organization", "Myanma Economic Holdings Public Company Limited", "sdn", ["MEHL"], { schema: "Organization" }),
      ent("un:1", "Person", "WIN, Soe", "un", [], { schema: "Person" }),
      ent("mine:1", "Person", "Sen-Gen Min Aung Hlaing", "mine"),
      ent("mine:2", "Person", "Aung San Suu Kyi", "mine"),
      ent("mine:3", "Organization", "Myanma Economic Holdings", "mine"),
    ]);
  });
});

test("a listed person is found under a rank, in reordered form, with datasets and an explanation", () => {
  const r = runCli(home, ["screen", "Senior General Min Aung Hlaing", "Sergey Shoygu", "Sein Win", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const { results } = r.json<{ results: { query: string; matches: any[] }[] }>();
  assert.deepEqual(results.map((x) => x.query), ["Senior General Min Aung Hlaing", "Sergey Shoygu", "Sein Win"]);
  const [mah, shoigu, sein] = results;
  assert.equal(mah.matches[0].id, "sdn:1");
  for (const key of ["id", "name", "schema", "score", "match", "datasets", "explanation"]) assert.ok(key in mah.matches[0], key);
  assert.deepEqual(mah.matches[0].datasets, ["sdn"]);
  assert.equal(mah.matches[0].match, true);
  assert.ok(mah.matches[0].explanation.removed.query.length > 0, "the rank is reported as removed");
  // The ledger's own entities are screened too.
  assert.ok(mah.matches.some((m: any) => m.id === "mine:1"));
  const scores = mah.matches.map((m: any) => m.score);
  assert.deepEqual(scores, [...scores].sort((a: number, b: number) => b - a), "best first");
  assert.equal(shoigu.matches[0]?.id, "sdn:2");
  assert.deepEqual(sein.matches.map((m: any) => m.id), [], "Sein Win is not Soe Win");
});

test("--dataset, --schema and --threshold narrow the matches", () => {
  const only = runCli(home, ["screen", "Min Aung Hlaing", "--dataset", "mine", "--json"]).json();
  assert.deepEqual(only.results[0].matches.map((m: any) => m.id), ["mine:1"]);
  const orgs = runCli(home, ["screen", "Min Aung Hlaing", "--schema", "Organization", "--json"]).json();
  assert.deepEqual(orgs.results[0].matches, []);
  const loose = runCli(home, ["screen", "Min Aung", "--threshold", "0.5", "--json"]).json();
  const strict = runCli(home, ["screen", "Min Aung", "--json"]).json();
  assert.ok(loose.results[0].matches.length > 0 && loose.results[0].matches.every((m: any) => m.score >= 0.5));
  assert.deepEqual(strict.results[0].matches, [], "a part of a name is not the name at the default threshold");
  assert.notEqual(runCli(home, ["screen", "x", "--threshold", "2"]).status, 0);
});

test("--file screens a CSV column; a malformed CSV names the file and line", () => {
  const dir = tempDir();
  const csv = join(dir, "names.csv");
  writeFileSync(csv, "ref,full name\n1,Sergey Shoygu\n2,Nobody Atall\n3,\"HLAING, Min Aung\"\n");
  const r = runCli(home, ["screen", "--file", csv, "--column", "full name", "--json"]).json();
  assert.deepEqual(r.results.map((x: any) => x.query), ["Sergey Shoygu", "Nobody Atall", "HLAING, Min Aung"]);
  assert.equal(r.results[0].matches[0].id, "sdn:2");
  assert.deepEqual(r.results[1].matches, []);
  assert.equal(r.results[2].matches[0].id, "sdn:1");
  // Without --column: the `name` column, else the first one.
  writeFileSync(csv, "name,ref\nSergey Shoygu,1\n");
  assert.equal(runCli(home, ["screen", "--file", csv, "--json"]).json().results[0].matches[0].id, "sdn:2");
  const bad = join(dir, "bad.csv");
  writeFileSync(bad, "name,ref\nSergey Shoygu,1\n\"unclosed,2\nx,3\n");
  const b = runCli(home, ["screen", "--file", bad, "--json"]);
  assert.notEqual(b.status, 0);
  const err = JSON.parse(b.stdout).error;
  assert.equal(err.code, "BAD_INPUT");
  assert.match(b.stderr, /bad\.csv:\d+/);
  const missing = runCli(home, ["screen", "--file", csv, "--column", "nope", "--json"]);
  assert.equal(JSON.parse(missing.stdout).error.code, "BAD_INPUT");
});

test("human output shows a table and the reason; an empty ledger says how to import lists", () => {
  const r = runCli(home, ["screen", "Senior General Min Aung Hlaing"]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /score\s+name\s+schema\s+datasets/);
  assert.match(r.stdout, /HLAING, Min Aung/);
  assert.match(r.stdout, /best: .*hlaing/);
  const empty = runCli(tempDir(), ["screen", "Min Aung Hlaing", "--json"]);
  assert.equal(empty.status, 0);
  assert.deepEqual(empty.json().results[0].matches, []);
  assert.match(empty.stderr, /dossier import ofac/);
});

test("--entities proposes links from the ledger's own people and organisations to list entries", () => {
  const r = runCli(home, ["screen", "--entities", "--json"]);
  assert.equal(r.status, 0, r.stderr);
  const { proposals } = r.json<{ proposals: { entity: { id: string }; match: { id: string; score: number } }[] }>();
  const pairs = proposals.map((p) => `${p.entity.id}->${p.match.id}`);
  assert.ok(pairs.includes("mine:1->sdn:1"), pairs.join(" "));
  assert.ok(!pairs.some((p) => p.startsWith("mine:2")), "Aung San Suu Kyi is not listed");
  assert.ok(!pairs.some((p) => p.startsWith("sdn:") || p.startsWith("un:")), "list entries are not screened against themselves");
  assert.ok(!pairs.some((p) => p.endsWith("->mine:1") || p.endsWith("->mine:3")), "only list entries are proposed");
});
