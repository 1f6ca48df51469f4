/** Reading global options and parsing common option values, shared by every command. */
import type { Command } from "commander";
import { DossierError } from "../errors/index.ts";

export interface GlobalOptions {
  home?: string;
  json?: boolean;
  actor?: string;
}

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/** "25MB", "512k", "1048576" → bytes. */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(value.trim());
  if (!m) throw new DossierError("USAGE", `"${value}" is not a size (e.g. 25MB, 512k)`, { field: "--max-size" });
  const unit = (m[2] ?? "b").toLowerCase()[0];
  const mult = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * mult);
}

export function parseNumber(value: string, field: string, min?: number, max?: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || (min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range = min !== undefined && max !== undefined ? ` between ${min} and ${max}` : "";
    throw new DossierError("USAGE", `"${value}" is not a number${range}`, { field });
  }
  return n;
}
