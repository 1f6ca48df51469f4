/**
 * The vocabulary of the ledger, read from declarative YAML (ontology/*.yaml): entity types,
 * event kinds, qualifiers and predicates. Pure: callers hand in file texts (services/
 * ontology.ts reads them). Files are read in order; later ones extend earlier ones and may
 * not redeclare a name. Every problem stops with `file:line: field: what is wrong`.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { z } from "zod";
import { DossierError } from "../errors/index.ts";

export const QUALIFIER_TYPES = ["edtf", "entity", "enum", "amount", "currency", "integer", "text"] as const;
export type QualifierType = (typeof QUALIFIER_TYPES)[number];

export interface QualifierDef {
  name: string;
  type: QualifierType;
  /** The allowed values of an enum qualifier. */
  values?: string[];
  /** For an entity qualifier: the entity types it may point to (any when absent). */
  types?: string[];
  description?: string;
  /** Allowed on every predicate without being listed (e.g. `modality`). */
  universal?: boolean;
  file?: string;
}

export interface PredicateDef {
  name: string;
  subject: string[];
  object: string[];
  symmetric: boolean;
  /** Qualifiers listed for this predicate; universal qualifiers are allowed besides these. */
  qualifiers: string[];
  triggers: string[];
  description?: string;
  /** Keys the engine does not interpret (e.g. an extractor's `patterns:`), kept as written. */
  extra: Record<string, unknown>;
  /** The file that declared it. */
  file: string;
}

export interface TypeDef {
  name: string;
  description?: string;
}

export interface Ontology {
  types: Map<string, TypeDef>;
  eventKinds: Set<string>;
  qualifiers: Map<string, QualifierDef>;
  predicates: Map<string, PredicateDef>;
  /** The files it was read from, in order, with their declared name and version. */
  files: { path: string; name?: string; version?: string | number }[];
}

export interface OntologyFile {
  path: string;
  text: string;
}

const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const SNAKE_NAME = /^[a-z][a-z0-9_]*$/;
const EVENT_KIND = /^[a-z][a-z0-9 _-]*$/;

const text = z.string({ error: "expected text" });
const names = z.array(text, { error: "expected a list" });

const TypeSchema = z.union([z.null(), z.strictObject({ description: text.optional() })], { error: "expected a mapping with an optional description" });

const QualifierSchema = z.strictObject({
  type: z.enum(QUALIFIER_TYPES, { error: `type must be one of ${QUALIFIER_TYPES.join(", ")}` }),
  values: names.optional(),
  types: names.optional(),
  description: text.optional(),
  universal: z.boolean({ error: "expected true or false" }).optional(),
});

const PREDICATE_KEYS = ["subject", "object", "symmetric", "qualifiers", "triggers", "description"];
const PredicateSchema = z.looseObject({
  subject: names.min(1, { error: "needs at least one type" }),
  object: names.min(1, { error: "needs at least one type" }),
  symmetric: z.boolean({ error: "expected true or false" }).optional(),
  qualifiers: names.optional(),
  triggers: names.optional(),
  description: text.optional(),
});

const FileSchema = z.strictObject(
  {
    name: text.optional(),
    version: z.union([z.number(), z.string()], { error: "expected a number or text" }).optional(),
    description: text.optional(),
    types: z.record(text, TypeSchema, { error: "expected a mapping of type names" }).optional(),
    event_kinds: names.optional(),
    qualifiers: z.record(text, QualifierSchema, { error: "expected a mapping of qualifier names" }).optional(),
    predicates: z.record(text, PredicateSchema, { error: "expected a mapping of predicate names" }).optional(),
  },
  { error: "expected a mapping with types, event_kinds, qualifiers and predicates" },
);

type Path = (string | number)[];

