import { test } from "node:test";
import assert from "node:assert/strict";
import { isDossierError } from "../../src/errors/index.ts";
import { cell, csvRecords } from "../../src/io/lists/csv-records.ts";
import { textFile } from "./helpers.ts";

const read = (text: string, columns: number) => [...csvRecords(textFile("t.csv", text), columns)];

test("fields, spans without the line end, and line numbers; CRLF and LF both end a record", () => {
  const text = `1,"a, b",x\r\n2,"say ""hi""",y\n3,,z`;
  const rs = read(text, 3);
  assert.deepEqual(rs.map((r) => r.fields), [["1", "a, b", "x"], ["2", 'say "hi"', "y"], ["3", "", "z"]]);
  assert.deepEqual(rs.map((r) => text.slice(r.start, r.end)), [`1,"a, b",x`, `2,"say ""hi""",y`, "3,,z"]);
  assert.deepEqual(rs.map((r) => r.line), [1, 2, 3]);
});

test("a quoted cell may span lines; the next record's line number counts them", () => {
  const text = `1,"two\r\nlines",x\r\n\r\n2,b,y\r\n`;
  const rs = read(text, 3);
  assert.deepEqual(rs[0].fields, ["1", "two\r\nlines", "x"]);
  assert.deepEqual(rs.map((r) => r.line), [1, 4]);
  assert.equal(text.slice(rs[1].start, rs[1].end), "2,b,y");
});

test("a BOM, a trailing 0x1A and blank lines are not records; a lone CR stays in its cell", () => {
  const rs = read(`\ufeff1,a\r\n\r\n2,b\rc\r\n\x1a`, 2);
  assert.deepEqual(rs.map((r) => r.fields), [["1", "a"], ["2", "b\rc"]]);
});

test("malformed rows name the line their record starts on", () => {
  const cases: [string, number, RegExp][] = [
    [`1,a\r\n2,"never closed\r\n3,c\r\n`, 2, /quote never closed/],
    [`1,a\r\n2,b"c\r\n`, 2, /quote inside an unquoted cell/],
    [`1,a\r\n2,"b"c\r\n`, 2, /text after a closing quote/],
    [`1,a\r\n2,b,c\r\n`, 2, /expected 2 columns, found 3/],
  ];
  for (const [text, line, message] of cases) {
    assert.throws(() => read(text, 2), (e) => isDossierError(e) && e.code === "INVALID_IMPORT" && e.context.line === line && message.test(e.message), text);
  }
});

test("OFAC's -0- and blanks are empty cells", () => {
  assert.equal(cell("-0- "), null);
  assert.equal(cell("  "), null);
  assert.equal(cell(" SDGT "), "SDGT");
});
