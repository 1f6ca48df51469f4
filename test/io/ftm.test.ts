import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { sha256Hex } from "../../src/model/canonical.ts";
import { isDossierError } from "../../src/errors/index.ts";
import { parseFtm, streamFtm } from "../../src/io/ftm.ts";
import { fileOf, FTM_EU, FTM_ZALA, OPTS, textFile } from "./helpers.ts";

const lines = (path: string) => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

test("non-interval records become entities keeping id, schema and properties verbatim", async () => {
  const p = await parseFtm(fileOf(FTM_EU), OPTS);
  const src = lines(FTM_EU);
  assert.equal(p.entities.length, src.length);
  for (const rec of src) {
    const e = p.entities.find((x) => x.id === `ftm:${rec.id}`)!;
    assert.ok(e, rec.id);
    assert.equal(e.attributes.ftmId, rec.id);
    assert.equal(e.attributes.schema, rec.schema);
    assert.deepEqual(e.attributes.properties, rec.properties);
    assert.equal(e.name, rec.caption);
    assert.equal(e.type, rec.schema === "Person" ? "Person" : rec.schema === "Address" ? "Place" : "Organization");
  }
  const kuz = p.entities.find((e) => e.name === "Vitaly Yurievich KUZMENKO")!;
  assert.ok(kuz.aliases.includes("Виталий Юрьевич КУЗЬМЕНКО"));
  assert.deepEqual(kuz.attributes.birthDate, ["1971-01-22"]);
  assert.deepEqual(kuz.attributes.nationality, ["ru"]);
});

test("Sanction, Ownership and Directorship records become cited claims; Family and Passport stay on their entity", async () => {
  const file = fileOf(FTM_ZALA);
  const p = await parseFtm(file, OPTS);
  const src = lines(FTM_ZALA);
  const count = (s: string) => src.filter((r) => r.schema === s).length;
  const byPredicate = (pr: string) => p.claims.filter((c) => c.predicate === pr).length;
  assert.equal(byPredicate("sanctioned"), count("Sanction"));
  assert.equal(byPredicate("part_of"), count("Ownership"));
  assert.equal(byPredicate("position_held"), count("Directorship"));
  const linked = p.entities.flatMap((e) => (e.attributes.ftmLinked as { schema: string }[] | undefined) ?? []);
  assert.equal(linked.length, count("Family") + count("Passport"));
  const sanction = src.find((r) => r.schema === "Sanction" && r.properties.program);
  const claim = p.claims.find((c) => c.qualifiers.ftm_id === sanction.id)!;
  assert.equal(claim.object, `ftm:${sanction.properties.entity[0]}`);
  assert.ok(claim.subject.startsWith("ftm-authority:"));
  assert.equal(claim.qualifiers.program, sanction.properties.program.join("; "));
  const cit = claim.citations[0];
  const quote = file.text.slice(cit.start, cit.end);
  assert.deepEqual(JSON.parse(quote), sanction);
  assert.equal(cit.quoteSha256, sha256Hex(quote));
  assert.ok(p.authorities.every((a) => a.attributes.authority === true));
});

test("a line that is not JSON names file and line", async () => {
  const text = readFileSync(FTM_EU, "utf8").split("\n");
  text.splice(3, 0, "{not json");
  await assert.rejects(parseFtm(textFile("bad.jsonl", text.join("\n")), OPTS), (e) => {
    assert.ok(isDossierError(e));
    assert.equal(e.code, "INVALID_IMPORT");
    assert.equal(e.context.file, "bad.jsonl");
    assert.equal(e.context.line, 4);
    return true;
  });
});

test("a record without schema, with an unknown schema or with non-list properties is refused", async () => {
  const cases: [string, string][] = [
    [`{"id":"a","properties":{}}`, "schema"],
    [`{"id":"a","schema":"Spaceship","properties":{}}`, "schema"],
    [`{"id":"a","schema":"Person","properties":{"name":"Solo"}}`, "name"],
    [`{"schema":"Person","properties":{}}`, "id"],
  ];
  for (const [line, field] of cases) {
    await assert.rejects(parseFtm(textFile("x.jsonl", `{"id":"ok","schema":"Person","properties":{"name":["A"]}}\n${line}\n`), OPTS), (e) => {
      assert.ok(isDossierError(e));
      assert.equal(e.code, "INVALID_IMPORT");
      assert.equal(e.context.line, 2);
      assert.equal(e.context.field, field);
      return true;
    });
  }
});

test("CRLF line ends and blank lines are tolerated; spans exclude the line end", async () => {
  const text = `{"id":"p1","schema":"Person","properties":{"name":["Ann Example"]}}\r\n\r\n{"id":"s1","schema":"Sanction","properties":{"entity":["p1"],"authority":["Some Office"],"startDate":["2020-01-02"]}}\r\n`;
  const p = await parseFtm(textFile("x.jsonl", text), OPTS);
  assert.equal(p.entities.length, 1);
  assert.equal(p.claims[0].qualifiers.date, "2020-01-02");
  const c = p.claims[0].citations[0];
  assert.ok(text.slice(c.start, c.end).endsWith("}"));
});

test("intervals act on entities wherever they sit in the file; entities stream out in file order", async () => {
  const text = [
    `{"id":"s1","schema":"Sanction","properties":{"entity":["p1"],"authority":["Some Office"],"program":["PROG-A"]}}`,
    `{"id":"f1","schema":"Family","properties":{"person":["p1"],"relative":["p2"],"relationship":["brother"]}}`,
    `{"id":"p2","schema":"Person","properties":{"name":["Bo Example"]}}`,
    `{"id":"p1","schema":"Person","properties":{"name":["Ann Example"]}}`,
    `{"id":"s2","schema":"Sanction","properties":{"entity":["p1"],"authority":["Some Office"],"program":["PROG-B"]}}`,
  ].join("\n");
  const chunks: string[][] = [];
  const p = await parseFtm(textFile("x.jsonl", text), OPTS);
  const summary = await streamFtm(textFile("x.jsonl", text), OPTS, async (c) => void chunks.push(c.entities.map((e) => e.id)));
  assert.deepEqual(chunks.flat(), ["ftm:p2", "ftm:p1"]);
  assert.equal(summary.stats.records, 5);
  const ann = p.entities.find((e) => e.id === "ftm:p1")!;
  assert.deepEqual(ann.attributes.programs, ["PROG-A", "PROG-B"]);
  assert.deepEqual((ann.attributes.ftmLinked as { id: string }[]).map((l) => l.id), ["f1"]);
  assert.deepEqual(p.claims.map((c) => c.qualifiers.ftm_id), ["s1", "s2"]);
  assert.deepEqual(p.authorities.map((a) => a.id), ["ftm-authority:some-office"]);
});
