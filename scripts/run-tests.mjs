// Runs every test/**/*.test.ts with Node's built-in runner through tsx. Node 20's runner
// does not expand globs itself, so this finds the files; extra arguments narrow the set
// (`npm run test:unit -- test/names` runs only tests under test/names).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

function find(dir) {
  if (statSync(dir).isFile()) return dir.endsWith(".test.ts") ? [dir] : [];
  return readdirSync(dir).flatMap((f) => (f === "node_modules" || f.startsWith(".") ? [] : find(join(dir, f))));
}

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ["test"];
const files = roots.flatMap(find).sort();
if (files.length === 0) {
  console.error("no test files found under " + roots.join(", "));
  process.exit(1);
}
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
