/**
 * The custody chain's hashing rule. Each entry's hash covers its own fields and the
 * previous entry's hash, so editing, deleting or reordering any entry breaks every hash
 * after it. `verify` recomputes with the same function.
 */
import type { CustodyEntry } from "./types.ts";
import { canonicalJson, sha256Hex } from "./canonical.ts";

/** The hash that precedes the first entry. */
export const GENESIS_HASH = "0".repeat(64);

export function custodyHash(entry: Omit<CustodyEntry, "hash">): string {
  const { seq, at, actor, action, sourceId, details, prevHash } = entry;
  return sha256Hex(canonicalJson({ seq, at, actor, action, sourceId, details, prevHash }));
}

export interface ChainBreak {
  seq: number;
  problem: string;
}

/** Checks a run of entries in sequence order; `prevHash` is the hash before the first. */
export function checkChain(entries: CustodyEntry[], prevHash = GENESIS_HASH, prevSeq = 0): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  for (const e of entries) {
    if (e.seq !== prevSeq + 1) breaks.push({ seq: e.seq, problem: `entry ${prevSeq + 1}${e.seq > prevSeq + 2 ? `–${e.seq - 1}` : ""} is missing (deleted?)` });
    if (e.prevHash !== prevHash) breaks.push({ seq: e.seq, problem: "does not link to the entry before it" });
    if (custodyHash(e) !== e.hash) breaks.push({ seq: e.seq, problem: "content does not match its hash (edited?)" });
    prevHash = e.hash;
    prevSeq = e.seq;
  }
  return breaks;
}
