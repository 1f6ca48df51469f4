/**
 * Ledger → FollowTheMoney entities. Entities imported from FtM come back exactly as they
 * came (id, schema, caption, properties, datasets…); other entities get a schema from
 * attributes.schema or their type and the properties the model allows them. Claims
 * become interval entities where FtM has one:
 *   sanctioned    → Sanction (entity, authority = subject's name, program, startDate)
 *   member_of     → Membership (member, organization, role, startDate, endDate)
 *   chaired       → Membership with role = the claim's role, else "chair": FtM has no
 *                   chair relation, and a chair is a member holding that role
 *   position_held → Directorship (director, organization, role = title)
 *   part_of       → Ownership (asset, owner) when kind is "ownership"
 *   anything else → UnknownLink (subject, object, role = the predicate)
 * Claims imported from FtM intervals carry their original record and are written back
 * as that record. Only accepted claims are exported: proposed or rejected ones are not
 * facts. Every property is checked against the model; what the model lacks is dropped.
 */
import type { Claim, Entity } from "../model/types.ts";
import { sha256Hex } from "../model/canonical.ts";
import type { FtmEntityJson, FtmModel } from "./ftm-model.ts";

const SCHEMA_OF_TYPE: Record<string, string> = {
  Person: "Person",
  Organization: "Organization",
  State: "PublicBody",
  Body: "Organization",
  Place: "Address",
  Event: "Event",
};
/** FtM country codes: lowercase ISO 3166-1 alpha-2, FtM's region codes (ge-ab) and historic ones (suhh, csxx). */
const COUNTRY_CODE = /^[a-z]{2}(-[a-z]{2,3})?$|^(suhh|csxx|yucs|ddde)$/;
const META = ["datasets", "referents", "target", "first_seen", "last_seen", "last_change"];

/** The FtM id of a ledger entity: its original FtM id, else the ledger id with `:` → `-`. */
export function ftmIdOf(e: Entity): string {
  const original = e.attributes.ftmId;
  return typeof original === "string" && original ? original : e.id.replace(/:/g, "-");
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "") : typeof v === "string" && v.trim() ? [v] : []);

/** FtM dates are plain ISO prefixes: EDTF `1956~` → 1956, `1973/1974` → both years. */
function ftmDates(values: string[]): string[] {
  return values.flatMap((v) => v.split("/")).map((v) => v.replace(/[~?%]/g, "")).filter((v) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v));
}

export class FtmExporter {
  constructor(private readonly model: FtmModel) {}

  private schemaOf(e: Entity): string {
    const s = e.attributes.schema;
    if (typeof s === "string" && this.model.has(s) && !this.model.isAbstract(s)) return s;
    return SCHEMA_OF_TYPE[e.type] ?? "Organization";
  }

