import { test } from "node:test";
import assert from "node:assert/strict";
import { sha256Hex } from "../../src/model/canonical.ts";
import { isDossierError } from "../../src/errors/index.ts";
import { naturalOrder, parseOfac, splitPrograms } from "../../src/io/ofac.ts";
import { fileOf, OFAC, OPTS, textFile } from "./helpers.ts";

// Made-up rows written in the OFAC legacy layout: CRLF, `-0- ` for empty, trailing 0x1A.
const SDN = [
  `101,"TESTER, Aung Ko","individual","GLOMAG] [BURMA-EO14014",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 12 Mar 1961; POB Mandalay, Burma; nationality Burma; Gender Male."`,
  `102,"EXAMPLE TRADING CO., LTD.",-0- ,"BURMA-EO14014",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- `,
  `103,"SAMPLE STAR",vessel,"SDGT",-0- ,"ABCD1","Tanker",-0- ,"5000","Panama",-0- ,"IMO 1234567."`,
].join("\r\n") + "\r\n\x1a";
const ALT = [`101,1,"aka","TESTER, Ko",-0- `, `102,2,"fka","OLD EXAMPLE CO.",-0- `, `999,3,"aka","NOBODY",-0- `].join("\r\n") + "\r\n\x1a";
const ADD = [`101,1,-0- ,"Yangon","Burma",-0- `, `102,2,"1 Road","Bangkok","Thailand",-0- `, `998,3,-0- ,-0- ,"Nowhere",-0- `].join("\r\n") + "\r\n\x1a";

async function parseSample() {
  return parseOfac({ sdn: textFile("sdn.csv", SDN), alt: textFile("alt.csv", ALT), add: textFile("add.csv", ADD) }, OPTS);
}

test("packed programs are split", () => {
  assert.deepEqual(splitPrograms("GLOMAG] [BURMA-EO14014"), ["GLOMAG", "BURMA-EO14014"]);
  assert.deepEqual(splitPrograms("SDGT"), ["SDGT"]);
  assert.deepEqual(splitPrograms(null), []);
});

test("FAMILY, Given is turned into natural order", () => {
  assert.equal(naturalOrder("HLAING, Min Aung"), "Min Aung HLAING");
  assert.equal(naturalOrder("MADONNA"), null);
});

test("the sample list parses: one entity and one cited claim per row, 0x1A is not a row", async () => {
  const p = await parseSample();
  assert.equal(p.entities.length, 3);
  assert.equal(p.claims.length, 3);
  assert.deepEqual(p.entities.map((e) => e.id), ["ofac:101", "ofac:102", "ofac:103"]);
  assert.deepEqual(p.authorities.map((a) => a.id), ["state:united-states"]);
});

test("a person keeps the listed name and gains the natural-order alias, ALT aliases and remark data", async () => {
  const p = await parseSample();
  const person = p.entities[0];
  assert.equal(person.type, "Person");
  assert.equal(person.name, "TESTER, Aung Ko");
  assert.ok(person.aliases.includes("Aung Ko TESTER"));
  assert.ok(person.aliases.includes("TESTER, Ko") && person.aliases.includes("Ko TESTER"));
  assert.deepEqual(person.attributes.birthDate, ["1961-03-12"]);
  assert.deepEqual(person.attributes.nationality, ["Burma"]);
  assert.deepEqual(person.attributes.programs, ["GLOMAG", "BURMA-EO14014"]);
  assert.deepEqual(person.attributes.country, ["Burma"]);
  assert.equal(person.attributes.ofacEntNum, "101");
});

test("-0- cells are empty; organisations get no natural-order alias; fka names are kept", async () => {
  const p = await parseSample();
  const org = p.entities[1];
  assert.equal(org.type, "Organization");
  assert.equal(org.attributes.schema, "Organization");
  assert.equal(org.attributes.remarks, undefined);
  assert.deepEqual(org.aliases, ["OLD EXAMPLE CO."]);
  assert.deepEqual(org.attributes.previousNames, ["OLD EXAMPLE CO."]);
  const vessel = p.entities[2];
  assert.equal(vessel.attributes.schema, "Vessel");
  assert.deepEqual(vessel.attributes.vessel, { callSign: "ABCD1", type: "Tanker", grossRegisteredTonnage: "5000", flag: "Panama" });
});

