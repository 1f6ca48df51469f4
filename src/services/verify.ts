/**
 * `dossier verify`: recomputes every archived file's hash, every stored text's hash,
 * every citation's quote hash and the whole custody chain, and names each thing that
 * does not match. Archive files no source claims (left by a process killed between
 * placing a file and committing) are reported as warnings, not failures.
 */
import { checkChain, GENESIS_HASH, type ChainBreak } from "../model/custody.ts";
import type { SourceCitation, StoreOps } from "../store/store.ts";
import { sha256Hex } from "../model/canonical.ts";
import { verifySpan } from "../model/citation.ts";
import type { Dossier } from "./dossier.ts";

export interface VerifyProblem {
  kind: "archive" | "text" | "custody" | "citation";
  /** Source id, custody sequence number or claim id. */
  id: string;
  problem: string;
}

export interface VerifyReport {
  ok: boolean;
  checked: { sources: number; texts: number; custodyEntries: number; citations: number };
  problems: VerifyProblem[];
  warnings: string[];
  /** Hash of the newest custody entry: quote it to pin the chain's state. */
  head: string;
}

const PAGE = 5000;

export interface ChainCheck {
  breaks: ChainBreak[];
  length: number;
  /** Hash of the newest entry (the genesis hash for an empty chain). */
  head: string;
}

/** Recomputes the whole custody chain, a page at a time. */
export async function checkCustodyChain(store: StoreOps): Promise<ChainCheck> {
  const breaks: ChainBreak[] = [];
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let length = 0;
  for (;;) {
    const page = await store.listCustody({ afterSeq: prevSeq, limit: PAGE });
    if (page.length === 0) break;
    breaks.push(...checkChain(page, prevHash, prevSeq));
    prevHash = page[page.length - 1].hash;
    prevSeq = page[page.length - 1].seq;
    length += page.length;
  }
  return { breaks, length, head: prevHash };
}

/**
 * Citations into an archived text must still point at the text they quoted. Read a page
 * at a time per source, while its text is at hand, so a list of a million cited entries
 * never sits in memory whole.
 */
async function checkCitations(store: StoreOps, sourceId: string, text: string, problems: VerifyProblem[]): Promise<number> {
  let checked = 0;
  let after: SourceCitation | undefined;
  for (;;) {
    const page = await store.listCitations(sourceId, { after, limit: PAGE });
    for (const ct of page) {
      const check = verifySpan(text, ct);
      if (!check.ok) problems.push({ kind: "citation", id: ct.claimId, problem: `citation of ${sourceId}: ${check.reason}` });
    }
    checked += page.length;
    if (page.length < PAGE) return checked;
    after = page.at(-1);
  }
}

export async function verify(d: Dossier, onProgress?: (stage: string, done: number, total: number) => void): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const warnings: string[] = [];
  const checked = { sources: 0, texts: 0, custodyEntries: 0, citations: 0 };
  const { store, archive } = d;

  const total = await store.countSources();
  const known = new Set<string>();
  for (let offset = 0; offset < total; offset += PAGE) {
    for (const s of await store.listSources({ limit: PAGE, offset })) {
      known.add(s.sha256);
      const actual = await archive.rehash(s.sha256);
      if (actual === null) problems.push({ kind: "archive", id: s.id, problem: `archived file is missing: ${archive.pathFor(s.sha256)}` });
      else if (actual !== s.sha256) problems.push({ kind: "archive", id: s.id, problem: `archived file was changed (now hashes to ${actual})` });
      checked.sources++;
      for (const t of await store.listSourceTexts(s.id)) {
        const h = sha256Hex(t.text);
        if (h !== t.sha256) problems.push({ kind: "text", id: s.id, problem: `stored ${t.kind} text was changed (hashes to ${h}, recorded ${t.sha256})` });
        if (t.kind === "text") {
          if (t.sha256 !== s.textSha256) problems.push({ kind: "text", id: s.id, problem: "text hash differs from the one recorded on the source" });
          checked.citations += await checkCitations(store, s.id, t.text, problems);
        }
        checked.texts++;
      }
      onProgress?.("sources", checked.sources, total);
    }
  }

  const chain = await checkCustodyChain(store);
  for (const b of chain.breaks) problems.push({ kind: "custody", id: String(b.seq), problem: `custody entry ${b.seq} ${b.problem}` });
  checked.custodyEntries = chain.length;

  for (const sha of await archive.list()) {
    if (!known.has(sha)) warnings.push(`archive holds sha256:${sha} but no source records it (an interrupted ingest; ingesting the file again adopts it)`);
  }

  return { ok: problems.length === 0, checked, problems, warnings, head: chain.head };
}
