// The helpers behind extraction: format decisions, dates as EDTF, language detection.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { detectFormat, sniffTextFormat, toEdtfDate, detectLanguage } from "../../../src/archive/formats/index.ts";
import { isDossierError } from "../../../src/errors/index.ts";

const bytes = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

describe("detectFormat", () => {
  it("lets the bytes' signature beat the name and the content type", () => {
    assert.equal(detectFormat(bytes("%PDF-1.7\n..."), { filename: "a.txt", contentType: "text/plain" }).format, "pdf");
  });

  it("accepts a PDF header after a little leading junk when nothing says otherwise", () => {
    assert.equal(detectFormat(bytes("\r\n\r\n%PDF-1.4\n"), {}).format, "pdf");
  });

  it("uses the content type before the extension, and the extension before sniffing", () => {
    assert.deepEqual(detectFormat(bytes("x"), { filename: "a.md", contentType: "text/csv; charset=koi8-r" }), {
      format: "csv",
      basis: "content-type",
      charset: "koi8-r",
    });
    assert.equal(detectFormat(bytes("x"), { filename: "dir.v2/notes.MARKDOWN", contentType: "application/octet-stream" }).format, "markdown");
    assert.equal(detectFormat(bytes("x"), { filename: "README" }).format, null);
  });

  for (const [hint, detail] of [
    [{ filename: "x.pdf" }, /no %PDF header/],
    [{ contentType: "application/pdf" }, /no %PDF header/],
    [{ filename: "x.docx" }, /not a ZIP/],
  ] as const) {
    it(`refuses bytes that are not what ${JSON.stringify(hint)} promises`, () => {
      assert.throws(
        () => detectFormat(bytes("plain words"), hint),
        (e: unknown) => isDossierError(e) && e.code === "BAD_INPUT" && detail.test(e.detail),
      );
    });
  }
});

describe("sniffTextFormat", () => {
  it("recognises HTML pages and XML documents, and nothing else", () => {
    assert.equal(sniffTextFormat("\n  <!DOCTYPE html><html><body>x</body></html>"), "html");
    assert.equal(sniffTextFormat("<HTML lang=en><p>x"), "html");
    assert.equal(sniffTextFormat('<?xml version="1.0"?><feed/>'), "xml");
    assert.equal(sniffTextFormat('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'), "html");
    assert.equal(sniffTextFormat("Compare a < b and <b> tags in prose."), "text");
  });
});

describe("toEdtfDate", () => {
  it("keeps the precision given and the calendar date as written", () => {
    assert.equal(toEdtfDate("2022-08-04T23:30:00-05:00"), "2022-08-04");
    assert.equal(toEdtfDate("2023-04"), "2023-04");
    assert.equal(toEdtfDate("2021"), "2021");
    assert.equal(toEdtfDate("D:20210629101500+06'30'"), "2021-06-29");
    assert.equal(toEdtfDate("D:2019"), "2019");
    assert.equal(toEdtfDate("Thu, 04 Aug 2022 10:00:00 GMT"), "2022-08-04");
    assert.equal(toEdtfDate("4 August 2022"), "2022-08-04");
  });

  it("refuses impossible dates and non-dates", () => {
    assert.equal(toEdtfDate("2022-02-30"), "2022"); // the year is still known
    assert.equal(toEdtfDate("not a date"), undefined);
    assert.equal(toEdtfDate(""), undefined);
    assert.equal(toEdtfDate(undefined), undefined);
  });
});

describe("detectLanguage", () => {
  it("names common languages in ISO 639-1", () => {
    assert.equal(detectLanguage("The delegation arrived in the capital on Tuesday for talks about military cooperation and training."), "en");
    assert.equal(detectLanguage("La délégation est arrivée dans la capitale mardi pour des entretiens sur la coopération militaire."), "fr");
    assert.equal(detectLanguage("Делегация прибыла в столицу во вторник для переговоров о военном сотрудничестве и обучении."), "ru");
    assert.equal(detectLanguage("代表团星期二抵达首都，就军事合作和培训问题举行会谈。双方同意继续加强交流与合作，并签署了多项协议。"), "zh");
    assert.equal(detectLanguage("คณะผู้แทนเดินทางถึงเมืองหลวงเมื่อวันอังคารเพื่อหารือเรื่องความร่วมมือทางทหารและการฝึกอบรม"), "th");
  });

  it("says null for text too short to judge", () => {
    assert.equal(detectLanguage("Hello there"), null);
    assert.equal(detectLanguage("12345 67890 !!! ???"), null);
  });
});
