// PDF: text layer and info dictionary read with pdfjs; a scan without text is archived and
// flagged for OCR; damaged, truncated, encrypted and fake PDFs are refused by code.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { extractDocument } from "../../../src/archive/formats/index.ts";
import { isDossierError } from "../../../src/errors/index.ts";
import { buildPdf } from "./fixtures.ts";

async function badInput(bytes: Uint8Array, file: string, detail: RegExp): Promise<void> {
  await assert.rejects(extractDocument(bytes, { filename: file }), (e: unknown) => {
    assert.ok(isDossierError(e), String(e));
    assert.equal(e.code, "BAD_INPUT");
    assert.equal(e.context.file, file);
    assert.match(e.message, new RegExp(`^${file.replace(/\./g, "\\.")}: `));
    assert.match(e.detail, detail);
    return true;
  });
}

/** Runs fn while counting console output, which would corrupt a --json stdout. */
async function quietly<T>(fn: () => Promise<T>): Promise<{ result: T; printed: string[] }> {
  const printed: string[] = [];
  const saved = { log: console.log, warn: console.warn, info: console.info, error: console.error };
  const capture = (...args: unknown[]) => void printed.push(args.map(String).join(" "));
  Object.assign(console, { log: capture, warn: capture, info: capture, error: capture });
  try {
    return { result: await fn(), printed };
  } finally {
    Object.assign(console, saved);
  }
}

const withText = buildPdf({
  pages: [
    ["Delegates from nine states attended the meeting.", "The host chaired both sessions."],
    ["A second page closes the record of the meeting with a short summary of its decisions."],
  ],
  info: { Title: "Meeting record", Author: "Records Office", CreationDate: "D:20210629101500+06'30'" },
});

describe("PDF text layer", () => {
  it("extracts the text, page by page, with line breaks and the info dictionary", async () => {
    const { result: doc, printed } = await quietly(() => extractDocument(withText, { filename: "record.pdf" }));
    assert.deepEqual(printed, [], "pdfjs must not print");
    assert.equal(doc.format, "pdf");
    assert.equal(doc.mediaType, "application/pdf");
    assert.equal(doc.encoding, null);
    assert.equal(doc.needsOcr, false);
    assert.equal(
      doc.text,
      "Delegates from nine states attended the meeting.\nThe host chaired both sessions.\n\n" +
        "A second page closes the record of the meeting with a short summary of its decisions.",
    );
    assert.deepEqual(doc.metadata, { title: "Meeting record", author: "Records Office", published: "2021-06-29" });
    const pdf = doc.extra.pdf as { pages: number; pageOffsets: number[]; info: Record<string, unknown> };
    assert.equal(pdf.pages, 2);
    assert.equal(doc.text.slice(pdf.pageOffsets[1]).split("\n")[0], "A second page closes the record of the meeting with a short summary of its decisions.");
    assert.equal(pdf.info.Title, "Meeting record");
    assert.equal(doc.language, "en");
  });

  it("does not detach or change the caller's bytes", async () => {
    const copy = new Uint8Array(withText);
    await extractDocument(copy, { filename: "record.pdf" });
    assert.deepEqual(copy, withText);
  });

  it("is recognised by its header whatever the name says", async () => {
    const doc = await extractDocument(withText, { filename: "misnamed.txt" });
    assert.equal(doc.format, "pdf");
  });

  it("a PDF with no text layer is archived, flagged needsOcr, not rejected", async () => {
    const doc = await extractDocument(buildPdf({ pages: [[], []] }), { filename: "scan.pdf" });
    assert.equal(doc.needsOcr, true);
    assert.equal(doc.text, "");
    assert.equal(doc.language, null);
    assert.equal((doc.extra.pdf as { pages: number }).pages, 2);
    assert.ok(doc.warnings.some((w) => /OCR/.test(w)));
  });
});

describe("bad PDFs", () => {
  it("a truncated PDF is damaged or truncated", async () => {
    const { printed } = await quietly(() =>
      badInput(withText.subarray(0, Math.floor(withText.length * 0.6)), "cut.pdf", /^PDF is damaged or truncated: /),
    );
    assert.deepEqual(printed, []);
  });

  it("a PDF whose body is garbage is damaged", async () => {
    const body = Buffer.from("%PDF-1.4\n" + "#".repeat(400) + "\nstartxref\n99999\n%%EOF\n", "latin1");
    const { printed } = await quietly(() => badInput(body, "mangled.pdf", /^PDF is damaged or truncated: /));
    assert.deepEqual(printed, []);
  });

  it("an encrypted PDF is refused as encrypted", async () => {
    const { printed } = await quietly(() =>
      badInput(buildPdf({ pages: [["hidden"]], encrypted: true }), "locked.pdf", /^PDF is encrypted$/),
    );
    assert.deepEqual(printed, []);
  });

  it("random bytes named .pdf are not a PDF", async () => {
    const bytes = new Uint8Array(2048);
    let x = 7;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 48271) % 2147483647) & 0xff;
    await badInput(bytes, "random.pdf", /^not a PDF \(no %PDF header\)$/);
  });

  it("text served as application/pdf is not a PDF either", async () => {
    await assert.rejects(
      extractDocument(Buffer.from("just words"), { contentType: "application/pdf" }),
      (e: unknown) => isDossierError(e) && e.code === "BAD_INPUT" && /no %PDF header/.test(e.detail),
    );
  });
});
