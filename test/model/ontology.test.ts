// The ontology loader: declarative YAML in, a checked vocabulary out, and every mistake in a
// file reported as `file:line: field: what is wrong`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseOntology, qualifiersOf, type OntologyFile } from "../../src/model/ontology.ts";
import { DossierError } from "../../src/errors/index.ts";

const CORE: OntologyFile = { path: "ontology/core.yaml", text: readFileSync(new URL("../../ontology/core.yaml", import.meta.url), "utf8") };

function withDomain(text: string): ReturnType<typeof parseOntology> {
  return parseOntology([CORE, { path: "ontology/x.yaml", text }]);
}

/** Asserts parsing `text` after core fails with an ONTOLOGY error whose message is `message`. */
function rejects(text: string, message: string | RegExp): void {
  assert.throws(
    () => withDomain(text),
    (e: unknown) => {
      assert.ok(e instanceof DossierError, String(e));
      assert.equal(e.code, "ONTOLOGY");
      if (typeof message === "string") assert.equal(e.message, message);
      else assert.match(e.message, message);
      return true;
    },
  );
}

test("the core vocabulary holds every name DESIGN.md fixes", () => {
  const o = parseOntology([CORE]);
  assert.deepEqual([...o.types.keys()].sort(), ["Body", "Event", "Organization", "Person", "Place", "State"]);
  const predicates = ["attended", "hosted", "chaired", "coordinated", "member_of", "position_held", "part_of", "sanctioned", "designated", "supplied_arms", "financial_link", "boycotted", "rejected", "visited", "met", "agreed", "endorsed", "trained", "defected"];
  for (const p of predicates) assert.ok(o.predicates.has(p), `predicate ${p}`);
  // Additions beyond DESIGN.md's fixed list, each with a reason: same_as links a ledger entity to a list entry.
  assert.deepEqual([...o.predicates.keys()].filter((p) => !predicates.includes(p)), ["same_as"]);
  assert.deepEqual(o.predicates.get("same_as")!.triggers, [], "the extractor never proposes identity links");
  for (const q of ["date", "start", "end", "place", "role", "on_behalf_of", "with", "within", "title", "program", "measure", "label", "item", "quantity", "amount", "currency", "system", "kind", "reason", "what", "hosted_by", "topic", "count"]) {
    assert.ok(o.qualifiers.has(q), `qualifier ${q}`);
  }
  for (const k of ["meeting", "exercise", "visit", "conference", "summit", "symposium", "expo", "designation", "appointment"]) assert.ok(o.eventKinds.has(k), k);
  const sanctioned = o.predicates.get("sanctioned")!;
  assert.deepEqual(sanctioned.subject, ["State", "Body", "Organization"]);
  assert.equal(sanctioned.symmetric, false);
  assert.equal(sanctioned.file, "ontology/core.yaml");
  assert.ok(sanctioned.triggers.length > 0);
  assert.equal(o.predicates.get("met")!.symmetric, true);
  assert.deepEqual(o.qualifiers.get("measure")!.type, "enum");
  assert.ok(o.qualifiers.get("measure")!.values!.includes("asset freeze"));
  assert.deepEqual(o.qualifiers.get("place")!.types, ["Place", "State"]);
  // Descriptions with commas survive whole (an unquoted one in a flow map would split).
  assert.equal(o.types.get("Person")!.description, "A human being, named.");
  assert.deepEqual(o.files, [{ path: "ontology/core.yaml", name: "core", version: 1 }]);
});

test("modality is allowed on every predicate", () => {
  const o = parseOntology([CORE]);
  assert.equal(o.qualifiers.get("modality")!.universal, true);
  for (const p of o.predicates.keys()) assert.ok(qualifiersOf(o, p).includes("modality"), p);
  assert.deepEqual(qualifiersOf(o, "met"), ["date", "place", "modality"]);
});

test("a domain file extends the core", () => {
  const o = withDomain(`
name: arms
types:
  Vessel: { description: "A ship." }
event_kinds: [launch]
qualifiers:
  tonnage: { type: integer }
  flag: { type: entity, types: [State] }
predicates:
  owned:
    subject: [Organization, Person]
    object: [Vessel]
    qualifiers: [date, tonnage, flag]
    triggers: [owns, owned]
    patterns: ["{S} owns {O}"]
    weight: 2
`);
  assert.ok(o.types.has("Vessel"));
  assert.ok(o.eventKinds.has("launch") && o.eventKinds.has("meeting"));
  const owned = o.predicates.get("owned")!;
  assert.equal(owned.file, "ontology/x.yaml");
  assert.deepEqual(owned.qualifiers, ["date", "tonnage", "flag"]);
  assert.deepEqual(owned.extra, { patterns: ["{S} owns {O}"], weight: 2 }, "unknown predicate keys are kept");
  assert.deepEqual(o.files.map((f) => f.name), ["core", "arms"]);
});

test("an unknown type in a predicate names the file, line and field", () => {
  rejects(
    `predicates:
  foo:
    subject: [Person]
    object: [Event, Evnt]
`,
    'ontology/x.yaml:4: predicates.foo.object: unknown type "Evnt"',
  );
  rejects("predicates:\n  foo:\n    subject:\n      - Person\n      - Persn\n    object: [Event]\n", 'ontology/x.yaml:5: predicates.foo.subject: unknown type "Persn"');
  rejects("qualifiers:\n  ship: { type: entity, types: [Vesel] }\n", 'ontology/x.yaml:2: qualifiers.ship.types: unknown type "Vesel"');
});

