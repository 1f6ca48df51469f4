/**
 * position_held from how texts introduce people: a title before the name with its
 * owner ("Russian Foreign Minister X", "Cambodia's Defence Minister, General X"), the
 * owner after the name ("Commander X of the Myanmar Navy"), or an apposition ("X, the
 * NUG's foreign minister"). Title words come from the lexicon.
 */
import type { Mention, Span } from "./types.ts";

export interface RawPosition {
  person: Mention;
  owner: Mention;
  title: string;
  span: Span;
}

/** What a post is held in: an organisation, a state or a body. */
export const OWNER_TYPES: ReadonlySet<string> = new Set(["Organization", "State", "Body"]);

export function compileTitleWords(titles: string[], ranks: string[]): RegExp {
  const words = new Set<string>();
  for (const t of [...titles, ...ranks]) {
    const w = t.toLowerCase().replace(/\.$/, "");
    if (w.length > 3 && !/^(mr|mrs|ms|dr|sir|daw)$/.test(w)) words.add(w);
  }
  for (const w of ["chief", "head", "leader", "official", "officer", "spokesperson", "joint secretary"]) words.add(w);
  const alt = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  // Up to two words may qualify the title ("chief spokesperson", "managing director", "quartermaster
  // general"), but not ones that put the holder outside what owns it ("jailed opposition leader").
  // Nor ones that rank the holder among others ("the first foreign leader to visit X") rather than name a post.
  const outside = "(?!(?:opposition|rebel|resistance|exiled|jailed|detained|ousted|deposed|self-proclaimed|imprisoned|first|second|third|last|only|sole|latest)\\b)";
  return new RegExp(`^(?:(?:deputy|vice|acting|former|joint|senior)\\s+)*(?:${outside}[\\p{L}\\-]+\\s+){0,2}?(?:${alt.join("|")})$`, "iu");
}

/**
 * "Minister for Defence", "Minister of National Defence": a title whose head is a title word;
 * of "owner and managing director", the last of the titles joined.
 */
export function isTitle(titleRe: RegExp, phrase: string): boolean {
  const p = phrase.trim().replace(/^.*\s(?:and|&)\s+/i, "");
  return titleRe.test(p) || titleRe.test(p.replace(/\s+(?:of|for)\s+.*$/i, ""));
}

/** Between a preposition and its owner: "of the Republic of Singapore", "of the state nuclear corporation Rosatom". */
const OWNER_LEAD = "(?:the\\s+)?(?:(?:Republic|Kingdom|State|Union|Federation|Commonwealth|Sultanate|Socialist\\s+Republic|People['’]s\\s+Republic)\\s+of\\s+(?:the\\s+)?)?(?:\\p{Ll}[\\p{Ll}\\-]*\\s+){0,4}";
/** "X, then Thailand's foreign minister", "X, now the head of …": when the post was held does not change who held it. */
const WHEN = "(?:(?:then|now|currently|formerly|previously|still|also|later|at\\s+the\\s+time)\\s+)?";
/** How a title follows its holder: an apposition (", the …", ", who is the …") or a copula ("is the …", "served as …"). */
const HOLDER_TO_TITLE = "(?:,\\s+(?:who\\s+(?:is|was|has\\s+been)\\s+)?|\\s+(?:is|was|has\\s+been|had\\s+been|became|becomes|remains|remained|serves\\s+as|served\\s+as)\\s+)";
const TITLE_OF_OWNER = new RegExp(`^${HOLDER_TO_TITLE}${WHEN}(?:the\\s+|a\\s+|an\\s+)?((?:[\\p{L}\\-]+\\s+){0,6}?[\\p{L}\\-]+)\\s+(?:of|to|for|in|at)\\s+${OWNER_LEAD}$`, "u");

const APPOSITION_TO_OWNER = new RegExp(`^,\\s+${WHEN}(?:the\\s+)?$`, "i");

