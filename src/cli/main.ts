/**
 * The `dossier` command line: global options, command discovery and error reporting.
 * Each command lives in its own file under commands/, named as the command, and exports
 * `register`; this file only finds them, so adding a command never touches a shared list.
 * Only the command named on the line is loaded (help and unknown names load them all):
 * loading every command pulls in every parser and costs each invocation most of a second.
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

const COMMANDS_DIR = fileURLToPath(new URL("./commands/", import.meta.url));

/** Global options that take a value, so the word after them is not a command name. */
const VALUED_GLOBALS = new Set(["--home", "--actor"]);

/** The first word of argv that is neither an option nor a global option's value. */
export function commandNameOf(argv: string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (VALUED_GLOBALS.has(a)) i++;
    else if (!a.startsWith("-")) return a;
  }
  return undefined;
}

async function loadCommands(program: Command, argv: string[]): Promise<void> {
  const files = readdirSync(COMMANDS_DIR).filter((f) => f.endsWith(".ts")).sort();
  const named = commandNameOf(argv);
  const wanted = named && files.includes(`${named}.ts`) ? [`${named}.ts`] : files;
  for (const file of wanted) {
    const mod = (await import(pathToFileURL(join(COMMANDS_DIR, file)).href)) as Partial<CommandModule>;
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
    await loadCommands(program, argv);
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
