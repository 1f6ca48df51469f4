import { test } from "node:test";
import assert from "node:assert/strict";
import { sha256Hex } from "../../src/model/canonical.ts";
import { isDossierError } from "../../src/errors/index.ts";
import { parseUn, unBirthDate } from "../../src/io/un.ts";
import { fileOf, OPTS, textFile, UN_XML } from "./helpers.ts";

// A made-up two-entry list in the UN layout.
const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2025-01-02T00:00:00Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>11</DATAID>
      <FIRST_NAME>ALPHA</FIRST_NAME>
      <SECOND_NAME>BETA</SECOND_NAME>
      <THIRD_NAME>GAMMA</THIRD_NAME>
      <UN_LIST_TYPE>Example</UN_LIST_TYPE>
      <REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>
      <LISTED_ON>2001-02-03</LISTED_ON>
      <NAME_ORIGINAL_SCRIPT>Альфа Бета</NAME_ORIGINAL_SCRIPT>
      <NATIONALITY><VALUE>Testland</VALUE><VALUE>Otherland</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>A. B. Gamma</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Al</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-05-06</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1968</FROM_YEAR><TO_YEAR>1969</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_ADDRESS><COUNTRY>Testland</COUNTRY></INDIVIDUAL_ADDRESS>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>12</DATAID>
      <FIRST_NAME>DELTA &amp; SONS</FIRST_NAME>
      <UN_LIST_TYPE>Example</UN_LIST_TYPE>
      <REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER>
      <LISTED_ON>2002-03-04</LISTED_ON>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>DELTA GROUP</ALIAS_NAME></ENTITY_ALIAS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
`;

test("birth date variants become EDTF", () => {
  assert.equal(unBirthDate(new Map([["TYPE_OF_DATE", "EXACT"], ["DATE", "1970-05-06"]])), "1970-05-06");
  assert.equal(unBirthDate(new Map([["TYPE_OF_DATE", "EXACT"], ["YEAR", "1971"]])), "1971");
  assert.equal(unBirthDate(new Map([["TYPE_OF_DATE", "APPROXIMATELY"], ["YEAR", "1971"]])), "1971~");
  assert.equal(unBirthDate(new Map([["TYPE_OF_DATE", "BETWEEN"], ["FROM_YEAR", "1973"], ["TO_YEAR", "1974"]])), "1973/1974");
  assert.equal(unBirthDate(new Map([["TYPE_OF_DATE", ""]])), null);
});

test("individuals and entities become entities with names, aliases, original script and dates", async () => {
  const p = await parseUn(textFile("un.xml", SAMPLE), OPTS);
  assert.equal(p.published, "2025-01-02");
  const [person, org] = p.entities;
  assert.equal(person.id, "un:XXi.001");
  assert.equal(person.type, "Person");
  assert.equal(person.name, "ALPHA BETA GAMMA");
  assert.deepEqual(person.aliases, ["Альфа Бета", "A. B. Gamma"]);
  assert.deepEqual(person.attributes.weakAliases, ["Al"]);
  assert.deepEqual(person.attributes.nationality, ["Testland", "Otherland"]);
  assert.deepEqual(person.attributes.birthDate, ["1970-05-06", "1968/1969"]);
  assert.deepEqual(person.attributes.country, ["Testland"]);
  assert.equal(org.id, "un:XXe.001");
  assert.equal(org.type, "Organization");
  assert.equal(org.name, "DELTA & SONS");
  assert.deepEqual(org.aliases, ["DELTA GROUP"]);
  assert.deepEqual(p.authorities.map((a) => a.id), ["body:un-security-council"]);
});

test("each claim is dated by LISTED_ON and cites exactly its element", async () => {
  const p = await parseUn(textFile("un.xml", SAMPLE), OPTS);
  assert.equal(p.claims[0].qualifiers.date, "2001-02-03");
  assert.equal(p.claims[0].qualifiers.program, "Example");
  assert.equal(p.claims[0].subject, "body:un-security-council");
  const spans = p.claims.map((c) => SAMPLE.slice(c.citations[0].start, c.citations[0].end));
  assert.ok(spans[0].startsWith("<INDIVIDUAL>") && spans[0].endsWith("</INDIVIDUAL>"));
  assert.ok(spans[1].startsWith("<ENTITY>") && spans[1].endsWith("</ENTITY>"));
  assert.equal(p.claims[1].citations[0].quoteSha256, sha256Hex(spans[1]));
});

test("malformed XML names the file and line", async () => {
  const bad = SAMPLE.replace("<SECOND_NAME>BETA</SECOND_NAME>", "<SECOND_NAME>BETA</SECOND>");
  await assert.rejects(parseUn(textFile("un.xml", bad), OPTS), (e) => {
    assert.ok(isDossierError(e));
    assert.equal(e.code, "INVALID_IMPORT");
    assert.equal(e.context.file, "un.xml");
    assert.equal(e.context.line, 7);
    return true;
  });
});

test("an entry with no reference and no DATAID is refused", async () => {
  const bad = SAMPLE.replace("<DATAID>12</DATAID>", "").replace("<REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER>", "");
  await assert.rejects(parseUn(textFile("un.xml", bad), OPTS), (e) => isDossierError(e) && e.code === "INVALID_IMPORT" && e.context.line === 22);
});

test("the real UN list: 730 individuals, 273 entities, original-script names kept, citations verify", async () => {
  const file = fileOf(UN_XML);
  const p = await parseUn(file, OPTS);
  assert.equal(p.entities.filter((e) => e.type === "Person").length, 730);
  assert.equal(p.entities.filter((e) => e.type === "Organization").length, 273);
  const scripts = p.entities.filter((e) => e.aliases.some((a) => /[^\u0000-\u024f\u2000-\u206f]/.test(a)));
  assert.ok(scripts.length >= 300, `entries with a non-Latin alias: ${scripts.length}`);
  const between = p.entities.filter((e) => (e.attributes.birthDate as string[]).some((d) => /^\d{4}\/\d{4}$/.test(d)));
  assert.ok(between.length > 0);
  for (const c of p.claims.filter((_, i) => i % 50 === 0)) {
    const cit = c.citations[0];
    const quote = file.text.slice(cit.start, cit.end);
    assert.match(quote, /^<(INDIVIDUAL|ENTITY)>[\s\S]*<\/(INDIVIDUAL|ENTITY)>$/);
    assert.ok(quote.includes(`<REFERENCE_NUMBER>${c.object.slice(3)}</REFERENCE_NUMBER>`));
    assert.equal(cit.quoteSha256, sha256Hex(quote));
  }
});