/** "Its chief executive, X": a possessive pronoun, a title and the holder's name in apposition. */
const ITS_TITLE = /(?:^|[,;(]\s*|\b(?:and|but|while)\s+)[Ii]ts\s+((?:[\p{L}\-]+\s+){0,3}[\p{L}\-]+),\s*$/u;
/** "Japan was represented by Prime Minister X (and Russia by Foreign Minister Y)": the represented party owns the title. */
const REPRESENTED_BY = /^\s+(?:(?:was|were|is|are|will\s+be)\s+(?:\p{L}+ly\s+)?represented\s+)?by\s+$/u;

/**
 * Positions stated in one sentence. `topic` is what "its" may stand for: the organisation or
 * state the previous sentence is about.
 */
export function findPositions(text: string, sentence: Span, ms: Mention[], titleRe: RegExp, topic: Mention | null = null): RawPosition[] {
  const out: RawPosition[] = [];
  for (let i = 0; i < ms.length; i++) {
    const p = ms[i];
    if (p.type !== "Person" || p.via === "pronoun") continue;
    const from = p.titleStart ?? p.start;
    const prev = ms[i - 1];
    const its = topic && OWNER_TYPES.has(topic.type) ? ITS_TITLE.exec(text.slice(prev ? prev.end : sentence.start, from)) : null;
    if (its && titleRe.test(its[1])) out.push({ person: p, owner: topic!, title: its[1], span: sentence });
    if (prev && OWNER_TYPES.has(prev.type) && p.title && REPRESENTED_BY.test(text.slice(prev.end, from)) && /\brepresented\s+by\b/.test(text.slice(sentence.start, from))) {
      out.push({ person: p, owner: prev, title: p.title, span: sentence });
    }
    // Title of the owner, then the person: "the Secretary-General of ASEAN, Dato X", "the
    // commander of the RSF, widely known as Hemedti" (an acronym in brackets may follow the owner).
    // State media chain titles without commas: "Chairman of the State Administration Council
    // Commander-in-Chief of Defence Services Senior General X".
    if (prev && OWNER_TYPES.has(prev.type) && (/^\)?\s*(?:\([^)]{1,12}\))?,\s+(?:(?:\p{Lu}\p{Ll}+\s+)?|(?:(?:widely|better|popularly|commonly|also|generally)\s+)?(?:known|referred\s+to)\s+as\s+)$/u.test(text.slice(prev.end, from)) || /^\s+$/.test(text.slice(prev.end, from)) || (p.title !== undefined && /^(?:\s+(?:\p{Lu}[\p{L}\-]*|of|the))*\s+$/u.test(text.slice(prev.end, from))))) {
      const owner = ms[i - 2]?.entity === prev.entity ? ms[i - 2] : prev;
      const lead = /((?:[\p{L}\-]+\s+){0,4}[\p{L}\-]+)\s+(?:of|for)\s+(?:the\s+)?(?:[\p{Ll}\-]+\s+)?$/u.exec(text.slice(Math.max(sentence.start, owner.start - 60), owner.start));
      // The shortest run of words before "of" that is a title ("the Secretary-General of ASEAN").
      const words = lead ? lead[1].split(/\s+/) : [];
      for (let k = words.length - 1; k >= 0; k--) {
        const title = words.slice(k).join(" ");
        if (!isTitle(titleRe, title)) continue;
        out.push({ person: p, owner, title, span: sentence });
        break;
      }
    }
    // Owner and title before: "Russian Foreign Minister X", "Cambodia's Defence Minister, General X".
    if (prev && OWNER_TYPES.has(prev.type) && from - prev.end <= 60) {
      const between = text.slice(prev.end, from);
      const m = /^(?:['’]s)?\s+([\p{L}\- ]+?)\s*,?\s*$/u.exec(between);
      if ((from - prev.end <= 1 || /^['’]s\s+$/.test(between)) && p.title) out.push({ person: p, owner: prev, title: p.title, span: sentence });
      else if (m && isTitle(titleRe, m[1])) out.push({ person: p, owner: prev, title: m[1].trim(), span: sentence });
    }
    // Owner after: "X of the Myanmar Navy", "X from the Myanmar military's Office …".
    const next = ms[i + 1];
    if (next && OWNER_TYPES.has(next.type)) {
      const between = text.slice(p.end, next.start);
      if (/^,?\s+(?:of|from)\s+(?:the\s+)?$/i.test(between) && p.title) out.push({ person: p, owner: next, title: p.title, span: sentence });
      // "X, Minister for Defence of the Republic of Singapore", "X, the director general of the state corporation Y".
      const app = TITLE_OF_OWNER.exec(between);
      if (app && isTitle(titleRe, app[1])) out.push({ person: p, owner: next, title: app[1].trim(), span: sentence });
      // "X, the NUG's foreign minister"
      const after = text.slice(next.end, Math.min(sentence.end, next.end + 50));
      const poss = /^['’]s\s+([\p{L}\- ]+?)(?=[,.;)]|\s+(?:told|said|has|had|was|is|and|who)\b|$)/u.exec(after);
      if (APPOSITION_TO_OWNER.test(between) && poss && titleRe.test(poss[1].trim())) out.push({ person: p, owner: next, title: poss[1].trim(), span: sentence });
    }
  }
  return out;
}
