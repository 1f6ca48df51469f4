// DOCX: paragraphs from mammoth, title and author from the package's core properties.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { extractDocument } from "../../../src/archive/formats/index.ts";
import { isDossierError } from "../../../src/errors/index.ts";
import { buildDocx } from "./fixtures.ts";

describe("DOCX", () => {
  it("extracts paragraphs separated by blank lines, and core title and creator", async () => {
    const bytes = await buildDocx(
      ["The committee met twice in June.", "Observers from three states & one body attended."],
      { title: "Committee <minutes>", creator: "Secretariat" },
    );
    const doc = await extractDocument(bytes, { filename: "minutes.docx" });
    assert.equal(doc.format, "docx");
    assert.equal(doc.mediaType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert.equal(doc.encoding, null);
    assert.equal(doc.text, "The committee met twice in June.\n\nObservers from three states & one body attended.");
    assert.deepEqual(doc.metadata, { title: "Committee <minutes>", author: "Secretariat" });
  });

  it("is recognised by its contents whatever the name says", async () => {
    const doc = await extractDocument(await buildDocx(["Just one paragraph."]), { filename: "upload.bin" });
    assert.equal(doc.format, "docx");
    assert.equal(doc.text, "Just one paragraph.");
    assert.deepEqual(doc.metadata, {});
  });

  it("a damaged DOCX is BAD_INPUT naming the file", async () => {
    const good = await buildDocx(["Some paragraph of text."]);
    const broken = good.slice(0, Math.floor(good.length * 0.7));
    await assert.rejects(extractDocument(broken, { filename: "broken.docx" }), (e: unknown) => {
      assert.ok(isDossierError(e));
      assert.equal(e.code, "BAD_INPUT");
      assert.match(e.message, /^broken\.docx: DOCX is damaged/);
      return true;
    });
  });
});
