/**
 * UN Security Council consolidated list (XML) → ledger entities and cited `sanctioned`
 * claims from the Security Council. Read with a streaming SAX parser; each INDIVIDUAL or
 * ENTITY element is one entry, cited by its element's span in the text. Names are the
 * FIRST…FOURTH_NAME parts joined; NAME_ORIGINAL_SCRIPT and "Good" aliases become
 * aliases, "Low" quality aliases go to attributes.weakAliases (screening decides).
 */
import { SaxesParser } from "saxes";
import { isDossierError } from "../errors/index.ts";
import type { Claim, Entity } from "../model/types.ts";
import { ChunkBuffer, cite, collectList, invalid, LineCounter, pushUnique, sanctionedClaim, type ChunkSink, type ListFile, type ListSummary, type ParseOptions, type ParsedList } from "./lists/common.ts";
import { authority } from "./lists/authorities.ts";

export const UN_IMPORTER = { kind: "import", name: "un", version: "1" } as const;

const ENTRY = new Set(["INDIVIDUAL", "ENTITY"]);
const GROUP = /_(ALIAS|ADDRESS|DATE_OF_BIRTH|PLACE_OF_BIRTH|DOCUMENT)$/;
const NAME_PARTS = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

/** Text of the leaf elements of one entry, keyed by their path below it (ALIAS/ALIAS_NAME). */
interface Entry {
  tag: string;
  /** Stack depth of the entry's own element. */
  depth: number;
  start: number;
  line: number;
  fields: Map<string, string[]>;
  /** Child groups (INDIVIDUAL_ALIAS, …) as their own small maps, in order. */
  groups: { tag: string; fields: Map<string, string> }[];
}

function first(e: Entry, key: string): string | null {
  return e.fields.get(key)?.[0]?.trim() || null;
}

/** A DATE_OF_BIRTH group → EDTF: DATE, YEAR, or FROM_YEAR/TO_YEAR; APPROXIMATELY adds `~`. */
export function unBirthDate(g: Map<string, string>): string | null {
  const type = (g.get("TYPE_OF_DATE") ?? "").trim().toUpperCase();
  const date = g.get("DATE")?.trim();
  const year = g.get("YEAR")?.trim();
  const from = g.get("FROM_YEAR")?.trim();
  const to = g.get("TO_YEAR")?.trim();
  let v: string | null = null;
  if (date && /^\d{4}(-\d{2}(-\d{2})?)?/.test(date)) v = date.slice(0, 10);
  else if (year && /^\d{4}$/.test(year)) v = year;
  else if (from && to && /^\d{4}$/.test(from) && /^\d{4}$/.test(to)) return `${from}/${to}`;
  if (v && type === "APPROXIMATELY") v += "~";
  return v;
}

function toEntity(e: Entry, end: number, file: ListFile, opts: ParseOptions): { entity: Entity; claim: Claim } {
  const ref = first(e, "REFERENCE_NUMBER") ?? first(e, "DATAID");
  if (!ref) throw invalid(`${e.tag} has neither REFERENCE_NUMBER nor DATAID`, file.file, e.line);
  const name = NAME_PARTS.map((k) => first(e, k)).filter(Boolean).join(" ").replace(/\s+/g, " ");
  if (!name) throw invalid(`${e.tag} ${ref} has no name`, file.file, e.line, "FIRST_NAME");
  const isPerson = e.tag === "INDIVIDUAL";
  const aliases: string[] = [];
  const weakAliases: string[] = [];
  pushUnique(aliases, ...(e.fields.get("NAME_ORIGINAL_SCRIPT") ?? []));
  const birthDate: string[] = [];
  const country: string[] = [];
  const birthPlace: string[] = [];
  const listIds: string[] = [];
  for (const g of e.groups) {
    if (g.tag.endsWith("_ALIAS")) {
      const alias = g.fields.get("ALIAS_NAME")?.trim();
      if (!alias) continue;
      if ((g.fields.get("QUALITY") ?? "").trim().toLowerCase() === "low") pushUnique(weakAliases, alias);
      else pushUnique(aliases, alias);
    } else if (g.tag === "INDIVIDUAL_DATE_OF_BIRTH") {
      pushUnique(birthDate, unBirthDate(g.fields));
    } else if (g.tag.endsWith("_ADDRESS")) {
      pushUnique(country, g.fields.get("COUNTRY"));
    } else if (g.tag === "INDIVIDUAL_PLACE_OF_BIRTH") {
      const place = ["CITY", "STATE_PROVINCE", "COUNTRY"].map((k) => g.fields.get(k)?.trim()).filter(Boolean).join(", ");
      pushUnique(birthPlace, place);
    } else if (g.tag === "INDIVIDUAL_DOCUMENT") {
      const doc = [g.fields.get("TYPE_OF_DOCUMENT"), g.fields.get("NUMBER"), g.fields.get("ISSUING_COUNTRY") && `(${g.fields.get("ISSUING_COUNTRY")})`]
        .map((s) => s?.trim())
        .filter(Boolean)
        .join(" ");
      if (g.fields.get("NUMBER")?.trim()) pushUnique(listIds, doc);
    }
  }
  const programs: string[] = [];
  pushUnique(programs, first(e, "UN_LIST_TYPE"));
  const listedOn = first(e, "LISTED_ON");
  const date = listedOn && /^\d{4}-\d{2}-\d{2}/.test(listedOn) ? listedOn.slice(0, 10) : null;
  const attributes: Record<string, unknown> = {
    schema: isPerson ? "Person" : "Organization",
    unReference: first(e, "REFERENCE_NUMBER"),
    unDataId: first(e, "DATAID"),
    programs,
    birthDate,
    birthPlace,
    nationality: (e.fields.get("NATIONALITY/VALUE") ?? []).map((s) => s.trim()).filter(Boolean),
    country,
    listIds,
  };
  if (weakAliases.length) attributes.weakAliases = weakAliases;
  const remarks = first(e, "COMMENTS1");
  if (remarks) attributes.remarks = remarks;
  const titles = (e.fields.get("TITLE/VALUE") ?? []).map((s) => s.trim()).filter(Boolean);
  if (titles.length) attributes.title = titles;
  const positions = (e.fields.get("DESIGNATION/VALUE") ?? []).map((s) => s.trim()).filter(Boolean);
  if (positions.length) attributes.position = positions;
  const gender = first(e, "GENDER");
  if (gender) attributes.gender = [gender.toLowerCase()];
  if (listedOn) attributes.listedOn = listedOn;
  const id = `un:${ref}`;
  const auth = authority("un");
  return {
    entity: { id, type: isPerson ? "Person" : "Organization", name, aliases: aliases.filter((a) => a !== name), attributes, dataset: opts.dataset, mergedInto: null },
    claim: sanctionedClaim({
      dataset: opts.dataset,
      authority: auth.id,
      listed: id,
      programs,
      date,
      origin: UN_IMPORTER,
      citation: cite(file, e.start, end),
      now: opts.now,
    }),
  };
}