test("a predicate may not be declared twice, in one file or across files", () => {
  const dupLine = CORE.text.split("\n").findIndex((l) => l.startsWith("  attended:")) + 1;
  rejects("predicates:\n  attended:\n    subject: [Person]\n    object: [Event]\n", `ontology/x.yaml:2: predicates.attended: predicate "attended" is already declared at ontology/core.yaml:${dupLine}`);
  rejects("predicates:\n  foo: { subject: [Person], object: [Event] }\n  foo: { subject: [State], object: [Event] }\n", 'ontology/x.yaml:3: predicates.foo: "foo" is declared twice (first at line 2)');
  assert.throws(
    () => parseOntology([CORE, { path: "a.yaml", text: "predicates:\n  foo: { subject: [Person], object: [Event] }\n" }, { path: "b.yaml", text: "\npredicates:\n  foo: { subject: [Person], object: [Event] }\n" }]),
    (e: unknown) => e instanceof DossierError && e.message === 'b.yaml:3: predicates.foo: predicate "foo" is already declared at a.yaml:2',
  );
});

test("types, qualifiers and event kinds may not be redeclared either", () => {
  rejects("types:\n  Person: { description: again }\n", /^ontology\/x\.yaml:2: types\.Person: type "Person" is already declared at ontology\/core\.yaml:\d+$/);
  rejects("qualifiers:\n  date: { type: text }\n", /^ontology\/x\.yaml:2: qualifiers\.date: qualifier "date" is already declared/);
  rejects("event_kinds: [launch, meeting]\n", /^ontology\/x\.yaml:1: event_kinds: event kind "meeting" is already declared/);
});

test("a predicate referring to an unknown qualifier is rejected", () => {
  rejects("predicates:\n  foo:\n    subject: [Person]\n    object: [Event]\n    qualifiers: [date, dat]\n", 'ontology/x.yaml:5: predicates.foo.qualifiers: unknown qualifier "dat"');
  rejects("predicates:\n  foo:\n    subject: [Person]\n    object: [Event]\n    qualifiers: [date, date]\n", 'ontology/x.yaml:5: predicates.foo.qualifiers: qualifier "date" is listed twice');
});

test("malformed qualifiers are rejected", () => {
  rejects("qualifiers:\n  size: { type: number }\n", "ontology/x.yaml:2: qualifiers.size.type: type must be one of edtf, entity, enum, amount, currency, integer, text");
  rejects("qualifiers:\n  colour: { type: enum }\n", "ontology/x.yaml:2: qualifiers.colour.type: an enum qualifier needs a non-empty list of values");
  rejects("qualifiers:\n  colour:\n    type: enum\n    values: []\n", "ontology/x.yaml:3: qualifiers.colour.type: an enum qualifier needs a non-empty list of values");
  rejects("qualifiers:\n  colour: { type: text, values: [red] }\n", "ontology/x.yaml:2: qualifiers.colour.values: only enum qualifiers take values, not text");
  rejects("qualifiers:\n  colour: { type: text, types: [Person] }\n", "ontology/x.yaml:2: qualifiers.colour.types: only entity qualifiers take types, not text");
  rejects("qualifiers:\n  colour: { type: enum, values: [red, red] }\n", 'ontology/x.yaml:2: qualifiers.colour.values: value "red" is listed twice');
  rejects("qualifiers:\n  colour: { type: text, colour: red }\n", 'ontology/x.yaml:2: qualifiers.colour.colour: unknown key "colour"');
  rejects("qualifiers:\n  colour: {}\n", /^ontology\/x\.yaml:2: qualifiers\.colour\.type: type must be one of/);
});

test("malformed predicates and files are rejected", () => {
  rejects("predicates:\n  foo: { subject: Person, object: [Event] }\n", "ontology/x.yaml:2: predicates.foo.subject: expected a list");
  rejects("predicates:\n  foo: { subject: [], object: [Event] }\n", "ontology/x.yaml:2: predicates.foo.subject: needs at least one type");
  rejects("predicates:\n  foo: { object: [Event] }\n", /^ontology\/x\.yaml:2: predicates\.foo\.subject: /);
  rejects("predicates:\n  foo: { subject: [Person], object: [Event], symmetric: true }\n", "ontology/x.yaml:2: predicates.foo.symmetric: a symmetric predicate needs the same subject and object types");
  rejects("predicates:\n  Foo: { subject: [Person], object: [Event] }\n", /^ontology\/x\.yaml:2: predicates\.Foo: predicate name "Foo" must be snake_case/);
  rejects("types:\n  vessel: {}\n", /^ontology\/x\.yaml:2: types\.vessel: type name "vessel" must be CamelCase/);
  rejects("types: {}\nrules:\n  - x\n", 'ontology/x.yaml:2: rules: unknown section "rules" (expected name, version, description, types, event_kinds, qualifiers, predicates)');
  rejects("predicates: [oops\n", /^ontology\/x\.yaml:\d+: not valid YAML: /);
  rejects("- a list\n", "ontology/x.yaml:1: expected a mapping with types, event_kinds, qualifiers and predicates");
});

test("later files may use names an earlier or later file declares", () => {
  const o = parseOntology([
    CORE,
    { path: "a.yaml", text: "predicates:\n  crewed: { subject: [Person], object: [Vessel] }\n" },
    { path: "b.yaml", text: "types:\n  Vessel: {}\n" },
  ]);
  assert.deepEqual(o.predicates.get("crewed")!.object, ["Vessel"]);
});
