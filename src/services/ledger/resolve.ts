/**
 * Finding what a user named: an entity by id (merged ids still resolve), exact name or
 * alias, then by a name containing the text; a claim by its id. Several matches are
 * AMBIGUOUS with the candidates listed, none is NOT_FOUND; never a silent guess.
 */
import { DossierError } from "../../errors/index.ts";
import type { Claim, Entity } from "../../model/types.ts";
import type { StoreOps } from "../../store/store.ts";

function ambiguous(what: string, candidates: Entity[]): DossierError {
  const list = candidates.slice(0, 10).map((e) => `${e.id} (${e.name}, ${e.type})`);
  const more = candidates.length > 10 ? ` and ${candidates.length - 10} more` : "";
  return new DossierError("AMBIGUOUS", `"${what}" matches ${candidates.length} entities: ${list.join("; ")}${more}; give an id`, {
    candidates: candidates.map((e) => ({ id: e.id, name: e.name, type: e.type })),
  });
}

export async function resolveEntity(store: StoreOps, nameOrId: string): Promise<Entity> {
  const text = nameOrId.trim();
  if (!text) throw new DossierError("USAGE", "an entity name or id is required");
  const byId = await store.getEntity(text);
  if (byId) return byId;
  const exact = await store.findEntitiesByName(text);
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) {
    // Folding drops punctuation, so `ADMM` and `ADMM+` fold alike; a name written exactly
    // as given (ignoring case) settles it.
    const literal = exact.filter((e) => [e.name, ...e.aliases].some((n) => sameText(n, text)));
    if (literal.length === 1) return literal[0]!;
    throw ambiguous(text, exact);
  }
  const loose = await store.searchEntities(text, { limit: 51 });
  if (loose.length === 1) return loose[0]!;
  if (loose.length > 1) throw ambiguous(text, loose);
  throw new DossierError("NOT_FOUND", `no entity named or with id "${text}"`, { id: text });
}

/** An entity's id from a name or id, for filters and edits. */
export async function resolveEntityId(store: StoreOps, nameOrId: string): Promise<string> {
  return (await resolveEntity(store, nameOrId)).id;
}

export async function resolveClaim(store: StoreOps, id: string): Promise<Claim> {
  const claim = await store.getClaim(id.trim());
  if (!claim) throw new DossierError("NOT_FOUND", `no claim with id "${id}"`, { id });
  return claim;
}

function sameText(a: string, b: string): boolean {
  return a.normalize("NFC").toLocaleLowerCase() === b.normalize("NFC").toLocaleLowerCase();
}
