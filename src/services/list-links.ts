/**
 * Links from the ledger's own people and organisations to sanctions-list entries, as
 * screening proposes them (`dossier screen --entities`), stored as `same_as` claims with
 * status `proposed` in a work dataset so that they go through review like extracted
 * claims. Each cites the list row that names the entry (the citation of the entry's
 * `sanctioned` claim), so a reviewer reads the listed name in the archived list itself.
 * Storing again never resets a reviewer's decision, and a rejected link stays rejected.
 */
import { collectClaimErrors } from "../model/validate.ts";
import type { Claim } from "../model/types.ts";
import type { Dossier } from "./dossier.ts";
import { DEFAULT_WORK_DATASET, storeProposedClaims } from "./proposals.ts";
import { loadOntology } from "./ontology.ts";
import type { LinkProposal } from "./screening.ts";

export interface StoredLinks {
  dataset: string;
  /** Claims created by this run. */
  created: Claim[];
  /** Proposals already stored by an earlier run (whatever their review status now). */
  existing: number;
  /** Proposals left out because the list entry has no cited listing to point at. */
  uncited: number;
  /** Proposals the ontology refuses (a person linked to an organisation). */
  refused: number;
}

/** Stable per pair and dataset, so re-screening finds the claim it made before. */
export function linkClaimId(dataset: string, entityId: string, listEntryId: string): string {
  return `${dataset}/same_as/${entityId}/${listEntryId}`;
}

export async function storeListLinks(d: Dossier, proposals: LinkProposal[], opts: { dataset?: string } = {}): Promise<StoredLinks> {
  const dataset = opts.dataset ?? DEFAULT_WORK_DATASET;
  const ontology = await loadOntology();
  return d.store.transaction(async (tx) => {
    const now = new Date().toISOString();
    const out: StoredLinks = { dataset, created: [], existing: 0, uncited: 0, refused: 0 };
    const ids = proposals.map((p) => linkClaimId(dataset, p.entity.id, p.match.id));
    // Known links are counted and skipped before their citations are looked up.
    const stored = new Set((await tx.findClaims({ ids })).map((c) => c.id));
    const parties = await tx.getEntities([...new Set(proposals.flatMap((p) => [p.entity.id, p.match.id]))]);
    for (const [i, p] of proposals.entries()) {
      if (stored.has(ids[i])) {
        out.existing++;
        continue;
      }
      const listings = await tx.findClaims({ object: p.match.id, predicate: "sanctioned" });
      const citations = listings.flatMap((c) => c.citations).slice(0, 3);
      if (!citations.length) {
        out.uncited++;
        continue;
      }
      const claim: Claim = {
        id: ids[i],
        dataset,
        predicate: "same_as",
        subject: p.entity.id,
        object: p.match.id,
        qualifiers: { matched_name: p.match.matchedName },
        status: "proposed",
        credibility: null,
        confidence: Math.round(p.match.score * 1000) / 1000,
        origin: { kind: "extractor", name: "dossier-screening" },
        citations,
        assertion: false,
        note: `screening matched "${p.entity.name}" to "${p.match.matchedName}" (score ${p.match.score.toFixed(3)})`,
        createdAt: now,
        updatedAt: now,
      };
      // A pair the ontology refuses (a person linked to a company) is screening noise: not stored.
      if (collectClaimErrors(claim, ontology, (id) => parties.get(id)?.type).length) {
        out.refused++;
        continue;
      }
      out.created.push(claim);
    }
    await storeProposedClaims(tx, out.created, { dataset, actor: d.actor, reason: "proposed by screening", now });
    return out;
  });
}
