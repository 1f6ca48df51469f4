/**
 * The listing authorities (United States for OFAC, the UN Security Council for the UN
 * list), read from authorities.json so their ids match the ledger's gazetteer.
 */
import { readFileSync } from "node:fs";
import type { Entity } from "../../model/types.ts";

type Authority = Omit<Entity, "dataset" | "mergedInto"> & { mergedInto: null };

let cache: Record<string, Authority> | null = null;

export function authority(list: "ofac" | "un"): Authority {
  if (!cache) {
    const raw = JSON.parse(readFileSync(new URL("./authorities.json", import.meta.url), "utf8")) as Record<string, { id: string; type: string; name: string; aliases?: string[] }>;
    cache = {};
    for (const [k, v] of Object.entries(raw)) {
      if (k.startsWith("_")) continue;
      cache[k] = { id: v.id, type: v.type, name: v.name, aliases: v.aliases ?? [], attributes: { authority: true }, mergedInto: null };
    }
  }
  return cache[list];
}