  /**
   * Keeps only properties the schema has and non-empty string values. Country-typed
   * properties take ISO-style codes only: the lists write country names ("Burma"), which
   * go to notes as "nationality: Burma" rather than into a field FtM reads as a code.
   */
  private clean(schema: string, props: Record<string, string[]>): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const notes: string[] = [];
    for (const [k, vs] of Object.entries(props)) {
      const prop = this.model.property(schema, k);
      if (!prop) continue;
      let list = [...new Set(vs.filter((v) => typeof v === "string" && v !== ""))];
      if (prop.type === "country") {
        for (const v of list) if (!COUNTRY_CODE.test(v)) notes.push(`${k}: ${v}`);
        list = list.filter((v) => COUNTRY_CODE.test(v));
      }
      if (list.length) out[k] = list;
    }
    if (notes.length && this.model.property(schema, "notes")) out.notes = [...(out.notes ?? []), ...notes];
    return out;
  }

  /** One ledger entity and the FtM records kept on it (attributes.ftmLinked). */
  entity(e: Entity): FtmEntityJson[] {
    const out: FtmEntityJson[] = [];
    const a = e.attributes;
    const schema = this.schemaOf(e);
    let properties: Record<string, string[]>;
    const verbatim = a.properties && typeof a.properties === "object" && typeof a.ftmId === "string";
    if (verbatim) properties = a.properties as Record<string, string[]>;
    else {
      const p: Record<string, string[]> = {
        name: [e.name],
        alias: e.aliases,
        weakAlias: strings(a.weakAliases),
        previousName: strings(a.previousNames),
        birthDate: ftmDates(strings(a.birthDate)),
        birthPlace: strings(a.birthPlace),
        nationality: strings(a.nationality),
        citizenship: strings(a.citizenship),
        gender: strings(a.gender),
        position: strings(a.position),
        title: strings(a.title),
        notes: strings(a.remarks),
        address: strings(a.addresses),
        idNumber: strings(a.listIds),
        programId: strings(a.programs),
      };
      p.country = strings(a.country);
      properties = this.clean(schema, p);
    }
    const rec: FtmEntityJson = { id: ftmIdOf(e), schema, properties };
    if (typeof a.caption === "string") rec.caption = a.caption;
    else rec.caption = e.name;
    const meta = (a.ftm ?? {}) as Record<string, unknown>;
    for (const k of META) if (meta[k] !== undefined) rec[k] = meta[k];
    out.push(rec);
    for (const linked of Array.isArray(a.ftmLinked) ? (a.ftmLinked as FtmEntityJson[]) : []) {
      const l: FtmEntityJson = { id: linked.id, schema: linked.schema, properties: linked.properties };
      if (linked.caption !== undefined) l.caption = linked.caption;
      const lm = (linked.ftm ?? {}) as Record<string, unknown>;
      for (const k of META) if (lm[k] !== undefined) l[k] = lm[k];
      out.push(l);
    }
    return out;
  }

  /**
   * One claim as an FtM interval, or null when it is not exportable (not accepted).
   * `ids` maps ledger entity ids to exported FtM ids; `names` gives subject names.
   */
  claim(c: Claim, ids: (ledgerId: string) => string, nameOf: (ledgerId: string) => string | undefined): FtmEntityJson | null {
    if (c.status !== "accepted") return null;
    const q = c.qualifiers;
    if (typeof q.ftm_id === "string" && typeof q.ftm_schema === "string" && this.model.has(q.ftm_schema)) {
      const properties: Record<string, string[]> = {};
      for (const [k, v] of Object.entries(q)) if (k.startsWith("ftm:")) properties[k.slice(4)] = strings(v);
      const rec: FtmEntityJson = { id: q.ftm_id, schema: q.ftm_schema, properties };
      if (typeof q.ftm_caption === "string") rec.caption = q.ftm_caption;
      for (const k of META) if (q[`ftm_meta:${k}`] !== undefined) rec[k] = q[`ftm_meta:${k}`];
      return rec;
    }
    const str = (k: string) => (typeof q[k] === "string" && q[k] ? [q[k] as string] : []);
    const subject = ids(c.subject);
    const object = ids(c.object);
    const span = { startDate: ftmDates([...str("start"), ...str("date").map((d) => d.split("/")[0])]).slice(0, 1), endDate: ftmDates([...str("end"), ...str("date").filter((d) => d.includes("/")).map((d) => d.split("/")[1])]).slice(0, 1) };
    let schema: string;
    let props: Record<string, string[]>;
    const predicate = c.predicate === "part_of" && q.kind !== "ownership" ? "part_of (other)" : c.predicate;
    switch (predicate) {
      case "sanctioned":
        schema = "Sanction";
        props = { entity: [object], authority: [nameOf(c.subject) ?? c.subject], program: str("program").flatMap((p) => p.split("; ")), reason: str("reason"), provisions: str("measure"), ...span };
        break;
      case "member_of":
        schema = "Membership";
        props = { member: [subject], organization: [object], role: str("role"), ...span };
        break;
      case "chaired":
        schema = "Membership";
        props = { member: [subject], organization: [object], role: str("role").length ? str("role") : ["chair"], ...span };
        break;
      case "position_held":
        schema = "Directorship";
        props = { director: [subject], organization: [object], role: [...str("title"), ...str("role")], ...span };
        break;
      case "part_of":
        schema = "Ownership";
        props = { asset: [subject], owner: [object], role: str("role"), ...span };
        break;
      default:
        // Includes part_of that is not ownership: FtM has no general part-of relation.
        schema = "UnknownLink";
        props = { subject: [subject], object: [object], role: [c.predicate.replace(/_/g, " ")], ...span };
    }
    return { id: `dossier-claim-${sha256Hex(c.id).slice(0, 24)}`, schema, caption: c.predicate, properties: this.clean(schema, props) };
  }
}