/** One parsed file, kept so errors found later can still be placed on a line. */
class SourceFile {
  constructor(
    readonly path: string,
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** The line of the node at `path`: a map entry's key line, a list item's own line. */
  lineOf(path: Path): number | undefined {
    let node: unknown = this.doc.contents;
    let offset: number | undefined = rangeStart(node);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number" && node.items[seg] !== undefined) {
        node = node.items[seg];
        offset = rangeStart(node) ?? offset;
      } else break;
    }
    return offset === undefined ? undefined : this.lines.linePos(offset).line;
  }

  /** An ONTOLOGY error at `path` (or at `node`, when the path alone is ambiguous). */
  error(path: Path, detail: string, node?: unknown): DossierError {
    const field = path.filter((s) => typeof s === "string").join(".");
    const ctx: { file: string; line?: number; field?: string } = { file: this.path };
    const offset = rangeStart(node);
    const line = offset !== undefined ? this.lines.linePos(offset).line : this.lineOf(path);
    if (line !== undefined) ctx.line = line;
    if (field) ctx.field = field;
    return new DossierError("ONTOLOGY", detail, ctx);
  }

  where(path: Path): string {
    const line = this.lineOf(path);
    return line === undefined ? this.path : `${this.path}:${line}`;
  }
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

function parseFile(file: OntologyFile): { src: SourceFile; data: z.infer<typeof FileSchema> } {
  const lines = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const src = new SourceFile(file.path, doc, lines);
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line;
    const what = yamlError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw new DossierError("ONTOLOGY", `not valid YAML: ${what}`, { file: file.path, line });
  }
  findDuplicateKeys(src, doc.contents, []);
  const parsed = FileSchema.safeParse(doc.toJS() ?? undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((s): s is string | number => typeof s !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const key = issue.keys[0]!;
      const allowed = path.length === 0 ? "name, version, description, types, event_kinds, qualifiers, predicates" : undefined;
      throw src.error([...path, key], allowed ? `unknown section "${key}" (expected ${allowed})` : `unknown key "${key}"`);
    }
    throw src.error(path, issue.message);
  }
  return { src, data: parsed.data };
}

/** YAML itself would only say "keys must be unique"; this names the key and both lines. */
function findDuplicateKeys(src: SourceFile, node: unknown, path: Path): void {
  if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (seen.has(key)) {
        const first = src.lineOf([...path, key]);
        throw src.error([...path, key], `"${key}" is declared twice${first ? ` (first at line ${first})` : ""}`, pair.key);
      }
      seen.add(key);
      findDuplicateKeys(src, pair.value, [...path, key]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => findDuplicateKeys(src, item, [...path, i]));
  }
}

/** Where each name was declared, to say so when a later file redeclares it. */
type Origins = Map<string, string>;

function checkName(src: SourceFile, path: Path, name: string, pattern: RegExp, what: string, shape: string): void {
  if (!pattern.test(name)) throw src.error(path, `${what} name "${name}" must be ${shape}`);
}

