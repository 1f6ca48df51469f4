/**
 * `dossier claims`: filters that compose (predicate, parties, status, dataset, cited
 * source, date window) over the ledger. The date window respects precision: a claim is kept
 * when it certainly or possibly falls in the window, and says which (`date_match`); an
 * undated claim cannot be placed and is left out when a window is given.
 */
import { dayToIso, overlaps, parseEdtf, type EdtfDate, type Likelihood } from "../../dates/index.ts";
import { DossierError } from "../../errors/index.ts";
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from "../../model/types.ts";
import type { ClaimQuery, StoreOps } from "../../store/store.ts";
import { loadOntology } from "../ontology.ts";
import { claimDate } from "./dates.ts";
import { findDisputes } from "./disputes.ts";
import { presentClaims, type ClaimView } from "./present.ts";
import { resolveEntityId } from "./resolve.ts";
import { resolveSourceId } from "../sources.ts";

export interface ClaimFilters {
  predicate?: string;
  /** Names or ids. */
  subject?: string;
  object?: string;
  /** EDTF: keep claims that may end on or after this. */
  from?: string;
  /** EDTF: keep claims that may start on or before this. */
  to?: string;
  status?: string;
  dataset?: string;
  /** A source id or a prefix of one. */
  source?: string;
  limit?: number;
}

/**
 * The window `--from A --to B` as one exact span of days: from the first day A may denote
 * to the last day B may denote (`--to 2020` means through 31 December 2020). Null: no window.
 */
export function dateWindow(from?: string, to?: string): EdtfDate | null {
  if (!from && !to) return null;
  const lo = from ? dayToIso(parseEdtf(from).earliest) : "..";
  const hi = to ? dayToIso(parseEdtf(to).latest) : "..";
  if (lo !== ".." && hi !== ".." && lo > hi) throw new DossierError("BAD_INPUT", `--from ${from} is after --to ${to}`, { field: "from" });
  return parseEdtf(`${lo}/${hi}`);
}

/** How well a claim's date fits the window: it certainly or possibly shares a day with it; null when it cannot. */
export function windowMatch(date: EdtfDate | null, window: EdtfDate | null): Likelihood | null {
  if (!window) return "certain";
  if (!date) return null;
  const fit = overlaps(date, window);
  return fit === "no" ? null : fit;
}

export async function buildClaimQuery(store: StoreOps, f: ClaimFilters): Promise<ClaimQuery> {
  const q: ClaimQuery = {};
  if (f.predicate) {
    const ontology = await loadOntology();
    if (!ontology.predicates.has(f.predicate)) {
      throw new DossierError("BAD_INPUT", `unknown predicate "${f.predicate}" (known: ${[...ontology.predicates.keys()].join(", ")})`, { field: "predicate" });
    }
    q.predicate = f.predicate;
  }
  if (f.subject) q.subject = await resolveEntityId(store, f.subject);
  if (f.object) q.object = await resolveEntityId(store, f.object);
  if (f.status) {
    if (!(CLAIM_STATUSES as readonly string[]).includes(f.status)) {
      throw new DossierError("BAD_INPUT", `"${f.status}" is not a status (${CLAIM_STATUSES.join(", ")})`, { field: "status" });
    }
    q.status = f.status as ClaimStatus;
  }
  if (f.dataset) {
    if (!(await store.getDataset(f.dataset))) throw new DossierError("NOT_FOUND", `no dataset "${f.dataset}"`, { id: f.dataset });
    q.dataset = f.dataset;
  }
  if (f.source) q.source = await resolveSourceId(store, f.source);
  return q;
}

export async function queryClaims(store: StoreOps, f: ClaimFilters): Promise<ClaimView[]> {
  const query = await buildClaimQuery(store, f);
  const window = dateWindow(f.from, f.to);
  const found = await store.findClaims(query);
  const kept: Claim[] = [];
  const matches = new Map<string, Likelihood>();
  for (const c of found) {
    const m = windowMatch(claimDate(c), window);
    if (m === null) continue;
    kept.push(c);
    if (window) matches.set(c.id, m);
  }
  const limited = f.limit !== undefined ? kept.slice(0, f.limit) : kept;
  return annotate(store, limited, matches);
}

/** Claim views with date fit and disputes marked. */
export async function annotate(store: StoreOps, claims: Claim[], matches = new Map<string, Likelihood>()): Promise<ClaimView[]> {
  const views = await presentClaims(store, claims);
  const rivals = await findDisputes(store, claims, await loadOntology());
  for (const v of views) {
    const m = matches.get(v.id);
    if (m) v.date_match = m;
    const r = rivals.get(v.id);
    if (r) v.disputed_with = r;
  }
  return views;
}
