/**
 * OFAC SDN legacy CSV (sdn.csv, optionally alt.csv and add.csv) → ledger entities and
 * cited `sanctioned` claims from the United States. The traps, all handled here: no
 * header, CRLF, a trailing 0x1A byte, `-0- ` for empty, programs packed as
 * `GLOMAG] [BURMA-EO14014`, birth data inside Remarks, and people written "FAMILY, Given"
 * (kept as listed plus a natural-order alias "Given FAMILY").
 */
import { ChunkBuffer, cite, collectList, invalid, pushUnique, sanctionedClaim, type ChunkSink, type ListFile, type ListSummary, type ParseOptions, type ParsedList } from "./lists/common.ts";
import { cell, csvRecords } from "./lists/csv-records.ts";
import { parseOfacRemarks } from "./lists/ofac-remarks.ts";
import { authority } from "./lists/authorities.ts";

export const OFAC_IMPORTER = { kind: "import", name: "ofac", version: "1" } as const;

/** SDN_Type → FtM schema; an empty type means an organisation. */
const SCHEMA_OF_TYPE: Record<string, string> = { individual: "Person", vessel: "Vessel", aircraft: "Airplane" };

export interface OfacFiles {
  sdn: ListFile;
  alt?: ListFile;
  add?: ListFile;
}

/** "GLOMAG] [BURMA-EO14014" → ["GLOMAG", "BURMA-EO14014"]. */
export function splitPrograms(v: string | null): string[] {
  if (!v) return [];
  return v
    .split(/\]\s*\[/)
    .map((p) => p.replace(/^\[|\]$/g, "").trim())
    .filter(Boolean);
}

/** "HLAING, Min Aung" → "Min Aung HLAING"; null when the name has no comma. */
export function naturalOrder(name: string): string | null {
  const i = name.indexOf(",");
  if (i <= 0) return null;
  const family = name.slice(0, i).trim();
  const given = name.slice(i + 1).trim();
  return family && given ? `${given} ${family}` : null;
}

export function ofacEntityId(entNum: string): string {
  return `ofac:${entNum}`;
}

function entNumOf(v: string | undefined, file: string, line: number): string {
  const t = (v ?? "").trim();
  if (!/^\d+$/.test(t)) throw invalid(`ent_num is not a number: ${JSON.stringify(t)}`, file, line, "ent_num");
  return t;
}

interface AltRow { type: string | null; name: string }
interface AddRow { address: string | null; city: string | null; country: string | null }

/** The side files are read whole first (they are small, keyed by ent_num); the SDN file streams. */
function readAlt(file: ListFile): Map<string, AltRow[]> {
  const out = new Map<string, AltRow[]>();
  for (const r of csvRecords(file, 5)) {
    const ent = entNumOf(r.fields[0], file.file, r.line);
    const name = cell(r.fields[3]);
    if (!name) continue;
    const list = out.get(ent);
    const row = { type: cell(r.fields[2])?.toLowerCase() ?? null, name };
    if (list) list.push(row);
    else out.set(ent, [row]);
  }
  return out;
}

function readAdd(file: ListFile): Map<string, AddRow[]> {
  const out = new Map<string, AddRow[]>();
  for (const r of csvRecords(file, 6)) {
    const ent = entNumOf(r.fields[0], file.file, r.line);
    const list = out.get(ent);
    const row = { address: cell(r.fields[2]), city: cell(r.fields[3]), country: cell(r.fields[4]) };
    if (list) list.push(row);
    else out.set(ent, [row]);
  }
  return out;
}

