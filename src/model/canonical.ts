/**
 * Canonical JSON and hashing: the same value always serialises to the same bytes (keys
 * sorted, no whitespace), so hashes over records are reproducible by any verifier.
 */
import { hash } from "node:crypto";

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Lowercase hex SHA-256 of a string's UTF-8 bytes or of raw bytes. */
/** Lowercase hex SHA-256 (of the UTF-8 of a string). One-shot: called once per cited record on list imports. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash("sha256", data, "hex");
}

export function sourceIdOf(bytes: Uint8Array): string {
  return `sha256:${sha256Hex(bytes)}`;
}
