import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { loadFtmModel, validateFtmEntities } from "../../src/io/ftm-model.ts";
import { FTM_EU, FTM_MODEL, FTM_ZALA } from "./helpers.ts";

const model = loadFtmModel();

test("the installed package model is the reference model", () => {
  const reference = loadFtmModel(FTM_MODEL);
  for (const s of ["Person", "Sanction", "Ownership", "Vessel"]) {
    assert.deepEqual([...model.properties(s).keys()].sort(), [...reference.properties(s).keys()].sort());
  }
});

test("properties are inherited along extends", () => {
  assert.ok(model.property("Person", "name"), "Thing:name");
  assert.ok(model.property("Person", "birthDate"));
  assert.ok(model.property("Sanction", "startDate"), "Interval:startDate");
  assert.equal(model.property("Organization", "birthDate"), undefined);
  assert.ok(model.isA("Company", "LegalEntity"));
  assert.ok(model.isA("Sanction", "Interval"));
  assert.ok(!model.isA("Person", "Interval"));
});

test("the published sample files pass, except for the address entities they point at but do not include", () => {
  for (const f of [FTM_EU, FTM_ZALA]) {
    const recs = readFileSync(f, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    const problems = validateFtmEntities(model, recs);
    assert.ok(problems.length > 0);
    for (const p of problems) assert.match(p.problem, /^addressEntity points at \S+, not in the export$/);
  }
});

test("the validator reports unknown schemata, unknown or misplaced properties and dangling references", () => {
  const problems = validateFtmEntities(model, [
    { id: "a", schema: "Person", properties: { name: ["A"], birthDate: ["1970"] } },
    { id: "b", schema: "Spaceship", properties: {} },
    { id: "c", schema: "Organization", properties: { name: ["C"], birthDate: ["1970"] } },
    { id: "d", schema: "Sanction", properties: { entity: ["zzz"] } },
    { id: "e", schema: "Thing", properties: { name: ["E"] } },
    { id: "a", schema: "Person", properties: { name: ["again"] } },
  ]);
  const text = problems.map((p) => `${p.line}:${p.problem}`);
  assert.ok(text.includes("2:unknown schema Spaceship"));
  assert.ok(text.includes("3:Organization has no property birthDate"));
  assert.ok(text.includes("4:entity points at zzz, not in the export"));
  assert.ok(text.includes("5:abstract schema Thing"));
  assert.ok(text.includes("6:duplicate id"));
  assert.ok(!text.some((t) => t.startsWith("1:")));
});
