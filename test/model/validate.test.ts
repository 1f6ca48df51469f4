// Claims and entities checked against the core ontology: each rule, and the messages users
// see, which name the claim (or file and line) and the field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseOntology } from "../../src/model/ontology.ts";
import { validateClaim, collectClaimErrors, validateEntity, collectEntityErrors, type ClaimLike } from "../../src/model/validate.ts";
import { DossierError } from "../../src/errors/index.ts";
import type { Claim, Entity } from "../../src/model/types.ts";
import type { EntityLike } from "../../src/model/validate.ts";

// Stored claims and entities are accepted as they are (checked by the compiler).
const storedClaimFits = (c: Claim): ClaimLike => c;
const storedEntityFits = (e: Entity): EntityLike => e;
void storedClaimFits, storedEntityFits;

const ontology = parseOntology([{ path: "ontology/core.yaml", text: readFileSync(new URL("../../ontology/core.yaml", import.meta.url), "utf8") }]);

const ENTITIES: Record<string, string> = {
  "state:united-states": "State",
  "state:russia": "State",
  "state:myanmar": "State",
  "org:myanmar-military": "Organization",
  "person:min-aung-hlaing": "Person",
  "body:admm-plus": "Body",
  "event:admm-plus-2021": "Event",
  "place:naypyidaw": "Place",
};
const typeOf = (id: string): string | undefined => ENTITIES[id];

const CITATION = { source: "sha256:" + "a".repeat(64), start: 10, end: 42, quoteSha256: "b".repeat(64) };

function claim(over: Partial<ClaimLike> = {}): ClaimLike {
  return {
    id: "myanmar:c12",
    predicate: "sanctioned",
    subject: "state:united-states",
    object: "org:myanmar-military",
    qualifiers: { date: "2021-02-11", program: "BURMA-EO14014", measure: "asset freeze" },
    status: "accepted",
    credibility: 2,
    confidence: null,
    citations: [CITATION],
    assertion: false,
    ...over,
  };
}

/** Asserts the claim fails with exactly this message and field. */
function rejects(c: ClaimLike, message: string, field: string): void {
  assert.throws(
    () => validateClaim(c, ontology, typeOf),
    (e: unknown) => {
      assert.ok(e instanceof DossierError, String(e));
      assert.equal(e.code, "INVALID_CLAIM");
      assert.equal(e.message, message);
      assert.equal(e.context.field, field);
      assert.equal(e.context.id, c.id);
      return true;
    },
  );
}

test("a well-formed claim passes", () => {
  validateClaim(claim(), ontology, typeOf);
  assert.deepEqual(collectClaimErrors(claim(), ontology, typeOf), []);
  // Subjects and objects may come as {id, name}, as in the extract JSON.
  validateClaim(claim({ subject: { id: "state:united-states", name: "United States" } }), ontology, typeOf);
  validateClaim(claim({ predicate: "chaired", subject: "state:myanmar", object: "body:admm-plus", qualifiers: { start: "2021", end: "2024/..", role: "co-chair", with: ["state:russia"] } }), ontology, typeOf);
});

test("a sanctioned claim's subject must be an authority", () => {
  rejects(claim({ subject: "event:admm-plus-2021" }), "claim myanmar:c12: subject: a sanctioned claim's subject must be State, Body or Organization, not Event", "subject");
  rejects(claim({ object: "place:naypyidaw" }), "claim myanmar:c12: object: a sanctioned claim's object must be Person, Organization or State, not Place", "object");
  rejects(claim({ predicate: "position_held", subject: "state:russia", object: "org:myanmar-military", qualifiers: {} }), "claim myanmar:c12: subject: a position_held claim's subject must be Person, not State", "subject");
});

test("subjects and objects must be known entities", () => {
  rejects(claim({ subject: "state:atlantis" }), 'claim myanmar:c12: subject: unknown entity "state:atlantis"', "subject");
  rejects(claim({ object: "" }), 'claim myanmar:c12: object: expected an entity id, not ""', "object");
});

test("an unknown predicate is rejected", () => {
  rejects(claim({ predicate: "sanctiond" }), 'claim myanmar:c12: predicate: unknown predicate "sanctiond"', "predicate");
});

test("qualifiers must exist and belong to the predicate; modality goes anywhere", () => {
  rejects(claim({ qualifiers: { colour: "red" } }), 'claim myanmar:c12: qualifiers.colour: unknown qualifier "colour"', "qualifiers.colour");
  rejects(
    claim({ qualifiers: { count: 3 } }),
    'claim myanmar:c12: qualifiers.count: a sanctioned claim takes no qualifier "count" (it takes date, program, measure or modality)',
    "qualifiers.count",
  );
  for (const p of ontology.predicates.values()) {
    const c: ClaimLike = { id: "x", predicate: p.name, subject: "s", object: "o", qualifiers: { modality: "negated" }, citations: [CITATION] };
    const errors = collectClaimErrors(c, ontology, () => undefined).filter((e) => e.context.field === "qualifiers.modality");
    assert.deepEqual(errors, [], p.name);
  }
});

