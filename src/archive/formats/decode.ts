// Turns the bytes of a text document into a string without altering it: a leading byte
// order mark is the only thing removed, because citation offsets index into this string.
// UTF-8 and UTF-16 are recognised exactly; legacy single-byte files are guessed with
// chardet and decoded with iconv-lite. Binary content is refused rather than decoded.
import chardet from "chardet";
import iconv from "iconv-lite";
import { DossierError } from "../../errors/index.ts";

export interface DecodedText {
  text: string;
  /** WHATWG-style lowercase label: utf-8, utf-16le, windows-1252, koi8-r… */
  encoding: string;
  /** How the encoding was decided, for the record (bom, declared, valid-utf8, detected…). */
  basis: "bom" | "declared" | "valid-utf8" | "utf16-pattern" | "detected";
  confidence?: number;
}

export interface DecodeOptions {
  /** A charset declared by the transport or the document (HTTP header, <meta>, <?xml?>). */
  declared?: string | null;
  file?: string;
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The BOM at the start of the bytes, if any, with its length. */
export function readBom(bytes: Uint8Array): { encoding: "utf-8" | "utf-16le" | "utf-16be"; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/**
 * Normalises a charset label to the name we record and iconv-lite understands. Latin-1 and
 * ASCII labels mean windows-1252 on the web (WHATWG), and it is a superset for text.
 */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, "");
  if (!l) return null;
  if (l === "utf8" || l === "unicode-1-1-utf-8") return "utf-8";
  if (/^(iso[-_]?8859[-_]1|latin-?1|l1|us-ascii|ascii|cp1252|ansi_x3\.4-1968)$/.test(l)) return "windows-1252";
  if (l === "utf-16" || l === "unicode") return "utf-16le";
  if (!iconv.encodingExists(l)) return null;
  return l.replace(/^iso[-_]?8859[-_]?(\d+)$/, "iso-8859-$1").replace(/^cp(125\d)$/, "windows-$1");
}

/**
 * UTF-16 without a BOM shows as a zero byte in every other position for Latin text. Only a
 * strong, one-sided pattern counts, so binary files with scattered zeros are not mistaken.
 */
function utf16Pattern(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === "utf-8") return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
}

/**
 * Share of characters that no text file contains: NUL and C0/C1 controls other than tab,
 * line feed, form feed, carriage return and escape-free vertical tab; plus U+FFFD from
 * undecodable sequences.
 */
export function controlRatio(text: string): number {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  if (!sample.length) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) bad++;
  }
  return bad / sample.length;
}

/** Above this share of control characters the "text" is binary data. */
const BINARY_THRESHOLD = 0.02;

export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  const ctx = opts.file ? { file: opts.file } : {};
  const bom = readBom(bytes);
  let result: DecodedText;
  if (bom) {
    const body = bytes.subarray(bom.length);
    result = { text: decodeWith(body, bom.encoding), encoding: bom.encoding, basis: "bom" };
  } else {
    const declared = normaliseCharset(opts.declared);
    const utf16 = utf16Pattern(bytes);
    let validUtf8: string | null = null;
    try {
      validUtf8 = utf8Strict.decode(bytes);
    } catch {
      validUtf8 = null;
    }
    if (utf16) {
      result = { text: decodeWith(bytes, utf16), encoding: utf16, basis: "utf16-pattern" };
    } else if (declared && declared !== "utf-8" && !declared.startsWith("utf-16") && (validUtf8 === null || isAscii(bytes))) {
      // A declared legacy charset is honoured unless the bytes are clearly UTF-8 with
      // non-ASCII in them: servers and old <meta> tags often keep a stale latin-1 label.
      result = { text: decodeWith(bytes, declared), encoding: declared, basis: "declared" };
    } else if (validUtf8 !== null) {
      result = { text: validUtf8, encoding: "utf-8", basis: "valid-utf8" };
    } else {
      result = detectLegacy(bytes);
    }
  }
  if (controlRatio(result.text) > BINARY_THRESHOLD) {
    throw new DossierError("BAD_INPUT", "not a text document (binary content)", ctx);
  }
  return result;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/**
 * Picks the most likely legacy encoding iconv-lite can decode. chardet ranks by byte
 * statistics alone, so a candidate whose decoding hits undefined code points or control
 * characters (KOI8-R Russian read as ISO-8859-8 Hebrew, say) is passed over for the next.
 */
function detectLegacy(bytes: Uint8Array): DecodedText {
  // A prefix is enough to tell the encoding and keeps detection fast on large files.
  const sample = bytes.subarray(0, 65536);
  let fallback: DecodedText | null = null;
  for (const c of chardet.analyse(sample)) {
    const enc = normaliseCharset(c.name);
    if (!enc || enc === "utf-8" || enc.startsWith("utf-16") || enc.startsWith("utf-32")) continue;
    const candidate: DecodedText = { text: "", encoding: enc, basis: "detected", confidence: c.confidence };
    // A cut multi-byte character at the end of the sample may leave one stray U+FFFD.
    if (controlRatio(decodeWith(sample, enc)) < 0.0005) return { ...candidate, text: decodeWith(bytes, enc) };
    fallback ??= candidate;
  }
  const enc = fallback?.encoding ?? "windows-1252";
  return { text: decodeWith(bytes, enc), encoding: enc, basis: "detected", confidence: fallback?.confidence ?? 0 };
}
