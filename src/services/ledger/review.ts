/**
 * Review decisions on claims: accept, reject (with a reason), edit (parties, predicate,
 * dates, qualifiers; optionally accepting). Each decision is checked against the ontology
 * and written together with its audit entry (actor, time, before, after, reason) in one
 * transaction. Accepting a claim that states an already accepted fact does not make a
 * second fact: its citations join the existing claim ("cited") and it is rejected as a
 * duplicate of that claim.
 */
import { DossierError } from "../../errors/index.ts";
import type { Ontology } from "../../model/ontology.ts";
import type { Citation, Claim, Entity, QualifierValue } from "../../model/types.ts";
import { validateClaim } from "../../model/validate.ts";
import type { Store, StoreOps } from "../../store/store.ts";
import { loadOntology } from "../ontology.ts";
import { isDuplicate } from "./compat.ts";
import { resolveClaim, resolveEntity } from "./resolve.ts";

export interface Decision {
  id: string;
  /** What happened: `merged` means it duplicated `into`, which now cites its evidence. */
  action: "accepted" | "rejected" | "edited" | "merged" | "unchanged";
  status: Claim["status"];
  into?: string;
}

/** A decision in one line for a person. */
export function decisionText(d: Decision): string {
  if (d.action === "merged") return `${d.id}: duplicate of accepted ${d.into}; its citations were added there and it is rejected`;
  if (d.action === "unchanged") return `${d.id}: unchanged (${d.status})`;
  return `${d.id}: ${d.action}${d.action === "edited" ? ` (${d.status})` : ""}`;
}

export interface ReviewOptions {
  actor: string;
  reason?: string;
}

function stamp(c: Claim): Claim {
  return { ...c, updatedAt: new Date().toISOString() };
}

function refIds(c: Claim): string[] {
  const ids = [c.subject, c.object];
  const walk = (v: QualifierValue) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "string") ids.push(v);
    else if (v && typeof v === "object") ids.push(v.id);
  };
  Object.values(c.qualifiers).forEach(walk);
  return ids;
}

/** Throws INVALID_CLAIM naming the claim and field when `c` breaks the ontology. */
async function check(tx: StoreOps, c: Claim, ontology: Ontology): Promise<void> {
  const types = new Map<string, string>();
  for (const id of new Set(refIds(c))) {
    const e = await tx.getEntity(id);
    if (e) types.set(id, e.type);
  }
  validateClaim(c, ontology, (id) => types.get(id));
}

const citationKey = (x: Citation) => `${x.source}#${x.start}-${x.end}`;

/** An accepted claim stating the same fact as `c`, oldest first. */
async function acceptedTwin(tx: StoreOps, c: Claim, ontology: Ontology): Promise<Claim | null> {
  const symmetric = ontology.predicates.get(c.predicate)?.symmetric ?? false;
  const candidates = await tx.findClaims({ predicate: c.predicate, subject: c.subject, object: c.object, status: "accepted" });
  if (symmetric && c.subject !== c.object) {
    candidates.push(...(await tx.findClaims({ predicate: c.predicate, subject: c.object, object: c.subject, status: "accepted" })));
  }
  return candidates.find((x) => isDuplicate(x, c, symmetric)) ?? null;
}

async function acceptOne(tx: StoreOps, claim: Claim, ontology: Ontology, opts: ReviewOptions): Promise<Decision> {
  if (claim.status === "accepted") return { id: claim.id, action: "unchanged", status: claim.status };
  await check(tx, claim, ontology);
  const twin = await acceptedTwin(tx, claim, ontology);
  if (twin) {
    const have = new Set(twin.citations.map(citationKey));
    const added = claim.citations.filter((x) => !have.has(citationKey(x)));
    if (added.length) {
      const cited = stamp({ ...twin, citations: [...twin.citations, ...added] });
      await tx.putClaims([cited]);
      await tx.appendAudit({ actor: opts.actor, action: "cited", targetKind: "claim", targetId: twin.id, before: twin, after: cited, reason: `evidence of duplicate ${claim.id}` });
    }
    const dup = stamp({ ...claim, status: "rejected" });
    await tx.putClaims([dup]);
    await tx.appendAudit({ actor: opts.actor, action: "rejected", targetKind: "claim", targetId: claim.id, before: claim, after: dup, reason: `duplicate of ${twin.id}` });
    return { id: claim.id, action: "merged", status: "rejected", into: twin.id };
  }
  const accepted = stamp({ ...claim, status: "accepted" });
  await tx.putClaims([accepted]);
  await tx.appendAudit({ actor: opts.actor, action: "accepted", targetKind: "claim", targetId: claim.id, before: claim, after: accepted, reason: opts.reason ?? null });
  return { id: claim.id, action: "accepted", status: "accepted" };
}

/** Accepts each claim in turn, in one transaction: an unknown or invalid claim changes nothing. */
export async function acceptClaims(store: Store, ids: string[], opts: ReviewOptions): Promise<Decision[]> {
  if (ids.length === 0) throw new DossierError("USAGE", "name at least one claim to accept");
  const ontology = await loadOntology();
  return store.transaction(async (tx) => {
    const out: Decision[] = [];
    for (const id of ids) out.push(await acceptOne(tx, await resolveClaim(tx, id), ontology, opts));
    return out;
  });
}

