/**
 * Is a trigger asserted as fact? Reads the cue lists of data/gazetteer/modality.yaml
 * around it: a denial ("did not attend"), a call ("should boycott", a numbered
 * recommendation, an imperative), a plan or hypothetical ("will host", "to be held"),
 * and hedges ("reportedly") that only lower confidence.
 */
import type { Lexicon, Span } from "./types.ts";

/** A heading or lead-in that turns the numbered items after it into calls. */
const RECOMMENDING = /(?:^|\n)\s*(?:[\p{L} ]{0,40}\b(?:recommendations?|we\s+(?:call|urge|ask)|call(?:s|ed)?\s+(?:on|to|for)|urges?|demands?|what\s+(?:\p{L}+\s+)?(?:should|must))\b[^\n]{0,200})\n/iu;

export type Modality = "negated" | "call" | "planned" | null;

export interface CompiledModality {
  negation: RegExp;
  call: RegExp;
  planned: RegExp;
  plannedAfter: RegExp;
  hedge: RegExp;
}

function alternation(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/'/g, "['’]").replace(/ /g, "\\s+"))
    .join("|");
}

export function compileModality(lex: Lexicon): CompiledModality {
  const m = lex.modality;
  return {
    // Near the trigger: at most four words between cue and trigger.
    negation: new RegExp(`\\b(?:${alternation(m.negation)})\\b(?:\\s+\\S+){0,3}\\s*$`, "i"),
    call: new RegExp(`\\b(?:${alternation(m.call)})\\b`, "i"),
    planned: new RegExp(`\\b(?:${alternation(m.planned)})\\b(?:\\s+\\S+){0,3}\\s*$`, "i"),
    plannedAfter: /^\S*\s+(?:to\s+be\s+held|is\s+to|are\s+to)\b/i,
    hedge: new RegExp(`\\b(?:${alternation(m.hedge)})\\b`, "i"),
  };
}

export interface ModalityReading {
  modality: Modality;
  hedged: boolean;
}

/**
 * `clauseStart` is where the trigger's clause begins; `lineStart` where its line begins
 * (numbered recommendation lists are calls).
 */
export function readModality(text: string, sentence: Span, clauseStart: number, trigger: Span, cm: CompiledModality, lineStart: number): ModalityReading {
  const before = text.slice(clauseStart, trigger.start);
  const near = text.slice(Math.max(clauseStart, trigger.start - 60), trigger.start);
  const hedged = cm.hedge.test(text.slice(sentence.start, sentence.end));
  // A numbered item is a call when it stands under a heading that asks ("Recommendations",
  // "We call on…"); numbered paragraphs of a press release report.
  const line = text.slice(lineStart, sentence.start + 6);
  if (/^\s*(\d+|[a-z]|[ivx]+)[.)]\s/i.test(line) && sentence.start - lineStart < 8 && RECOMMENDING.test(text.slice(Math.max(0, lineStart - 3000), lineStart))) return { modality: "call", hedged };
  // An imperative: the sentence opens with the trigger itself.
  if (trigger.start - sentence.start <= 1 && /^\p{Lu}/u.test(text[trigger.start]) && !/(ed|s)$/i.test(text.slice(trigger.start, trigger.end).split(/\s/)[0])) return { modality: "call", hedged };
  if (cm.negation.test(near)) return { modality: "negated", hedged };
  if (cm.call.test(before)) return { modality: "call", hedged };
  if (cm.planned.test(near) || cm.plannedAfter.test(text.slice(trigger.end, trigger.end + 30))) return { modality: "planned", hedged };
  return { modality: null, hedged };
}
