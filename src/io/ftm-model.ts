/**
 * The FollowTheMoney model (schemata, their properties and inheritance) read from the
 * `@opensanctions/followthemoney` package's defaultModel.json, and a validator for FtM
 * entity JSON lines: the schema exists and is not abstract, every property exists on it
 * (own or inherited), entity-typed properties point at ids present in the same export.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { DossierError } from "../errors/index.ts";

export interface FtmProperty {
  name: string;
  type: string;
  /** Schema an entity-typed property points at. */
  range?: string;
  /** Reverse side of a link, not set on entities themselves. */
  stub?: boolean;
}

interface RawSchema {
  extends?: string[];
  abstract?: boolean;
  schemata?: string[];
  required?: string[];
  properties: Record<string, FtmProperty>;
}

export interface FtmEntityJson {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  caption?: string;
  [key: string]: unknown;
}

export class FtmModel {
  private readonly props = new Map<string, Map<string, FtmProperty>>();
  private readonly ancestors = new Map<string, Set<string>>();

  constructor(private readonly schemata: Record<string, RawSchema>) {}

  has(schema: string): boolean {
    return Object.hasOwn(this.schemata, schema);
  }

  isAbstract(schema: string): boolean {
    return !!this.schemata[schema]?.abstract;
  }

  /** True when `schema` is `parent` or extends it, directly or not. */
  isA(schema: string, parent: string): boolean {
    return this.lineage(schema).has(parent);
  }

  lineage(schema: string): Set<string> {
    let set = this.ancestors.get(schema);
    if (!set) {
      set = new Set([schema]);
      for (const p of this.schemata[schema]?.extends ?? []) for (const a of this.lineage(p)) set.add(a);
      this.ancestors.set(schema, set);
    }
    return set;
  }

  /** Own and inherited properties of a schema. */
  properties(schema: string): Map<string, FtmProperty> {
    let map = this.props.get(schema);
    if (!map) {
      map = new Map();
      const s = this.schemata[schema];
      if (s) {
        for (const p of s.extends ?? []) for (const [k, v] of this.properties(p)) map.set(k, v);
        for (const [k, v] of Object.entries(s.properties ?? {})) map.set(k, v);
      }
      this.props.set(schema, map);
    }
    return map;
  }

  property(schema: string, name: string): FtmProperty | undefined {
    return this.properties(schema).get(name);
  }

  required(schema: string): string[] {
    const out = new Set<string>();
    for (const s of this.lineage(schema)) for (const r of this.schemata[s]?.required ?? []) out.add(r);
    return [...out];
  }
}

let cached: FtmModel | null = null;

/** The model shipped in @opensanctions/followthemoney (a dependency, so always installed). */
export function loadFtmModel(path?: string): FtmModel {
  if (!path && cached) return cached;
  const file = path ?? createRequire(import.meta.url).resolve("@opensanctions/followthemoney/dist/defaultModel.json");
  let raw: { schemata?: Record<string, RawSchema> };
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new DossierError("INTERNAL", `cannot read the FollowTheMoney model: ${(e as Error).message}`, { file }, { cause: e });
  }
  if (!raw.schemata) throw new DossierError("INTERNAL", "the FollowTheMoney model has no schemata", { file });
  const model = new FtmModel(raw.schemata);
  if (!path) cached = model;
  return model;
}

export interface FtmProblem {
  line: number;
  id?: string;
  problem: string;
}

/**
 * Checks FtM entities as exported (one per line, in order); returns every problem found.
 * Required properties are checked only on request: published data (a Passport with no
 * number) does not always meet them, and a round trip must keep it as it came.
 */
export function validateFtmEntities(model: FtmModel, entities: FtmEntityJson[], options: { checkRequired?: boolean } = {}): FtmProblem[] {
  const problems: FtmProblem[] = [];
  const ids = new Set<string>();
  entities.forEach((e, i) => {
    if (typeof e.id !== "string" || !e.id) problems.push({ line: i + 1, problem: "no id" });
    else if (ids.has(e.id)) problems.push({ line: i + 1, id: e.id, problem: "duplicate id" });
    else ids.add(e.id);
  });
  entities.forEach((e, i) => {
    const line = i + 1;
    if (!model.has(e.schema)) return problems.push({ line, id: e.id, problem: `unknown schema ${e.schema}` });
    if (model.isAbstract(e.schema)) problems.push({ line, id: e.id, problem: `abstract schema ${e.schema}` });
    if (!e.properties || typeof e.properties !== "object") return problems.push({ line, id: e.id, problem: "no properties" });
    for (const [name, values] of Object.entries(e.properties)) {
      const prop = model.property(e.schema, name);
      if (!prop) {
        problems.push({ line, id: e.id, problem: `${e.schema} has no property ${name}` });
        continue;
      }
      if (!Array.isArray(values) || values.some((v) => typeof v !== "string")) {
        problems.push({ line, id: e.id, problem: `${name} is not a list of strings` });
        continue;
      }
      if (prop.type === "entity") for (const v of values) if (!ids.has(v)) problems.push({ line, id: e.id, problem: `${name} points at ${v}, not in the export` });
    }
    if (options.checkRequired) {
      for (const r of model.required(e.schema)) if (!e.properties[r]?.length) problems.push({ line, id: e.id, problem: `${e.schema} requires ${r}` });
    }
    return undefined;
  });
  return problems;
}