const CHUNK = 1 << 16;

/** Reads the list, emitting entries in chunks as the XML is read. */
export async function streamUn(file: ListFile, opts: ParseOptions, emit: ChunkSink): Promise<ListSummary> {
  const out = new ChunkBuffer(emit);
  out.authority({ ...authority("un"), dataset: opts.dataset });
  const seen = new Set<string>();
  const lines = new LineCounter(file.text);
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  let entry: Entry | null = null;
  let group: { tag: string; fields: Map<string, string> } | null = null;
  let textBuf = "";
  let published: string | null = null;
  let failure: unknown = null;

  parser.on("opentagstart", (tag) => {
    stack.push(tag.name);
    textBuf = "";
    if (!entry && ENTRY.has(tag.name)) {
      const start = parser.position - tag.name.length - 2;
      entry = { tag: tag.name, depth: stack.length, start, line: lines.at(start), fields: new Map(), groups: [] };
    } else if (entry && stack.length === entry.depth + 1 && GROUP.test(tag.name)) {
      group = { tag: tag.name, fields: new Map() };
      entry.groups.push(group);
    }
  });
  parser.on("opentag", (tag) => {
    if (tag.name === "CONSOLIDATED_LIST") {
      const generated = String((tag.attributes as Record<string, unknown>).dateGenerated ?? "");
      if (/^\d{4}-\d{2}-\d{2}/.test(generated)) published = generated.slice(0, 10);
    }
  });
  parser.on("text", (t) => {
    textBuf += t;
  });
  parser.on("cdata", (t) => {
    textBuf += t;
  });
  parser.on("closetag", (tag) => {
    const name = tag.name;
    if (entry) {
      if (stack.length === entry.depth) {
        const { entity, claim } = toEntity(entry, parser.position, file, opts);
        if (seen.has(entity.id)) throw invalid(`${entity.id} is listed twice`, file.file, entry.line);
        seen.add(entity.id);
        out.add(entity, claim);
        entry = null;
        group = null;
      } else if (group && stack.length === entry.depth + 1) {
        group = null;
      } else if (group) {
        if (textBuf.trim()) group.fields.set(name, textBuf);
      } else if (textBuf.trim()) {
        // A leaf under the entry, or a VALUE under a wrapper (NATIONALITY/VALUE).
        const key = stack.length === entry.depth + 1 ? name : `${stack[stack.length - 2]}/${name}`;
        const list = entry.fields.get(key) ?? [];
        list.push(textBuf);
        entry.fields.set(key, list);
      }
    }
    stack.pop();
    textBuf = "";
  });
  let failureLine = 1;
  parser.on("error", (e) => {
    if (!failure) failureLine = parser.line || 1;
    failure ??= e;
  });

  const text = file.text;
  // Parser failures are caught apart from the awaited store writes: only the former are malformed XML.
  const feed = (write: () => void) => {
    try {
      write();
    } catch (e) {
      failure ??= e;
    }
  };
  for (let i = 0; i < text.length && !failure; i += CHUNK) {
    feed(() => parser.write(text.slice(i, i + CHUNK)));
    if (failure) break;
    opts.onProgress?.(Math.min(i + CHUNK, text.length), text.length);
    await out.flush();
  }
  if (!failure) feed(() => parser.close());
  if (failure) {
    if (isDossierError(failure)) throw failure;
    // saxes prefixes its messages with its own position; ours is file:line.
    throw invalid(`malformed XML: ${(failure as Error).message.replace(/^[^:]*:\d+:\d+: /, "")}`, file.file, failureLine, undefined, failure);
  }
  if (!seen.size) throw invalid("no INDIVIDUAL or ENTITY elements found", file.file, 1);
  await out.flush(true);
  return { stats: { records: seen.size }, published };
}

/** The whole list at once (tests, the parse-only benchmark). */
export function parseUn(file: ListFile, opts: ParseOptions): Promise<ParsedList> {
  return collectList((emit) => streamUn(file, opts, emit));
}
