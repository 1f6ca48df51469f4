import { test } from "node:test";
import assert from "node:assert/strict";
import { run, triples } from "./helpers.ts";

test("a coordinated list yields one claim per member", async () => {
  const r = await run("Australia, New Zealand and the United States attended the ASEAN Regional Forum in 2022.");
  assert.deepEqual(triples(r.claims), [
    "attended state:australia -> body:arf",
    "attended state:new-zealand -> body:arf",
    "attended state:united-states -> body:arf",
  ]);
  for (const c of r.claims) assert.equal(c.qualifiers.date, "2022");
});

test("passive voice: the agent after 'by' is the subject", async () => {
  const r = await run("The naval exercise was hosted by Indonesia in December 2021.");
  const c = r.claims.find((x) => x.predicate === "hosted");
  assert.ok(c);
  assert.equal(c.subject.id, "state:indonesia");
  assert.equal(c.object.name, "naval exercise");
  assert.equal(c.qualifiers.date, "2021-12");
});

test("sanctions: the authority sanctions the target, with apposition", async () => {
  const r = await run("In February, the European Union sanctioned General Min Thu, the commander of the Kachin Command.");
  assert.ok(triples(r.claims).includes("sanctioned body:european-union -> person:min-thu"));
  assert.ok(r.claims.some((c) => c.predicate === "position_held" && c.subject.id === "person:min-thu"));
});

test("arms deliveries: supplier, recipient and item", async () => {
  const r = await run("Belarus delivered twelve armoured vehicles to the Malian military in 2022.");
  const c = r.claims.find((x) => x.predicate === "supplied_arms");
  assert.ok(c);
  assert.equal(c.subject.id, "state:belarus");
  assert.equal(c.object.id, "org:mali-military");
  assert.match(String(c.qualifiers.item), /armoured vehicles/);
});

test("a denial is not asserted as fact", async () => {
  const r = await run("Japan did not attend the ASEAN Regional Forum.");
  assert.equal(r.claims.length, 0);
  const all = await run("Japan did not attend the ASEAN Regional Forum.", "2023-01-01", 0);
  assert.equal(all.claims[0]?.qualifiers.modality, "negated");
});

test("calls to action and plans are not asserted as fact", async () => {
  for (const s of [
    "ASEAN should boycott the ASEAN Regional Forum.",
    "We urge Thailand to host the ASEAN Regional Forum.",
    "  1. Boycott ASEAN meetings that include the junta.",
    "Indonesia will host the ASEAN Regional Forum next year.",
    "Russia could supply more helicopters to the Myanmar military.",
  ]) {
    const r = await run(s);
    assert.equal(r.claims.length, 0, s);
    const low = await run(s, "2023-01-01", 0);
    for (const c of low.claims) assert.ok(["call", "planned", "negated"].includes(String(c.qualifiers.modality)), s);
  }
});

test("a hedge lowers confidence", async () => {
  const plain = await run("Egypt supplied drones to the Sudanese military.");
  const hedged = await run("Egypt reportedly supplied drones to the Sudanese military.");
  assert.ok(plain.claims[0] && hedged.claims[0]);
  assert.ok(hedged.claims[0].confidence < plain.claims[0].confidence);
});

test("'X's visit to Y' makes X the visitor", async () => {
  const r = await run("Russian Foreign Minister Sergei Lavrov's visit to Naypyitaw in August drew attention.", "2022-08-04");
  assert.ok(triples(r.claims).includes("visited person:sergei-lavrov -> state:myanmar"));
});

test("every claim's types are allowed by its predicate", async () => {
  const r = await run("Thailand hosted General Aung Lin at the ASEAN Air Chiefs Conference in Bangkok.");
  assert.ok(triples(r.claims).includes("hosted state:thailand -> event:asean-air-chiefs-conference"));
  assert.ok(triples(r.claims).includes("attended person:aung-lin -> event:asean-air-chiefs-conference"));
});

test("a list assigning a role item by item yields one claim per holder", async () => {
  const r = await run("The bloc's Expert Working Groups and their current co-chairs are Maritime Security (Thailand and Japan); Cyber Security (Malaysia and India).");
  const chaired = r.claims.filter((c) => c.predicate === "chaired");
  assert.deepEqual(chaired.map((c) => `${c.subject.id} ${c.object.name}`).sort(), [
    "state:india Expert Working Group on Cyber Security",
    "state:japan Expert Working Group on Maritime Security",
    "state:malaysia Expert Working Group on Cyber Security",
    "state:thailand Expert Working Group on Maritime Security",
  ]);
  for (const c of chaired) assert.equal(c.qualifiers.role, "co-chair");
});

test("names joined by commas alone are not a list", async () => {
  const r = await run("In 2019, when Thailand was chair of ASEAN, the Thai Ministry of Defence held an arms expo.");
  const hosts = r.claims.filter((c) => c.predicate === "hosted").map((c) => c.subject.id);
  assert.deepEqual(hosts, ["org:thailand-ministry-of-defence"]);
});
