/**
 * Delegations: "Russia's delegation was led by Colonel-General X, a deputy minister of
 * defence", "The Myanmar delegation was headed by General Y". The state (or body) sending the
 * delegation and the person leading it both take part in the event just reported, and the
 * leader's title, given before the name or in apposition after it, is a post held for the sender.
 */
import { isTitle, OWNER_TYPES } from "./positions.ts";
import type { Mention, Span } from "./types.ts";

export interface Delegation {
  sender: Mention;
  leader: Mention;
  /** The leader's title, when the text gives one. */
  title: string | null;
}

/** "<sender>'s delegation was led by", "the <sender> delegation, headed by", "a delegation from <sender> led by". */
const SENDER_TO_LEADER = /^(?:['’]s)?\s+(?:military\s+|defence\s+|defense\s+|official\s+|high-level\s+)?delegation,?\s+(?:(?:was|were|is|will\s+be)\s+)?(?:led|headed)\s+by\s+(?:the\s+)?$/i;
const FROM_SENDER = /\bdelegation\s+from\s+(?:the\s+)?$/i;
const FROM_TO_LEADER = /^,?\s+(?:(?:was|were|is)\s+)?(?:led|headed)\s+by\s+(?:the\s+)?$/i;
/** ", a deputy minister of defence", ", the chief of general staff": an apposition giving the title. */
const APPOSED_TITLE = /^,\s+(?:a|an|the|its)\s+((?:[\p{L}\-]+\s+){0,5}?[\p{L}\-]+)(?=[,.;]|\s+(?:who|and)\b)/u;

export function findDelegations(text: string, sentence: Span, ms: Mention[], titleRe: RegExp): Delegation[] {
  const out: Delegation[] = [];
  for (let i = 0; i + 1 < ms.length; i++) {
    const sender = ms[i];
    const leader = ms[i + 1];
    if (leader.type !== "Person" || !OWNER_TYPES.has(sender.type)) continue;
    const between = text.slice(sender.end, leader.titleStart ?? leader.start);
    const before = text.slice(Math.max(sentence.start, sender.start - 30), sender.start);
    if (!SENDER_TO_LEADER.test(between) && !(FROM_SENDER.test(before) && FROM_TO_LEADER.test(between))) continue;
    const apposed = APPOSED_TITLE.exec(text.slice(leader.end, sentence.end));
    // The post in apposition says more than a rank before the name.
    const title = apposed && isTitle(titleRe, apposed[1]) ? apposed[1] : (leader.title ?? null);
    out.push({ sender, leader, title });
  }
  return out;
}
