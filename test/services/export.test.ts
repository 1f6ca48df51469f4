import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withDossier } from "../../src/services/dossier.ts";
import { importList } from "../../src/services/import.ts";
import { exportFtm } from "../../src/services/export.ts";
import { loadFtmModel, validateFtmEntities, type FtmEntityJson } from "../../src/io/ftm-model.ts";
import { FTM_EU, FTM_ZALA, UN_XML } from "../io/helpers.ts";

const home = () => mkdtempSync(join(tmpdir(), "dossier-export-"));
const model = loadFtmModel();
const read = (path: string): FtmEntityJson[] => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

async function exported(dossierHome: string, dataset?: string | string[]): Promise<FtmEntityJson[]> {
  const lines: string[] = [];
  await withDossier({ home: dossierHome }, (d) => exportFtm(d.store, { dataset, write: (l) => void lines.push(l) }));
  return lines.map((l) => JSON.parse(l));
}

for (const [label, file] of [["zala cluster", FTM_ZALA], ["EU FSF sample", FTM_EU]] as const) {
  test(`FtM round trip (${label}): every id, caption, name and property comes back`, async () => {
    const dir = home();
    await withDossier({ home: dir }, (d) => importList(d, { kind: "ftm", file, dataset: "rt" }));
    const out = await exported(dir, "rt");
    const byId = new Map(out.map((e) => [e.id, e]));
    const input = read(file);
    const inputIds = new Set(input.map((e) => e.id));
    for (const rec of input) {
      const back = byId.get(rec.id);
      assert.ok(back, `${rec.schema} ${rec.id} is exported`);
      assert.equal(back.schema, rec.schema);
      assert.equal(back.caption, rec.caption);
      for (const k of ["datasets", "referents", "first_seen", "last_seen", "last_change", "target"]) assert.deepEqual(back[k], rec[k], `${rec.id} ${k}`);
      for (const [prop, values] of Object.entries(rec.properties)) {
        const isRef = model.property(rec.schema, prop)?.type === "entity";
        // References to entities the file does not include cannot resolve and are dropped.
        const expected = isRef ? values.filter((v) => inputIds.has(v)) : values;
        assert.deepEqual(back.properties[prop] ?? [], expected, `${rec.id} ${prop}`);
      }
      assert.deepEqual(Object.keys(back.properties).sort(), Object.keys(rec.properties).filter((k) => (back.properties[k] ?? []).length || !(model.property(rec.schema, k)?.type === "entity")).sort());
    }
    assert.deepEqual(validateFtmEntities(model, out), []);
  });
}

test("list imports export as valid FtM: entities with names, and Sanction records for their listings", async () => {
  const dir = home();
  await withDossier({ home: dir }, (d) => importList(d, { kind: "un", file: UN_XML }));
  const out = await exported(dir);
  assert.deepEqual(validateFtmEntities(model, out), []);
  const sanctions = out.filter((e) => e.schema === "Sanction");
  assert.equal(sanctions.length, 1003);
  const people = out.filter((e) => e.schema === "Person");
  assert.equal(people.length, 730);
  const ids = new Set(out.map((e) => e.id));
  for (const s of sanctions.slice(0, 50)) {
    assert.ok(ids.has(s.properties.entity[0]));
    assert.deepEqual(s.properties.authority, ["UN Security Council"]);
    assert.match(s.properties.startDate[0], /^\d{4}-\d{2}-\d{2}$/);
  }
  for (const p of people) {
    for (const k of ["nationality", "country", "citizenship"]) for (const v of p.properties[k] ?? []) assert.match(v, /^[a-z]{2}/, "country-typed values are codes");
  }
  assert.ok(people.some((p) => p.properties.notes?.some((n) => /^nationality: [A-Z]/.test(n))), "country names the list wrote are kept as notes");
  const withScript = people.find((p) => p.properties.alias?.some((a) => /[\u0600-\u06ff]/.test(a)));
  assert.ok(withScript, "original-script names are exported as aliases");
});

test("ledger claims map to Membership, Directorship and UnknownLink; private datasets stay out unless named", async () => {
  const dir = home();
  await withDossier({ home: dir }, async (d) => {
    const now = new Date().toISOString();
    for (const [name, visibility] of [["pub", "public"], ["secret", "private"]] as const) {
      await d.store.putDataset({ name, title: name, visibility, kind: "user", version: null, sourceId: null, loadedAt: now, extra: {} });
    }
    await d.store.putEntities([
      { id: "person:a", type: "Person", name: "Person A", aliases: [], attributes: { birthDate: ["1960~"] }, dataset: "pub", mergedInto: null },
      { id: "org:b", type: "Organization", name: "Org B", aliases: [], attributes: {}, dataset: "pub", mergedInto: null },
      { id: "body:c", type: "Body", name: "Body C", aliases: [], attributes: {}, dataset: "pub", mergedInto: null },
      { id: "person:hidden", type: "Person", name: "Hidden Person", aliases: [], attributes: {}, dataset: "secret", mergedInto: null },
    ]);
    const claim = (id: string, predicate: string, subject: string, object: string, qualifiers = {}, dataset = "pub", status: "accepted" | "proposed" = "accepted") => ({
      id, dataset, predicate, subject, object, qualifiers, status, credibility: 2, confidence: null, origin: { kind: "user" as const, name: "t" }, citations: [], assertion: true, note: null, createdAt: now, updatedAt: now,
    });
    await d.store.putClaims([
      claim("c1", "member_of", "person:a", "org:b", { start: "2019", end: "2021" }),
      claim("c2", "position_held", "person:a", "org:b", { title: "Director" }),
      claim("c3", "chaired", "person:a", "body:c", { role: "co-chair" }),
      claim("c4", "met", "person:a", "person:hidden", {}),
      claim("c5", "attended", "person:a", "body:c", {}, "pub", "proposed"),
      claim("c6", "met", "person:hidden", "org:b", {}, "secret"),
    ]);
  });
  const out = await exported(dir);
  assert.deepEqual(validateFtmEntities(model, out), []);
  const schemas = out.map((e) => e.schema).sort();
  assert.deepEqual(schemas, ["Directorship", "Membership", "Membership", "Organization", "Organization", "Person"]);
  assert.ok(!out.some((e) => JSON.stringify(e).includes("Hidden")), "nothing of a private dataset leaks");
  const membership = out.find((e) => e.schema === "Membership" && e.properties.startDate)!;
  assert.deepEqual(membership.properties, { member: ["person-a"], organization: ["org-b"], startDate: ["2019"], endDate: ["2021"] });
  assert.deepEqual(out.find((e) => e.schema === "Directorship")!.properties.role, ["Director"]);
  assert.deepEqual(out.find((e) => e.properties.role?.[0] === "co-chair")!.properties.organization, ["body-c"]);
  assert.deepEqual(out.find((e) => e.id === "person-a")!.properties.birthDate, ["1960"]);

  const withSecret = await exported(dir, ["pub", "secret"]);
  assert.deepEqual(validateFtmEntities(model, withSecret), []);
  const links = withSecret.filter((e) => e.schema === "UnknownLink");
  assert.equal(links.length, 2);
  assert.ok(links.every((l) => l.properties.role?.[0] === "met"));
});
