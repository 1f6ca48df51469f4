// Temporary Dossier homes and a way to run the real CLI in one, for tests.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CORPUS = join(ROOT, "..", "shared", "corpus");
export const SHARED = join(ROOT, "..", "shared");

export function tempDir(prefix = "dossier-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  json<T = any>(): T;
}

/** Runs `dossier ARGS…` as a user would (a separate process through bin/dossier.js). */
export function runCli(home: string, args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "dossier.js"), "--home", home, ...args], {
    encoding: "utf8",
    env: { ...process.env, DOSSIER_ACTOR: "tester", ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: r.status ?? -1,
    stdout: r.stdout,
    stderr: r.stderr,
    json: () => JSON.parse(r.stdout),
  };
}
