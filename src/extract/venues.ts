/**
 * Where and under whom an event took place, read from the passive that reports it: "The
 * 44th ASEAN Summit was held in Vientiane under the chairmanship of Laos", "the eighth
 * ADMM-Plus, held by video link under Brunei's chairmanship". The state the
 * event was held in (a capital stands for its state) hosted it; the one under whose
 * chairmanship it was held chaired it.
 */
import type { Mention, Span } from "./types.ts";

export interface Venue {
  event: Mention;
  host: Mention | null;
  chair: Mention | null;
  /** The words "was held", for dating and modality. */
  trigger: Span;
}

const HELD = /^(?:\s+(?:was|were|has\s+been|had\s+been)|,\s+(?:which\s+was\s+)?)\s*(?:\p{L}+ly\s+)?(?:held|convened|staged)\b/u;
/** Up to the place or chair, nothing that starts another clause. */
const CLAUSE_BREAK = /[;:]|,\s+(?:and|but|while|which|who|where)\b|\b(?:after|before|because|although)\b/i;

export function findVenues(text: string, sentence: Span, ms: Mention[]): Venue[] {
  const out: Venue[] = [];
  for (let i = 0; i < ms.length; i++) {
    const event = ms[i];
    // A body stands for its meeting: "the eighth ADMM-Plus, held by video link".
    if (event.type !== "Event" && event.type !== "Body") continue;
    const held = HELD.exec(text.slice(event.end, sentence.end));
    if (!held) continue;
    const trigger = { start: event.end + held[0].length - 4, end: event.end + held[0].length };
    let host: Mention | null = null;
    let chair: Mention | null = null;
    for (const x of ms.slice(i + 1)) {
      const between = text.slice(trigger.end, x.start);
      if (CLAUSE_BREAK.test(between)) break;
      if (!host && x.type === "State" && /\bin\s+(?:the\s+)?$/i.test(between)) host = x;
      const chairing = x.type === "State" || x.type === "Person" || x.type === "Organization";
      // "under the chairmanship of Laos", "under Brunei's chairmanship"
      if (!chair && chairing && /\bunder\s+the\s+(?:chairmanship|chairship|presidency)\s+of\s+(?:the\s+)?$/i.test(between)) chair = x;
      if (!chair && chairing && /\bunder\s+$/i.test(between) && /^['’]s\s+(?:chairmanship|chairship|presidency)\b/i.test(text.slice(x.end, x.end + 20))) chair = x;
    }
    if (host || chair) out.push({ event, host, chair, trigger });
  }
  return out;
}
