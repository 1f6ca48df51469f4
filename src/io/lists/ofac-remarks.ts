/**
 * The OFAC SDN "Remarks" column: birth dates, birthplaces, nationality, gender and
 * identity documents packed into one `; `-separated string ("DOB 03 Jul 1956; POB
 * Dawei, Burma; nationality Burma; Passport 123 (Burma)."). Pure string work.
 */

export interface OfacRemarks {
  birthDate: string[];
  birthPlace: string[];
  nationality: string[];
  citizenship: string[];
  gender: string[];
  /** Identity documents and registration numbers, as written ("Passport 123 (Burma)"). */
  listIds: string[];
  /** Alias names OFAC put in remarks ("a.k.a. 'BNC'"). */
  aliases: string[];
}

const MONTHS: Record<string, string> = {
  jan: "01", feb: "02", mar: "03", apr: "04", may: "05", jun: "06",
  jul: "07", aug: "08", sep: "09", oct: "10", nov: "11", dec: "12",
};

/** One OFAC date phrase to EDTF: "03 Jul 1956", "Jul 1956", "1956", "circa 1956", "1956 to 1958". */
export function ofacDateToEdtf(phrase: string): string | null {
  const p = phrase.trim().replace(/\.$/, "");
  const range = /^(.+?)\s+to\s+(.+)$/i.exec(p);
  if (range) {
    const a = ofacDateToEdtf(range[1]);
    const b = ofacDateToEdtf(range[2]);
    return a && b ? `${a}/${b}` : null;
  }
  const circa = /^circa\s+(.+)$/i.exec(p);
  if (circa) {
    const d = ofacDateToEdtf(circa[1]);
    return d && !d.includes("/") ? `${d}~` : null;
  }
  let m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(p);
  if (m && MONTHS[m[2].toLowerCase()]) return `${m[3]}-${MONTHS[m[2].toLowerCase()]}-${m[1].padStart(2, "0")}`;
  m = /^([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(p);
  if (m && MONTHS[m[1].toLowerCase()]) return `${m[2]}-${MONTHS[m[1].toLowerCase()]}`;
  m = /^(\d{4})$/.exec(p);
  if (m) return m[1];
  return null;
}

const FIELD = /^(DOB|POB|nationality|citizen|Gender)\s+(.+)$/i;
const ID_LIKE = /\d/;
const NOT_IDS = /^(Linked To|Website|Email Address|Telephone|Phone|Fax|Additional Sanctions Information|Secondary sanctions|Organization Established Date|Organization Type|Target Type|Vessel Year of Build|Transactions Prohibited|Executive Order|Effective Date|Listing Date|Digital Currency Address|Alt\. )/i;

/** Splits on `;` outside single quotes (aliases in remarks are quoted and may hold `;`). */
function parts(remarks: string): string[] {
  const clean = (s: string) => s.trim().replace(/\.$/, "").trim();
  if (!remarks.includes("'")) return remarks.split(";").map(clean).filter(Boolean);
  const out: string[] = [];
  let from = 0;
  let quoted = false;
  for (let i = 0; i < remarks.length; i++) {
    const c = remarks[i];
    // A quote opens after a space or a full stop (a.k.a. 'X'), so "O'BRIEN" is not one.
    if (c === "'" && (quoted || i === 0 || /[\s.]/.test(remarks[i - 1]))) quoted = !quoted;
    else if (c === ";" && !quoted) {
      out.push(remarks.slice(from, i));
      from = i + 1;
    }
  }
  out.push(remarks.slice(from));
  return out.map(clean).filter(Boolean);
}

export function parseOfacRemarks(remarks: string | null): OfacRemarks {
  const r: OfacRemarks = { birthDate: [], birthPlace: [], nationality: [], citizenship: [], gender: [], listIds: [], aliases: [] };
  if (!remarks) return r;
  for (const part of parts(remarks)) {
    const aka = /^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+'(.+)'$/i.exec(part);
    if (aka) {
      r.aliases.push(aka[1]);
      continue;
    }
    const m = FIELD.exec(part);
    if (m) {
      const key = m[1].toLowerCase();
      const value = m[2].trim();
      if (key === "dob") {
        const d = ofacDateToEdtf(value);
        if (d) r.birthDate.push(d);
      } else if (key === "pob") r.birthPlace.push(value);
      else if (key === "nationality") r.nationality.push(value);
      else if (key === "citizen") r.citizenship.push(value);
      else r.gender.push(value.toLowerCase());
      continue;
    }
    if (ID_LIKE.test(part) && !NOT_IDS.test(part)) r.listIds.push(part);
  }
  return r;
}
