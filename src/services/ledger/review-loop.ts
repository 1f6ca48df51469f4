/**
 * The interactive review loop: one proposed claim at a time, one key per decision
 * (a accept, r reject, e edit, s skip, q quit). Reads keypresses from whatever stream it is
 * given and writes to whatever stream it is given, so a terminal drives it in raw mode and
 * a test drives it with a scripted stream. Decisions go through review.ts as they are made:
 * quitting halfway keeps what was decided.
 */
import { emitKeypressEvents } from "node:readline";
import type { Store } from "../../store/store.ts";
import { acceptClaims, editClaim, rejectClaims, type ClaimEdit, type Decision } from "./review.ts";
import { claimText } from "./present.ts";
import { contextText, reviewItems, type ReviewItem } from "./queue.ts";
import { asDossierError } from "../../errors/index.ts";

export interface ReviewActions {
  accept(id: string): Promise<Decision[]>;
  reject(id: string, reason: string): Promise<Decision[]>;
  edit(id: string, edit: ClaimEdit): Promise<Decision[]>;
  /** The claim as it stands after an edit, to show it again before the next key. */
  reload(id: string): Promise<ReviewItem | null>;
}

/** The loop's decisions carried out on a store, each in its own transaction. */
export function reviewActions(store: Store, opts: { actor: string }): ReviewActions {
  return {
    accept: (id) => acceptClaims(store, [id], opts),
    reject: (id, reason) => rejectClaims(store, [id], { ...opts, reason }),
    edit: (id, edit) => editClaim(store, id, edit, opts),
    reload: async (id) => {
      const claim = await store.getClaim(id);
      return claim ? ((await reviewItems(store, [claim]))[0] ?? null) : null;
    },
  };
}

export interface LoopStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  output: NodeJS.WritableStream;
}

export interface LoopSummary {
  accepted: string[];
  rejected: string[];
  merged: { id: string; into: string }[];
  edited: string[];
  skipped: string[];
  quit: boolean;
}

interface Key {
  str: string | undefined;
  name: string | undefined;
  ctrl: boolean;
}

/** Keypresses as a queue one can await; null once the input ends. */
class Keys {
  private queue: Key[] = [];
  private waiting: ((k: Key | null) => void) | null = null;
  private ended = false;
  private readonly onKey = (str: string | undefined, key: { name?: string; ctrl?: boolean } | undefined) => {
    this.push({ str, name: key?.name, ctrl: Boolean(key?.ctrl) });
  };
  private readonly onEnd = () => {
    this.ended = true;
    this.waiting?.(null);
    this.waiting = null;
  };

  constructor(private readonly input: LoopStreams["input"]) {
    emitKeypressEvents(input);
    input.on("keypress", this.onKey);
    input.on("end", this.onEnd);
    input.resume();
  }

  private push(k: Key): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w(k);
    } else this.queue.push(k);
  }

  next(): Promise<Key | null> {
    const k = this.queue.shift();
    if (k) return Promise.resolve(k);
    if (this.ended) return Promise.resolve(null);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  close(): void {
    this.input.off("keypress", this.onKey);
    this.input.off("end", this.onEnd);
    this.input.pause();
  }
}

const isInterrupt = (k: Key) => k.ctrl && (k.name === "c" || k.name === "d");

/** A line typed key by key (raw mode gives no line editing): Enter ends, Escape cancels. */
async function readLine(keys: Keys, out: NodeJS.WritableStream, prompt: string): Promise<string | null> {
  out.write(prompt);
  let line = "";
  for (;;) {
    const k = await keys.next();
    if (!k || isInterrupt(k) || k.name === "escape") {
      out.write("\n");
      return null;
    }
    if (k.name === "return" || k.name === "enter") {
      out.write("\n");
      return line;
    }
    if (k.name === "backspace") {
      if (line) {
        line = line.slice(0, -1);
        out.write("\b \b");
      }
      continue;
    }
    if (k.str && !k.ctrl && k.str >= " ") {
      line += k.str;
      out.write(k.str);
    }
  }
}

const EDIT_FIELDS = new Set(["subject", "object", "predicate", "date", "start", "end"]);

