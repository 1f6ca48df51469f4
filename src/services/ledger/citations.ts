/**
 * Turning stored citations (source id, span, hash of the quoted slice) into evidence a
 * reader can check. An archived source yields the quote itself, read from its text and
 * verified against the stored hash; a mismatch is reported as broken, never shown as if
 * sound. A source not archived yet shows what the datasets know of it (title, publisher,
 * date, URL), so a built-in dataset is readable before its documents are ingested.
 */
import { verifySpan } from "../../model/citation.ts";
import type { Citation, Source, SourceId } from "../../model/types.ts";
import type { StoreOps } from "../../store/store.ts";

/** One citation as shown: the contract's `evidence[]` entry (DESIGN.md), with additions. */
export interface Evidence {
  source: SourceId;
  start: number;
  end: number;
  /** Only when the source is archived and the span's hash verified. */
  quote?: string;
  sha256: string;
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
  /** True when the source is archived but the span does not verify. */
  broken?: boolean;
  reason?: string;
  /** Whether the source itself is in the archive. */
  archived: boolean;
}

/** A source as a dataset describes it (dataset.extra.sources). */
export interface DatasetSource {
  id: string;
  file?: string;
  title?: string | null;
  publisher?: string | null;
  published?: string | null;
  url?: string | null;
  language?: string | null;
  grade?: string | null;
}

interface Archived {
  source: Source;
  text: string | null;
}

/** Caches sources and texts for one command's worth of lookups. */
export class EvidenceResolver {
  private archived = new Map<SourceId, Promise<Archived | null>>();
  private described: Promise<Map<string, DatasetSource>> | null = null;

  constructor(private readonly store: StoreOps) {}

  private archivedSource(id: SourceId): Promise<Archived | null> {
    let p = this.archived.get(id);
    if (!p) {
      p = (async () => {
        const source = await this.store.getSource(id);
        if (!source) return null;
        const text = await this.store.getSourceText(id, "text");
        return { source, text: text?.text ?? null };
      })();
      this.archived.set(id, p);
    }
    return p;
  }

  /** Sources as every loaded dataset lists them, first listing wins. */
  private datasetSources(): Promise<Map<string, DatasetSource>> {
    if (!this.described) {
      this.described = (async () => {
        const out = new Map<string, DatasetSource>();
        for (const ds of await this.store.listDatasets()) {
          const list = ds.extra?.sources;
          if (!Array.isArray(list)) continue;
          for (const s of list as DatasetSource[]) if (s && typeof s.id === "string" && !out.has(s.id)) out.set(s.id, s);
        }
        return out;
      })();
    }
    return this.described;
  }

  /** The archived text of a source, or null when it is not archived (or has no text). */
  async textOf(id: SourceId): Promise<string | null> {
    return (await this.archivedSource(id))?.text ?? null;
  }

  async resolve(c: Citation): Promise<Evidence> {
    const ev: Evidence = { source: c.source, start: c.start, end: c.end, sha256: c.quoteSha256, archived: false };
    const found = await this.archivedSource(c.source);
    if (found) {
      ev.archived = true;
      describe(ev, found.source);
      const check = verifySpan(found.text, c);
      if (check.ok) ev.quote = check.quote;
      else {
        ev.broken = true;
        ev.reason = check.reason;
      }
      return ev;
    }
    const listed = (await this.datasetSources()).get(c.source);
    if (listed) describe(ev, listed);
    else ev.title = "unknown source";
    return ev;
  }

  async resolveAll(cs: Citation[]): Promise<Evidence[]> {
    return Promise.all(cs.map((c) => this.resolve(c)));
  }
}

function describe(ev: Evidence, s: { title?: string | null; publisher?: string | null; published?: string | null; url?: string | null }): void {
  if (s.title) ev.title = s.title;
  if (s.publisher) ev.publisher = s.publisher;
  if (s.published) ev.published = s.published;
  if (s.url) ev.url = s.url;
}

/** The text around a span, for a reviewer: up to `width` characters either side. */
export function quoteInContext(text: string, start: number, end: number, width = 160): { before: string; quote: string; after: string } {
  return {
    before: text.slice(Math.max(0, start - width), start),
    quote: text.slice(start, end),
    after: text.slice(end, Math.min(text.length, end + width)),
  };
}
