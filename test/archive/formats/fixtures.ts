// Builds the binary documents the format tests feed to the extractor, in code, so no opaque
// fixture files sit in the repository: small PDFs written object by object with a correct
// xref table, and DOCX packages zipped with jszip.
import JSZip from "jszip";

/** Escapes a PDF literal string: backslash and parentheses are the only specials we need. */
function pdfString(s: string): string {
  return "(" + s.replace(/[\\()]/g, (c) => "\\" + c) + ")";
}

export interface PdfSpec {
  /** One entry per page; each page is a list of lines drawn top to bottom. Empty page: []. */
  pages: string[][];
  info?: { Title?: string; Author?: string; CreationDate?: string };
  /** Adds a Standard-handler /Encrypt dictionary whose password check the empty password fails. */
  encrypted?: boolean;
}

/**
 * Writes a minimal but valid PDF 1.4: catalog, page tree, one content stream per page using
 * the standard Helvetica font, an optional info dictionary, a byte-exact xref and trailer.
 */
export function buildPdf(spec: PdfSpec): Uint8Array {
  const objects: string[] = []; // objects[i] is object number i+1
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add(""); // filled once the page tree number is known
  const pagesObj = add("");
  const font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const kids: number[] = [];
  for (const lines of spec.pages) {
    const ops = lines.length
      ? "BT /F1 12 Tf 14 TL 72 720 Td " + lines.map((l) => `${pdfString(l)} Tj T*`).join(" ") + " ET"
      : "";
    const content = add(`<< /Length ${Buffer.byteLength(ops, "latin1")} >>\nstream\n${ops}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let info: number | undefined;
  if (spec.info) {
    const entries = Object.entries(spec.info).map(([k, v]) => `/${k} ${pdfString(v)}`);
    info = add(`<< ${entries.join(" ")} >>`);
  }
  let encrypt: number | undefined;
  if (spec.encrypted) {
    // RC4 40-bit standard handler; O and U are arbitrary 32-byte values, so no password opens it.
    const o = "<" + "4f".repeat(32) + ">";
    const u = "<" + "55".repeat(32) + ">";
    encrypt = add(`<< /Filter /Standard /V 1 /R 2 /O ${o} /U ${u} /P -44 >>`);
  }

  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  const id = "<" + "0123456789abcdef".repeat(2) + ">";
  out +=
    `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R` +
    (info ? ` /Info ${info} 0 R` : "") +
    (encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : "") +
    ` >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** A DOCX with the given paragraphs and, optionally, core properties (title, creator). */
export async function buildDocx(paragraphs: string[], core?: { title?: string; creator?: string }): Promise<Uint8Array> {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  if (core) {
    zip.file(
      "docProps/core.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
        (core.title ? `<dc:title>${esc(core.title)}</dc:title>` : "") +
        (core.creator ? `<dc:creator>${esc(core.creator)}</dc:creator>` : "") +
        `</cp:coreProperties>`,
    );
  }
  return zip.generateAsync({ type: "uint8array" });
}
