// Plain-text family: the extracted text is the decoded file exactly (only a BOM removed),
// whatever the encoding, so citation offsets into the original stay valid.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { extractDocument, DEFAULT_MAX_BYTES } from "../../../src/archive/formats/index.ts";
import { isDossierError } from "../../../src/errors/index.ts";

const CORPUS = "../shared/corpus";

/** Asserts the promise rejects with a DossierError of this code whose message names the file. */
async function rejectsWith(p: Promise<unknown>, code: string, file: string, detail: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isDossierError(e), `expected a DossierError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.ok(e.message.startsWith(`${file}: `), `message should start with the file name: ${e.message}`);
    assert.match(e.detail, detail);
    return true;
  });
}

describe("corpus documents", () => {
  const names = readdirSync(CORPUS).filter((f) => f.endsWith(".txt"));
  it("finds the corpus", () => assert.ok(names.length >= 3));
  for (const name of names) {
    it(`${name}: text equals the file content exactly, language matches its sidecar`, async () => {
      const bytes = readFileSync(join(CORPUS, name));
      const doc = await extractDocument(bytes, { filename: name });
      assert.equal(doc.format, "text");
      assert.equal(doc.encoding, "utf-8");
      assert.equal(doc.mediaType, "text/plain; charset=utf-8");
      assert.equal(doc.text, bytes.toString("utf8"));
      assert.equal(doc.unicodeText, null);
      const meta = JSON.parse(readFileSync(join(CORPUS, name.replace(/\.txt$/, ".meta.json")), "utf8"));
      assert.equal(doc.language, meta.language);
    });
  }
});

describe("encodings", () => {
  const french = "Le ministère a publié un communiqué : « les délégués étaient très fâchés », dit-on à Genève.\r\nDeuxième ligne — café.\n";
  const russian = "Министерство обороны сообщило о поставке вертолётов. Делегация прибыла в столицу для переговоров.\n";

  it("UTF-16LE with a BOM: BOM stripped, nothing else changed", async () => {
    const bytes = iconv.encode(french, "utf-16le", { addBOM: true });
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    const doc = await extractDocument(bytes, { filename: "note.txt" });
    assert.equal(doc.encoding, "utf-16le");
    assert.equal(doc.text, french);
    assert.equal(doc.language, "fr");
  });

  it("UTF-16BE with a BOM", async () => {
    const doc = await extractDocument(iconv.encode(russian, "utf-16be", { addBOM: true }), { filename: "note.txt" });
    assert.equal(doc.encoding, "utf-16be");
    assert.equal(doc.text, russian);
    assert.equal(doc.language, "ru");
  });

  it("UTF-8 with a BOM keeps CRLF line endings and drops only the BOM", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(french, "utf8")]);
    const doc = await extractDocument(bytes, { filename: "note.txt" });
    assert.equal(doc.text, french);
    assert.ok(doc.text.includes("\r\n"));
  });

  it("windows-1252 text with accented letters is detected and decoded", async () => {
    const bytes = iconv.encode(french, "windows-1252");
    assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    const doc = await extractDocument(bytes, { filename: "legacy.txt" });
    assert.equal(doc.encoding, "windows-1252");
    assert.equal(doc.mediaType, "text/plain; charset=windows-1252");
    assert.equal(doc.text, french);
  });

  for (const enc of ["koi8-r", "windows-1251"]) {
    it(`${enc} Russian text is detected and decoded`, async () => {
      const doc = await extractDocument(iconv.encode(russian, enc), { filename: "legacy.txt" });
      assert.equal(doc.encoding, enc);
      assert.equal(doc.text, russian);
    });
  }

  it("a charset in the content type is honoured", async () => {
    const doc = await extractDocument(iconv.encode(russian, "koi8-r"), { contentType: "text/plain; charset=KOI8-R" });
    assert.equal(doc.encoding, "koi8-r");
    assert.equal(doc.text, russian);
  });
});

describe("text formats keep their source", () => {
  it("Markdown: source text kept, title from the first level-one heading", async () => {
    const md = "Intro line before the heading.\n\n# The *Main* Title\n\nBody   with  spaces\r\n\n## Sub\n";
    const doc = await extractDocument(Buffer.from(md), { filename: "notes.md" });
    assert.equal(doc.format, "markdown");
    assert.equal(doc.mediaType, "text/markdown; charset=utf-8");
    assert.equal(doc.text, md);
    assert.equal(doc.metadata.title, "The Main Title");
  });

  it("Markdown front matter gives title, author, date and language", async () => {
    const md = "---\ntitle: Front Title\nauthor: A. Writer\ndate: 2023-04-12\nlang: en-GB\n---\n# Heading\n";
    const doc = await extractDocument(Buffer.from(md), { filename: "notes.markdown" });
    assert.deepEqual(doc.metadata, { title: "Front Title", author: "A. Writer", published: "2023-04-12", language: "en" });
  });

  it("CSV, XML, JSON and JSON Lines come back exactly as written", async () => {
    const cases: [string, string, string][] = [
      ["list.csv", "csv", "name,country\r\n\"Doe, John\",MM\r\n"],
      ["feed.xml", "xml", '<?xml version="1.0"?>\n<root>\n  <item a="1">x &amp; y</item>\n</root>\n'],
      ["data.json", "json", '{\n  "a": [1, 2],\n  "b": "c"\n}\n'],
      ["rows.jsonl", "jsonl", '{"a":1}\n{"a":2}\n'],
    ];
    for (const [name, format, content] of cases) {
      const doc = await extractDocument(Buffer.from(content), { filename: name });
      assert.equal(doc.format, format, name);
      assert.equal(doc.text, content, name);
      assert.deepEqual(doc.warnings, [], name);
    }
  });

  it("malformed JSON Lines are archived with a warning naming the first bad line", async () => {
    const doc = await extractDocument(Buffer.from('{"a":1}\nnot json\n{"a":3}\n'), { filename: "rows.jsonl" });
    assert.equal(doc.text, '{"a":1}\nnot json\n{"a":3}\n');
    assert.equal(doc.warnings.length, 1);
    assert.match(doc.warnings[0], /line 2/);
  });

  it("an XML prolog's encoding is honoured", async () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<note>Genève, été</note>\n';
    const doc = await extractDocument(iconv.encode(xml, "latin1"), { filename: "note.xml" });
    assert.equal(doc.encoding, "windows-1252");
    assert.equal(doc.text, xml);
  });
});

describe("bad input", () => {
  it("a 0-byte file is empty", () => rejectsWith(extractDocument(new Uint8Array(0), { filename: "empty.txt" }), "BAD_INPUT", "empty.txt", /^file is empty$/));

  it("a whitespace-only file is empty", () =>
    rejectsWith(extractDocument(Buffer.from(" \r\n\t\n  "), { filename: "blank.md" }), "BAD_INPUT", "blank.md", /^file is empty$/));

  it("a file holding only a BOM is empty", () =>
    rejectsWith(extractDocument(Buffer.from([0xef, 0xbb, 0xbf]), { filename: "bom.txt" }), "BAD_INPUT", "bom.txt", /^file is empty$/));

  it("binary garbage named .txt is refused", async () => {
    const garbage = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < garbage.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      garbage[i] = x >>> 24;
    }
    await rejectsWith(extractDocument(garbage, { filename: "garbage.txt" }), "BAD_INPUT", "garbage.txt", /binary/);
  });

  it("a known binary format named .txt says what it is", () =>
    rejectsWith(
      extractDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), { filename: "photo.txt" }),
      "BAD_INPUT",
      "photo.txt",
      /PNG/,
    ));

  it("a file over the size limit is TOO_LARGE and the message names the limit", async () => {
    const limit = 64 * 1024;
    const big = Buffer.alloc(limit + 1, "a");
    await rejectsWith(extractDocument(big, { filename: "big.html" }, { maxBytes: limit }), "TOO_LARGE", "big.html", /64\.0 KiB/);
    // exactly at the limit is accepted
    const ok = await extractDocument(Buffer.alloc(limit, "a"), { filename: "big.txt" }, { maxBytes: limit });
    assert.equal(ok.text.length, limit);
  });

  it("the default limit is 25 MiB", async () => {
    assert.equal(DEFAULT_MAX_BYTES, 25 * 1024 * 1024);
    await rejectsWith(extractDocument(new Uint8Array(DEFAULT_MAX_BYTES + 1), { filename: "huge.html" }), "TOO_LARGE", "huge.html", /25 MiB/);
  });

  it("without a file name the message is the bare detail", async () => {
    await assert.rejects(extractDocument(new Uint8Array(0), {}), (e: unknown) => isDossierError(e) && e.message === "file is empty");
  });
});