test("qualifier values must fit their type", () => {
  rejects(claim({ qualifiers: { date: "2021-13-01" } }), 'claim myanmar:c12: qualifiers.date: "2021-13-01" is not an EDTF date: no month 13', "qualifiers.date");
  rejects(claim({ qualifiers: { date: "11 February 2021" } }), /* the parser says what it expected */ 'claim myanmar:c12: qualifiers.date: "11 February 2021" is not an EDTF date: expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ?, ~ or %', "qualifiers.date");
  rejects(claim({ qualifiers: { date: 2021 } }), "claim myanmar:c12: qualifiers.date: expected an EDTF date, not 2021", "qualifiers.date");
  rejects(claim({ qualifiers: { date: ["2021", "2022"] } }), "claim myanmar:c12: qualifiers.date: expected one edtf value, not a list", "qualifiers.date");
  rejects(claim({ qualifiers: { measure: "freeze" } }), 'claim myanmar:c12: qualifiers.measure: "freeze" is not one of asset freeze, arms embargo, visa ban, export restriction, travel ban, designation, other', "qualifiers.measure");
  rejects(claim({ qualifiers: { program: "" } }), 'claim myanmar:c12: qualifiers.program: expected text, not ""', "qualifiers.program");

  const arms = (q: ClaimLike["qualifiers"]) => claim({ predicate: "supplied_arms", subject: "state:russia", object: "state:myanmar", qualifiers: q });
  validateClaim(arms({ quantity: 6, amount: 1.5e9, currency: "USD", item: "fighter jets", start: "2018", end: "2022~" }), ontology, typeOf);
  validateClaim(arms({ quantity: "6", amount: "400.5" }), ontology, typeOf);
  rejects(arms({ quantity: 2.5 }), "claim myanmar:c12: qualifiers.quantity: expected a whole number, not 2.5", "qualifiers.quantity");
  rejects(arms({ quantity: "six" }), 'claim myanmar:c12: qualifiers.quantity: expected a whole number, not "six"', "qualifiers.quantity");
  rejects(arms({ amount: "lots" }), 'claim myanmar:c12: qualifiers.amount: expected a number, not "lots"', "qualifiers.amount");
  rejects(arms({ currency: "usd" }), 'claim myanmar:c12: qualifiers.currency: expected a three-letter currency code such as USD, not "usd"', "qualifiers.currency");
  rejects(arms({ currency: "dollars" }), 'claim myanmar:c12: qualifiers.currency: expected a three-letter currency code such as USD, not "dollars"', "qualifiers.currency");
});

test("entity qualifiers must name known entities of allowed types", () => {
  const met = (q: ClaimLike["qualifiers"]) => claim({ predicate: "met", subject: "person:min-aung-hlaing", object: "state:russia", qualifiers: q });
  validateClaim(met({ place: "place:naypyidaw" }), ontology, typeOf);
  validateClaim(met({ place: { id: "state:russia", name: "Russia" } }), ontology, typeOf);
  rejects(met({ place: "Naypyidaw" }), 'claim myanmar:c12: qualifiers.place: "Naypyidaw" is not a known entity id', "qualifiers.place");
  rejects(met({ place: 7 }), "claim myanmar:c12: qualifiers.place: expected an entity id, not 7", "qualifiers.place");
  rejects(met({ place: "person:min-aung-hlaing" }), "claim myanmar:c12: qualifiers.place: must be Place or State, not Person (person:min-aung-hlaing)", "qualifiers.place");
});

test("review fields must be in range", () => {
  rejects(claim({ status: "approved" }), 'claim myanmar:c12: status: "approved" is not a status (proposed, accepted, rejected, disputed)', "status");
  rejects(claim({ credibility: 7 }), "claim myanmar:c12: credibility: must be a whole number from 1 (confirmed) to 6 (cannot be judged), not 7", "credibility");
  rejects(claim({ credibility: 0 }), "claim myanmar:c12: credibility: must be a whole number from 1 (confirmed) to 6 (cannot be judged), not 0", "credibility");
  rejects(claim({ confidence: 1.2 }), "claim myanmar:c12: confidence: must be a number from 0 to 1, not 1.2", "confidence");
  for (const credibility of [1, 6, null]) validateClaim(claim({ credibility }), ontology, typeOf);
});