/** `field=value; field=value` typed by the reviewer, as an edit. */
export function parseEditLine(line: string): ClaimEdit | null {
  const edit: ClaimEdit = {};
  const set: string[] = [];
  for (const part of line.split(";").map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    const field = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (EDIT_FIELDS.has(field)) (edit as Record<string, string>)[field] = value;
    else set.push(`${field}=${value}`);
  }
  if (set.length) edit.set = set;
  return Object.keys(edit).length ? edit : null;
}

function render(item: ReviewItem, index: number, total: number): string {
  const c = item.claim;
  const head = `\n[${index + 1}/${total}] ${c.predicate}${c.confidence !== null ? `  confidence ${c.confidence.toFixed(2)}` : ""}`;
  const ctx = item.context.length ? item.context.map((x) => `  ${contextText(x)}`).join("\n") : "  (no archived quote)";
  return `${head}\n${claimText(c, "  ")}\n${ctx}\n`;
}

const PROMPT = "a accept · r reject · e edit · s skip · q quit > ";

export async function runReviewLoop(items: ReviewItem[], actions: ReviewActions, io: LoopStreams): Promise<LoopSummary> {
  const summary: LoopSummary = { accepted: [], rejected: [], merged: [], edited: [], skipped: [], quit: false };
  const out = io.output;
  const raw = Boolean(io.input.isTTY && io.input.setRawMode);
  if (raw) io.input.setRawMode!(true);
  const keys = new Keys(io.input);
  const record = (ds: Decision[]) => {
    for (const d of ds) {
      if (d.action === "accepted") summary.accepted.push(d.id);
      else if (d.action === "rejected") summary.rejected.push(d.id);
      else if (d.action === "merged") summary.merged.push({ id: d.id, into: d.into! });
      else if (d.action === "edited") summary.edited.push(d.id);
    }
  };
  try {
    if (items.length === 0) out.write("Nothing to review.\n");
    outer: for (let i = 0; i < items.length; i++) {
      let item = items[i]!;
      out.write(render(item, i, items.length));
      for (;;) {
        out.write(PROMPT);
        const k = await keys.next();
        if (!k || isInterrupt(k)) {
          out.write("\n");
          summary.quit = true;
          break outer;
        }
        const name = (k.name ?? k.str ?? "").toLowerCase();
        out.write(name + "\n");
        try {
          if (name === "a") {
            const ds = await actions.accept(item.claim.id);
            record(ds);
            const last = ds[ds.length - 1];
            out.write(last?.action === "merged" ? `duplicate: its citations now support ${last.into}\n` : "accepted\n");
            break;
          } else if (name === "r") {
            const reason = await readLine(keys, out, "reason: ");
            if (!reason?.trim()) {
              out.write("not rejected (a reason is required)\n");
              continue;
            }
            record(await actions.reject(item.claim.id, reason.trim()));
            out.write("rejected\n");
            break;
          } else if (name === "e") {
            const line = await readLine(keys, out, "field=value (subject, object, predicate, date, start, end or a qualifier; several with ;): ");
            if (line === null || !line.trim()) continue;
            const edit = parseEditLine(line);
            if (!edit) {
              out.write("expected field=value\n");
              continue;
            }
            record(await actions.edit(item.claim.id, edit));
            item = (await actions.reload(item.claim.id)) ?? item;
            out.write(render(item, i, items.length));
          } else if (name === "s") {
            summary.skipped.push(item.claim.id);
            break;
          } else if (name === "q") {
            summary.quit = true;
            break outer;
          } else {
            out.write("keys: a accept, r reject, e edit, s skip, q quit\n");
          }
        } catch (e) {
          // A refused decision (invalid edit, unknown entity) is shown; the claim stays up.
          out.write(`error: ${asDossierError(e).message}\n`);
        }
      }
    }
  } finally {
    keys.close();
    if (raw) io.input.setRawMode!(false);
  }
  const s = summary;
  out.write(`\n${s.accepted.length} accepted, ${s.merged.length} merged into existing claims, ${s.rejected.length} rejected, ${s.edited.length} edited, ${s.skipped.length} skipped\n`);
  return summary;
}
