/**
 * Shapes the extraction pipeline reads and writes. The pipeline is pure: everything it
 * knows (predicates, gazetteer entries, word lists) comes in through ExtractInput.
 */

import type { PredicateDef } from "../model/ontology.ts";

/** A predicate as the ontology declares it (the subset the extractor needs). */
export type PredicateSpec = Pick<PredicateDef, "name" | "subject" | "object" | "symmetric" | "qualifiers" | "triggers">;

/** A known entity the recogniser can find by name, alias or demonym. */
export interface GazetteerEntry {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  /** For states: "Russian", "Thai"… */
  demonyms?: string[];
  /** The adjective used when naming a state's organs ("US Navy", "Myanmar military"). */
  adjective?: string;
  attributes?: Record<string, unknown>;
}

/** Word lists from data/gazetteer (titles.yaml, modality.yaml). */
export interface Lexicon {
  ranks: string[];
  titles: string[];
  heads: Record<string, string[]>;
  military: string[];
  branches: string[];
  government: string[];
  eventNouns: string[];
  anaphors: string[];
  representatives: string[];
  /** Of the representatives, those serving in armed forces ("officers", "troops"). */
  militaryRepresentatives: string[];
  /** Plural nouns of people in service ("soldiers", "police officers"): counted, a group that acts. */
  personnel: string[];
  bodyNouns: string[];
  abbreviations: string[];
  notNames: string[];
  functionWords: string[];
  modality: { negation: string[]; call: string[]; planned: string[]; hedge: string[] };
}

export interface Span {
  start: number;
  end: number;
}

/** One place an entity is named in the text. */
export interface Mention extends Span {
  entity: string;
  type: string;
  /** How it was found: gazetteer, dataset, title, military, name, event, acronym, anaphor, pronoun, unknown. */
  via: string;
  /** Entities named inside this mention's span (the body of "ASEAN Chiefs … Meeting"). */
  inner?: string[];
  /** A title or rank written before a person's name, and its span. */
  title?: string;
  titleStart?: number;
}

export interface ExtractedEntity {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  mentions: Span[];
  attributes?: Record<string, unknown>;
}

export interface EntityRef {
  id: string;
  name: string;
  /** Other names the document gives the entity ("SAF" and "Sudanese Armed Forces" for "Sudan military"). */
  aliases?: string[];
}

export interface Evidence {
  source: string;
  start: number;
  end: number;
  quote: string;
}

export type Qualifiers = Record<string, string | number | EntityRef>;

export interface ExtractedClaim {
  id: string;
  predicate: string;
  subject: EntityRef;
  object: EntityRef;
  qualifiers: Qualifiers;
  status: "proposed";
  confidence: number;
  evidence: Evidence[];
}

export interface ExtractInput {
  text: string;
  sourceId: string;
  /** EDTF or YYYY-MM-DD; relative dates resolve against it. */
  published?: string | null;
  predicates: PredicateSpec[];
  gazetteer: GazetteerEntry[];
  lexicon: Lexicon;
  /** Claims below it are dropped (default DEFAULT_MIN_CONFIDENCE). */
  minConfidence?: number;
}

export interface ExtractResult {
  entities: ExtractedEntity[];
  claims: ExtractedClaim[];
}

export const DEFAULT_MIN_CONFIDENCE = 0.5;