export async function rejectClaims(store: Store, ids: string[], opts: ReviewOptions): Promise<Decision[]> {
  if (ids.length === 0) throw new DossierError("USAGE", "name at least one claim to reject");
  const reason = opts.reason?.trim();
  if (!reason) throw new DossierError("USAGE", "a rejection needs a reason (--reason)", { field: "reason" });
  return store.transaction(async (tx) => {
    const out: Decision[] = [];
    for (const id of ids) {
      const claim = await resolveClaim(tx, id);
      if (claim.status === "rejected") {
        out.push({ id: claim.id, action: "unchanged", status: claim.status });
        continue;
      }
      const rejected = stamp({ ...claim, status: "rejected" });
      await tx.putClaims([rejected]);
      await tx.appendAudit({ actor: opts.actor, action: "rejected", targetKind: "claim", targetId: claim.id, before: claim, after: rejected, reason });
      out.push({ id: claim.id, action: "rejected", status: "rejected" });
    }
    return out;
  });
}

export interface ClaimEdit {
  /** Names or ids. */
  subject?: string;
  object?: string;
  predicate?: string;
  /** EDTF; an empty string removes the qualifier. */
  date?: string;
  start?: string;
  end?: string;
  /** `key=value` pairs; `key=` removes the qualifier. Entity qualifiers take a name or id. */
  set?: string[];
  accept?: boolean;
}

/** Turns `key=value` into a qualifier value of the type the ontology declares. */
async function qualifierValue(tx: StoreOps, ontology: Ontology, key: string, raw: string): Promise<QualifierValue> {
  const def = ontology.qualifiers.get(key);
  if (!def) throw new DossierError("INVALID_CLAIM", `unknown qualifier "${key}"`, { field: `qualifiers.${key}` });
  switch (def.type) {
    case "entity":
      // Stored as the bare id, as datasets write entity qualifiers.
      return (await resolveEntity(tx, raw)).id;
    case "integer":
    case "amount":
      return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    default:
      return raw;
  }
}

/** The claim with the edit applied; throws on a malformed `--set`. */
async function applyEdit(tx: StoreOps, claim: Claim, edit: ClaimEdit, ontology: Ontology): Promise<Claim> {
  const next: Claim = { ...claim, qualifiers: { ...claim.qualifiers } };
  if (edit.subject !== undefined) next.subject = (await resolveEntity(tx, edit.subject)).id;
  if (edit.object !== undefined) next.object = (await resolveEntity(tx, edit.object)).id;
  if (edit.predicate !== undefined) next.predicate = edit.predicate.trim();
  const put = (key: string, value: QualifierValue | "") => {
    if (value === "") delete next.qualifiers[key];
    else next.qualifiers[key] = value;
  };
  for (const key of ["date", "start", "end"] as const) {
    const v = edit[key];
    if (v !== undefined) put(key, v.trim());
  }
  for (const pair of edit.set ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new DossierError("USAGE", `--set expects key=value, not "${pair}"`, { field: "set" });
    const key = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1).trim();
    put(key, raw === "" ? "" : await qualifierValue(tx, ontology, key, raw));
  }
  return next;
}

function sameContent(a: Claim, b: Claim): boolean {
  return a.subject === b.subject && a.object === b.object && a.predicate === b.predicate && JSON.stringify(a.qualifiers) === JSON.stringify(b.qualifiers);
}

/** Edits one claim (and accepts it with `accept`); the edit and its audit land together. */
export async function editClaim(store: Store, id: string, edit: ClaimEdit, opts: ReviewOptions): Promise<Decision[]> {
  const ontology = await loadOntology();
  return store.transaction(async (tx) => {
    const claim = await resolveClaim(tx, id);
    const next = await applyEdit(tx, claim, edit, ontology);
    const out: Decision[] = [];
    let current = claim;
    if (!sameContent(claim, next)) {
      await check(tx, next, ontology);
      const edited = stamp(next);
      await tx.putClaims([edited]);
      await tx.appendAudit({ actor: opts.actor, action: "edited", targetKind: "claim", targetId: claim.id, before: claim, after: edited, reason: opts.reason ?? null });
      out.push({ id: claim.id, action: "edited", status: edited.status });
      current = edited;
    } else if (!edit.accept) {
      out.push({ id: claim.id, action: "unchanged", status: claim.status });
    }
    if (edit.accept) out.push(await acceptOne(tx, current, ontology, opts));
    return out;
  });
}

/** Marks `from` merged into `into` (both ids keep resolving) and audits it. */
export async function mergeEntities(store: Store, from: string, into: string, opts: ReviewOptions): Promise<{ from: Entity; into: Entity }> {
  return store.transaction(async (tx) => {
    const a = await resolveEntity(tx, from);
    const b = await resolveEntity(tx, into);
    if (a.id === b.id) throw new DossierError("CONFLICT", `${from} and ${into} are already the same entity (${a.id})`, { id: a.id });
    if (a.type !== b.type) throw new DossierError("CONFLICT", `cannot merge a ${a.type} (${a.id}) into a ${b.type} (${b.id})`, { id: a.id });
    const touched = await tx.findClaims({ involving: a.id });
    await tx.mergeEntity(a.id, b.id);
    const after = await tx.getEntity(a.id);
    // The claims now point at the survivor: each change of a claim is audited.
    const repointed = new Map((await tx.findClaims({ ids: touched.map((c) => c.id) })).map((c) => [c.id, c]));
    for (const c of touched) {
      await tx.appendAudit({ actor: opts.actor, action: "merged", targetKind: "claim", targetId: c.id, before: c, after: repointed.get(c.id) ?? null, reason: `${a.id} merged into ${b.id}` });
    }
    await tx.appendAudit({ actor: opts.actor, action: "merged", targetKind: "entity", targetId: a.id, before: a, after: { ...a, mergedInto: after?.id ?? b.id }, reason: opts.reason ?? null });
    return { from: a, into: b };
  });
}