/** Reads the files, emitting entities and claims in chunks as the SDN file is read. */
export async function streamOfac(files: OfacFiles, opts: ParseOptions, emit: ChunkSink): Promise<ListSummary> {
  const alt = files.alt ? readAlt(files.alt) : new Map<string, AltRow[]>();
  const add = files.add ? readAdd(files.add) : new Map<string, AddRow[]>();
  const auth = authority("ofac");
  const out = new ChunkBuffer(emit);
  out.authority({ ...auth, dataset: opts.dataset });
  const seen = new Set<string>();
  let joinedAlt = 0;
  let joinedAdd = 0;
  const total = files.sdn.text.length;
  for (const r of csvRecords(files.sdn, 12)) {
    const f = r.fields;
    const entNum = entNumOf(f[0], files.sdn.file, r.line);
    if (seen.has(entNum)) throw invalid(`ent_num ${entNum} is listed twice`, files.sdn.file, r.line, "ent_num");
    seen.add(entNum);
    const name = cell(f[1]);
    if (!name) throw invalid("SDN_Name is empty", files.sdn.file, r.line, "SDN_Name");
    const sdnType = cell(f[2])?.toLowerCase() ?? null;
    const schema = (sdnType && SCHEMA_OF_TYPE[sdnType]) || "Organization";
    const isPerson = schema === "Person";
    const programs = splitPrograms(cell(f[3]));
    const remarksText = cell(f[11]);
    const remarks = parseOfacRemarks(remarksText);

    const aliases: string[] = [];
    if (isPerson) pushUnique(aliases, naturalOrder(name));
    const previousNames: string[] = [];
    const alts = alt.get(entNum);
    if (alts) {
      joinedAlt += alts.length;
      for (const a of alts) {
        pushUnique(aliases, a.name);
        if (isPerson) pushUnique(aliases, naturalOrder(a.name));
        if (a.type === "fka") pushUnique(previousNames, a.name);
      }
    }
    pushUnique(aliases, ...remarks.aliases);
    const country: string[] = [];
    const addresses: string[] = [];
    const adds = add.get(entNum);
    if (adds) {
      joinedAdd += adds.length;
      for (const a of adds) {
        pushUnique(country, a.country);
        pushUnique(addresses, [a.address, a.city, a.country].filter(Boolean).join(", "));
      }
    }

    const attributes: Record<string, unknown> = {
      schema,
      ofacEntNum: entNum,
      programs,
      birthDate: remarks.birthDate,
      birthPlace: remarks.birthPlace,
      nationality: remarks.nationality,
      citizenship: remarks.citizenship,
      country,
      listIds: remarks.listIds,
    };
    if (remarks.gender.length) attributes.gender = remarks.gender;
    if (remarksText) attributes.remarks = remarksText;
    if (addresses.length) attributes.addresses = addresses;
    if (previousNames.length) attributes.previousNames = previousNames;
    const title = cell(f[4]);
    if (title) attributes.title = title;
    if (schema === "Vessel" || schema === "Airplane") {
      const vessel: Record<string, string> = {};
      const keys = ["callSign", "type", "tonnage", "grossRegisteredTonnage", "flag", "owner"];
      keys.forEach((k, i) => {
        const v = cell(f[5 + i]);
        if (v) vessel[k] = v;
      });
      attributes.vessel = vessel;
    }

    const id = ofacEntityId(entNum);
    out.add(
      { id, type: isPerson ? "Person" : "Organization", name, aliases: aliases.filter((a) => a !== name), attributes, dataset: opts.dataset, mergedInto: null },
      sanctionedClaim({
        dataset: opts.dataset,
        authority: auth.id,
        listed: id,
        programs,
        date: null, // the legacy CSV does not give listing dates
        origin: OFAC_IMPORTER,
        citation: cite(files.sdn, r.start, r.end),
        now: opts.now,
      }),
    );
    if (out.full) {
      opts.onProgress?.(r.end, total);
      await out.flush();
    }
  }
  await out.flush(true);
  opts.onProgress?.(total, total);
  const count = (m: Map<string, unknown[]>) => [...m.values()].reduce((n, l) => n + l.length, 0);
  return {
    stats: {
      records: seen.size,
      altRows: count(alt),
      altUnjoined: count(alt) - joinedAlt,
      addRows: count(add),
      addUnjoined: count(add) - joinedAdd,
    },
  };
}

/** The whole list at once (tests, the parse-only benchmark). */
export function parseOfac(files: OfacFiles, opts: ParseOptions): Promise<ParsedList> {
  return collectList((emit) => streamOfac(files, opts, emit));
}