test("ALT and ADD rows whose ent_num is not on the list are counted, not invented", async () => {
  const p = await parseSample();
  assert.equal(p.stats.altUnjoined, 1);
  assert.equal(p.stats.addUnjoined, 1);
  assert.ok(!p.entities.some((e) => e.name === "NOBODY"));
});

test("each claim cites its row without the line end, and the quote hash matches", async () => {
  const p = await parseSample();
  for (const [i, c] of p.claims.entries()) {
    const [cit] = c.citations;
    const quote = SDN.slice(cit.start, cit.end);
    assert.equal(quote, SDN.split("\r\n")[i]);
    assert.equal(cit.quoteSha256, sha256Hex(quote));
    assert.equal(c.predicate, "sanctioned");
    assert.equal(c.subject, "state:united-states");
    assert.equal(c.status, "accepted");
  }
  assert.equal(p.claims[0].qualifiers.program, "GLOMAG; BURMA-EO14014");
});

test("a row with the wrong column count names file and line", async () => {
  const bad = SDN.replace(`102,"EXAMPLE TRADING CO., LTD.",-0- ,`, `102,"EXAMPLE TRADING CO., LTD.",`);
  await assert.rejects(parseOfac({ sdn: textFile("sdn.csv", bad) }, OPTS), (e) => {
    assert.ok(isDossierError(e));
    assert.equal(e.code, "INVALID_IMPORT");
    assert.equal(e.context.file, "sdn.csv");
    assert.equal(e.context.line, 2);
    return true;
  });
});

test("an unterminated quote names the line where the record starts", async () => {
  const bad = SDN.replace(`"SAMPLE STAR"`, `"SAMPLE STAR`);
  await assert.rejects(parseOfac({ sdn: textFile("sdn.csv", bad) }, OPTS), (e) => {
    assert.ok(isDossierError(e));
    assert.equal(e.code, "INVALID_IMPORT");
    assert.equal(e.context.line, 3);
    return true;
  });
});

test("a non-numeric ent_num in the ALT file names that file", async () => {
  await assert.rejects(parseOfac({ sdn: textFile("sdn.csv", SDN), alt: textFile("alt.csv", `x,1,"aka","A",-0- \r\n`) }, OPTS), (e) => {
    assert.ok(isDossierError(e));
    assert.equal(e.context.file, "alt.csv");
    assert.equal(e.context.line, 1);
    assert.equal(e.context.field, "ent_num");
    return true;
  });
});

test("the real SDN list: every record is an entity; Min Aung Hlaing is found with his traps resolved", async () => {
  const p = await parseOfac({ sdn: fileOf(OFAC.sdn), alt: fileOf(OFAC.alt), add: fileOf(OFAC.add) }, OPTS);
  assert.equal(p.entities.length, 14965);
  assert.equal(p.claims.length, 14965);
  const burma = p.entities.filter((e) => (e.attributes.programs as string[]).includes("BURMA-EO14014"));
  assert.equal(burma.length, 140);
  assert.equal(burma.filter((e) => e.type === "Person").length, 91);
  const mah = p.entities.find((e) => e.name === "HLAING, Min Aung")!;
  assert.ok(mah.aliases.includes("Min Aung HLAING"));
  assert.deepEqual(mah.attributes.birthDate, ["1956-07-03"]);
  assert.ok(p.stats.altUnjoined > 0, "a newer ALT snapshot has rows that do not join");
  const shoigu = p.entities.find((e) => e.name.startsWith("SHOIGU, Sergei"));
  assert.ok(shoigu && (shoigu.attributes.programs as string[]).includes("RUSSIA-EO14024"));
  assert.ok(!p.entities.some((e) => e.name.includes("\x1a")));
});
