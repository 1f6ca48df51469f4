/** `dossier verify`: recompute every hash and the custody chain; non-zero exit on any break. */
import type { Command } from "commander";
import { exitCodeFor } from "../../errors/index.ts";
import { withDossier } from "../../services/dossier.ts";
import { verify } from "../../services/verify.ts";
import { emit } from "../output.ts";
import { globals } from "../options.ts";
import { progress } from "../progress.ts";

export function register(program: Command): void {
  program
    .command("verify")
    .description("recompute every archived file's hash, every text's hash, every citation and the custody chain")
    .action(async (_o, cmd: Command) => {
      const o = globals(cmd);
      const bar = progress(o, "verifying");
      const report = await withDossier(o, (d) => verify(d, (_s, done, total) => bar.update(done, total)));
      bar.stop();
      emit(o, report, () => {
        const c = report.checked;
        const lines = [
          `checked ${c.sources} archived files, ${c.texts} texts, ${c.citations} citations, ${c.custodyEntries} custody entries`,
          ...report.problems.map((p) => `BROKEN ${p.kind} ${p.id}: ${p.problem}`),
          ...report.warnings.map((w) => `warning: ${w}`),
          report.ok ? `OK — custody head ${report.head}` : `${report.problems.length} problem(s) found`,
        ];
        return lines.join("\n");
      });
      if (!report.ok) process.exitCode = exitCodeFor("INTEGRITY");
    });
}
