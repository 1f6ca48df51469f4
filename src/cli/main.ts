/**
 * The `dossier` command line: global options, command discovery and error reporting.
 * Each command lives in its own file under commands/ and exports `register`; this file
 * only finds them, so adding a command never touches a shared list.
 */
import { Command, CommanderError } from "commander";
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";
import { asDossierError, DossierError } from "../errors/index.ts";
import { printError } from "./output.ts";

export interface CommandModule {
  register(program: Command): void;
}

async function loadCommands(program: Command): Promise<void> {
  const dir = fileURLToPath(new URL("./commands/", import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts")).sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as Partial<CommandModule>;
    if (typeof mod.register !== "function") throw new DossierError("INTERNAL", `command module ${file} exports no register()`);
    mod.register(program);
  }
}

export function buildProgram(): Command {
  return new Command("dossier")
    .description("An evidence ledger: archive documents, record cited claims, screen names against sanctions lists.")
    .option("--home <dir>", "folder holding dossier.db and archive/ (default: $DOSSIER_HOME or the current folder)")
    .option("--json", "print only JSON on stdout")
    .option("--actor <name>", "who is acting, for custody and audit (default: $DOSSIER_ACTOR or $USER)")
    .showHelpAfterError()
    .exitOverride();
}

/** Runs the CLI and returns the exit code; never calls process.exit, so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const json = argv.includes("--json");
  try {
    await loadCommands(program);
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      if (json) printError(new DossierError("USAGE", e.message.replace(/^error: /, "")), true);
      return 2;
    }
    const err = asDossierError(e);
    printError(err, json);
    if (err.code === "INTERNAL" && process.env.DOSSIER_DEBUG) console.error((e as Error).stack);
    return err.exitCode;
  }
}
