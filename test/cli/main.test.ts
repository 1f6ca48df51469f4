// Command discovery: a command's file is named as the command, so `dossier NAME` can load
// that one file alone; help and unknown names still see every command.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildProgram, commandNameOf, type CommandModule } from "../../src/cli/main.ts";
import { ROOT, runCli, tempDir } from "../helpers/home.ts";

const dir = join(ROOT, "src", "cli", "commands");

test("every command file registers exactly the command it is named after", async () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const program = buildProgram();
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as CommandModule;
    mod.register(program);
    assert.deepEqual(program.commands.map((c) => c.name()), [file.replace(/\.ts$/, "")], file);
  }
});

test("the command name is the first word that is not an option or a global option's value", () => {
  const argv = (...a: string[]) => ["node", "dossier", ...a];
  assert.equal(commandNameOf(argv("sources", "--json")), "sources");
  assert.equal(commandNameOf(argv("--home", "sources", "verify")), "verify");
  assert.equal(commandNameOf(argv("--json", "--actor", "ann", "claims", "--predicate", "met")), "claims");
  assert.equal(commandNameOf(argv("--home=/tmp/x", "custody")), "custody");
  assert.equal(commandNameOf(argv("--help")), undefined);
});

test("help lists every command, and an unknown command is a usage error", () => {
  const help = runCli(tempDir(), ["--help"]);
  assert.equal(help.status, 0);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) assert.match(help.stdout, new RegExp(`^  ${file.replace(/\.ts$/, "")}\\b`, "m"));
  const typo = runCli(tempDir(), ["sourcs"]);
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /sources/, "commander suggests the near name");
});