test("a claim needs a citation unless it is an editor's assertion", () => {
  rejects(claim({ citations: [] }), "claim myanmar:c12: citations: a claim needs at least one citation unless it is marked as an editor's assertion", "citations");
  rejects(claim({ citations: undefined }), "claim myanmar:c12: citations: a claim needs at least one citation unless it is marked as an editor's assertion", "citations");
  validateClaim(claim({ citations: [], assertion: true }), ontology, typeOf);
});

test("citations must point into an archived source", () => {
  rejects(claim({ citations: [{ ...CITATION, source: "abc" }] }), 'claim myanmar:c12: citations[0].source: expected a source id (sha256: and 64 hex digits), not "abc"', "citations[0].source");
  rejects(claim({ citations: [CITATION, { ...CITATION, start: -1 }] }), "claim myanmar:c12: citations[1].start: expected an offset (a whole number ≥ 0), not -1", "citations[1].start");
  rejects(claim({ citations: [{ ...CITATION, end: 10 }] }), "claim myanmar:c12: citations[0].end: expected an offset after start (10), not 10", "citations[0].end");
  rejects(claim({ citations: [{ ...CITATION, quoteSha256: "xyz" }] }), 'claim myanmar:c12: citations[0].quoteSha256: expected 64 lowercase hex digits, not "xyz"', "citations[0].quoteSha256");
});

test("collectClaimErrors reports every problem; validateClaim throws the first", () => {
  const bad = claim({ subject: "event:admm-plus-2021", qualifiers: { date: "soon", colour: "red" }, credibility: 9, citations: [] });
  const errors = collectClaimErrors(bad, ontology, typeOf);
  assert.deepEqual(errors.map((e) => e.context.field), ["subject", "qualifiers.date", "qualifiers.colour", "credibility", "citations"]);
  assert.ok(errors.every((e) => e.code === "INVALID_CLAIM" && e.context.id === "myanmar:c12"));
  assert.throws(() => validateClaim(bad, ontology, typeOf), (e: unknown) => e instanceof DossierError && e.context.field === "subject");
});

test("a file and line, when given, stand in front of the message", () => {
  assert.throws(
    () => validateClaim(claim({ subject: "event:admm-plus-2021" }), ontology, typeOf, { file: "data/myanmar/claims.yaml", line: 42 }),
    (e: unknown) =>
      e instanceof DossierError &&
      e.message === "data/myanmar/claims.yaml:42: subject: a sanctioned claim's subject must be State, Body or Organization, not Event" &&
      e.context.id === "myanmar:c12",
  );
  const anonymous = collectClaimErrors({ ...claim(), id: undefined, predicate: "nope" }, ontology, typeOf)[0]!;
  assert.equal(anonymous.message, 'predicate: unknown predicate "nope"');
});

test("entities: type known; events need a known kind and an EDTF date", () => {
  const event = { id: "event:admm-plus-2021", type: "Event", name: "ADMM-Plus meeting", aliases: [], attributes: { kind: "meeting", date: "2021-06-29/2021-06-30" } };
  validateEntity(event, ontology);
  validateEntity({ id: "person:min-aung-hlaing", type: "Person", name: "Min Aung Hlaing", aliases: ["မင်းအောင်လှိုင်"], attributes: {} }, ontology);
  validateEntity({ ...event, attributes: { kind: "summit" } }, ontology);
  const fails = (e: Parameters<typeof validateEntity>[0], message: string, field: string) =>
    assert.throws(
      () => validateEntity(e, ontology),
      (err: unknown) => err instanceof DossierError && err.code === "INVALID_ENTITY" && err.message === message && err.context.field === field,
      message,
    );
  fails({ ...event, type: "Evnt" }, 'entity event:admm-plus-2021: type: unknown type "Evnt" (known: Person, Organization, State, Body, Place, Event)', "type");
  fails({ ...event, attributes: { kind: "party", date: "2021" } }, 'entity event:admm-plus-2021: attributes.kind: unknown event kind "party"', "attributes.kind");
  fails({ ...event, attributes: { date: "2021" } }, `entity event:admm-plus-2021: attributes.kind: an event needs a kind (${[...ontology.eventKinds].join(", ")})`, "attributes.kind");
  fails({ ...event, attributes: { kind: "meeting", date: "29 June 2021" } }, 'entity event:admm-plus-2021: attributes.date: "29 June 2021" is not an EDTF date: expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ?, ~ or %', "attributes.date");
  fails({ ...event, aliases: ["ok", ""] }, "entity event:admm-plus-2021: aliases: expected a list of names", "aliases");
  assert.deepEqual(
    collectEntityErrors({ id: "event:x", type: "Event", name: "", attributes: { kind: "party", date: "never" } }, ontology).map((e) => e.context.field),
    ["name", "attributes.kind", "attributes.date"],
  );
});