/** Reads ontology files in order (core first) into one vocabulary; see the file comment. */
export function parseOntology(files: OntologyFile[]): Ontology {
  const ontology: Ontology = { types: new Map(), eventKinds: new Set(), qualifiers: new Map(), predicates: new Map(), files: [] };
  const origins = { types: new Map(), eventKinds: new Map(), qualifiers: new Map(), predicates: new Map() } satisfies Record<string, Origins>;
  const parsed = files.map(parseFile);

  for (const { src, data } of parsed) {
    const info: Ontology["files"][number] = { path: src.path };
    if (data.name !== undefined) info.name = data.name;
    if (data.version !== undefined) info.version = data.version;
    ontology.files.push(info);

    for (const [name, def] of Object.entries(data.types ?? {})) {
      const path = ["types", name];
      checkName(src, path, name, TYPE_NAME, "type", "CamelCase (e.g. Person)");
      redeclared(src, path, origins.types, name, "type");
      const type: TypeDef = { name };
      if (def?.description !== undefined) type.description = def.description;
      ontology.types.set(name, type);
    }

    (data.event_kinds ?? []).forEach((kind, i) => {
      const path = ["event_kinds", i];
      checkName(src, path, kind, EVENT_KIND, "event kind", "lower case (e.g. meeting)");
      redeclared(src, path, origins.eventKinds, kind, "event kind");
      ontology.eventKinds.add(kind);
    });

    for (const [name, def] of Object.entries(data.qualifiers ?? {})) {
      const path = ["qualifiers", name];
      checkName(src, path, name, SNAKE_NAME, "qualifier", "snake_case (e.g. on_behalf_of)");
      redeclared(src, path, origins.qualifiers, name, "qualifier");
      if (def.type === "enum" && !def.values?.length) throw src.error([...path, "type"], "an enum qualifier needs a non-empty list of values");
      if (def.type !== "enum" && def.values !== undefined) throw src.error([...path, "values"], `only enum qualifiers take values, not ${def.type}`);
      if (def.type !== "entity" && def.types !== undefined) throw src.error([...path, "types"], `only entity qualifiers take types, not ${def.type}`);
      const dup = def.values?.find((v, i) => def.values!.indexOf(v) !== i);
      if (dup !== undefined) throw src.error([...path, "values", def.values!.lastIndexOf(dup)], `value "${dup}" is listed twice`);
      const q: QualifierDef = { name, type: def.type, file: src.path };
      if (def.values) q.values = [...def.values];
      if (def.types) q.types = [...def.types];
      if (def.description !== undefined) q.description = def.description;
      if (def.universal) q.universal = true;
      ontology.qualifiers.set(name, q);
    }

    for (const [name, def] of Object.entries(data.predicates ?? {})) {
      const path = ["predicates", name];
      checkName(src, path, name, SNAKE_NAME, "predicate", "snake_case (e.g. member_of)");
      redeclared(src, path, origins.predicates, name, "predicate");
      const extra: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def)) if (!PREDICATE_KEYS.includes(k)) extra[k] = v;
      const p: PredicateDef = {
        name,
        subject: [...def.subject],
        object: [...def.object],
        symmetric: def.symmetric ?? false,
        qualifiers: [...(def.qualifiers ?? [])],
        triggers: [...(def.triggers ?? [])],
        extra,
        file: src.path,
      };
      if (def.description !== undefined) p.description = def.description;
      ontology.predicates.set(name, p);
    }
  }

  // References are checked once every file is in, so a file may use names a later one adds.
  for (const { src, data } of parsed) {
    for (const [name, def] of Object.entries(data.qualifiers ?? {})) {
      (def.types ?? []).forEach((t, i) => {
        if (!ontology.types.has(t)) throw src.error(["qualifiers", name, "types", i], `unknown type "${t}"`);
      });
    }
    for (const [name, def] of Object.entries(data.predicates ?? {})) {
      for (const role of ["subject", "object"] as const) {
        def[role].forEach((t, i) => {
          if (!ontology.types.has(t)) throw src.error(["predicates", name, role, i], `unknown type "${t}"`);
        });
      }
      (def.qualifiers ?? []).forEach((q, i) => {
        if (!ontology.qualifiers.has(q)) throw src.error(["predicates", name, "qualifiers", i], `unknown qualifier "${q}"`);
        if (def.qualifiers!.indexOf(q) !== i) throw src.error(["predicates", name, "qualifiers", i], `qualifier "${q}" is listed twice`);
      });
      if (def.symmetric && !sameSet(def.subject, def.object)) {
        throw src.error(["predicates", name, "symmetric"], "a symmetric predicate needs the same subject and object types");
      }
    }
  }
  return ontology;
}

function redeclared(src: SourceFile, path: Path, origins: Origins, name: string, what: string): void {
  const first = origins.get(name);
  if (first !== undefined) throw src.error(path, `${what} "${name}" is already declared at ${first}`);
  origins.set(name, src.where(path));
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Every qualifier a predicate accepts: its own list plus the universal ones. */
export function qualifiersOf(ontology: Ontology, predicate: string): string[] {
  const own = ontology.predicates.get(predicate)?.qualifiers ?? [];
  const universal = [...ontology.qualifiers.values()].filter((q) => q.universal && !own.includes(q.name)).map((q) => q.name);
  return [...own, ...universal];
}
