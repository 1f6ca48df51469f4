/**
 * The review queue: proposed claims (optionally from one source or dataset), each with
 * the quote of every citation in its context, so a reviewer judges the claim against what
 * the document actually says around the span.
 */
import type { Claim } from "../../model/types.ts";
import type { StoreOps } from "../../store/store.ts";
import { EvidenceResolver, quoteInContext } from "./citations.ts";
import { annotate } from "./claims.ts";
import type { ClaimView } from "./present.ts";
import { resolveSourceId } from "../sources.ts";
import { DossierError } from "../../errors/index.ts";

export const CONTEXT_WIDTH = 160;

export interface QuoteContext {
  source: string;
  start: number;
  end: number;
  before: string;
  quote: string;
  after: string;
}

export interface ReviewItem {
  claim: ClaimView;
  /** One per citation whose source is archived and whose span verifies. */
  context: QuoteContext[];
}

export async function reviewQueue(store: StoreOps, f: { source?: string; dataset?: string } = {}): Promise<ReviewItem[]> {
  const source = f.source ? await resolveSourceId(store, f.source) : undefined;
  if (f.dataset && !(await store.getDataset(f.dataset))) throw new DossierError("NOT_FOUND", `no dataset "${f.dataset}"`, { id: f.dataset });
  const claims = await store.findClaims({ status: "proposed", source, dataset: f.dataset });
  return reviewItems(store, claims);
}

/** Claims as the reviewer sees them: the view plus each verified quote in context. */
export async function reviewItems(store: StoreOps, claims: Claim[]): Promise<ReviewItem[]> {
  const views = await annotate(store, claims);
  const resolver = new EvidenceResolver(store);
  const items: ReviewItem[] = [];
  for (const claim of views) {
    const context: QuoteContext[] = [];
    for (const ev of claim.evidence) {
      if (ev.quote === undefined) continue;
      const text = await resolver.textOf(ev.source);
      if (text === null) continue;
      context.push({ source: ev.source, start: ev.start, end: ev.end, ...quoteInContext(text, ev.start, ev.end, CONTEXT_WIDTH) });
    }
    items.push({ claim, context });
  }
  return items;
}

/** A quote in its context for a terminal: the span marked with »…«, whitespace flattened. */
export function contextText(c: QuoteContext): string {
  const flat = (s: string) => s.replace(/\s+/g, " ");
  return `…${flat(c.before)}»${flat(c.quote)}«${flat(c.after)}…`;
}
