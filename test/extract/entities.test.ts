import { test } from "node:test";
import assert from "node:assert/strict";
import { run } from "./helpers.ts";

const ids = (r: Awaited<ReturnType<typeof run>>) => r.entities.map((e) => e.id);

test("states are found by name, alias, capital and demonym", async () => {
  const r = await run("Moscow sent Russian advisers to Burma while the UK watched.");
  assert.ok(ids(r).includes("state:russia"));
  assert.ok(ids(r).includes("state:myanmar"));
  assert.ok(ids(r).includes("state:united-kingdom"));
});

test("a state's name or demonym before an organisation makes it that state's", async () => {
  const a = await run("The Australian Department of Defence released the files.");
  const b = await run("Australia's Department of Defence released the files.");
  const org = (r: typeof a) => r.entities.find((e) => e.type === "Organization");
  assert.equal(org(a)?.id, org(b)?.id);
  assert.equal(org(a)?.attributes?.country, "state:australia");
});

test("a rank or title before a capitalised name is a person", async () => {
  const r = await run("Senior General Than Shwe and Lt Gen Kyaw Zaw met Deputy Minister Anna Petrova.");
  const people = r.entities.filter((e) => e.type === "Person").map((e) => e.name).sort();
  assert.deepEqual(people, ["Anna Petrova", "Kyaw Zaw", "Than Shwe"]);
});

test("an acronym defined in the text names the same entity later on", async () => {
  const r = await run("The Kachin Independence Army (KIA) holds the north. Later the KIA attacked a base.");
  const kia = r.entities.find((e) => e.aliases.includes("KIA") || e.name === "KIA");
  assert.ok(kia, "the acronym resolves to an entity");
  const later = "The Kachin Independence Army (KIA) holds the north. Later the ".length;
  assert.ok(kia.mentions.some((m) => m.start === later), "the later bare acronym is a mention");
});

test("'the junta' refers to the document's main armed actor", async () => {
  const r = await run("The Sudanese military seized power. The junta later hosted a summit of the African Union.");
  const mil = r.entities.find((e) => e.id === "org:sudan-military");
  assert.ok(mil);
  assert.equal(mil.mentions.length, 2);
  assert.ok(r.claims.some((c) => c.predicate === "hosted" && c.subject.id === "org:sudan-military"));
});

test("entity names are never lists of entities", async () => {
  const r = await run("Thailand, Japan and New Zealand attended the ASEAN Chiefs of Defence Forces Meeting and ASEAN Military Operations Meeting.");
  for (const e of r.entities) assert.ok(!/\band\b.*\bMeeting\b.*\bMeeting\b/.test(e.name), e.name);
  for (const e of r.entities) assert.ok(e.name.split(/\s+/).length <= 8, e.name);
});
