/** `dossier custody SOURCE`: one source's custody entries, with the chain's verification, for an editor or a court. */
import type { Command } from "commander";
import { exitCodeFor } from "../../errors/index.ts";
import { withDossier } from "../../services/dossier.ts";
import { resolveSource } from "../../services/sources.ts";
import { checkCustodyChain } from "../../services/verify.ts";
import { emit } from "../output.ts";
import { globals } from "../options.ts";

export function register(program: Command): void {
  program
    .command("custody")
    .description("export one source's custody chain entries with their hashes")
    .argument("<source>", "sha256:… or a unique prefix")
    .action(async (ref: string, _o, cmd: Command) => {
      const o = globals(cmd);
      const out = await withDossier(o, async (d) => {
        const source = await resolveSource(d.store, ref);
        const entries = await d.store.listCustody({ sourceId: source.id });
        // The source's entries are only trustworthy if the whole chain they sit in verifies.
        const chain = await checkCustodyChain(d.store);
        await d.store.appendCustody({ actor: d.actor, action: "exported", sourceId: source.id, details: { what: "custody", entries: entries.length } });
        return {
          source: { id: source.id, title: source.title, filename: source.filename, sha256: source.sha256, size: source.size, textSha256: source.textSha256 },
          entries,
          chain: { verified: chain.breaks.length === 0, length: chain.length, head: chain.head, breaks: chain.breaks },
          hashRule: "hash = sha256(canonical JSON of {seq, at, actor, action, sourceId, details, prevHash}); keys sorted, no whitespace",
        };
      });
      emit(o, out, () =>
        [
          `${out.source.id}  ${out.source.title ?? out.source.filename ?? ""}`,
          ...out.entries.map((e) => `#${e.seq} ${e.at} ${e.action.padEnd(14)} ${e.actor}  prev ${e.prevHash.slice(0, 12)}… hash ${e.hash.slice(0, 12)}…`),
          out.chain.verified ? `chain of ${out.chain.length} entries verifies; head ${out.chain.head}` : `CHAIN BROKEN: ${out.chain.breaks.map((b) => `#${b.seq} ${b.problem}`).join("; ")}`,
        ].join("\n"),
      );
      if (!out.chain.verified) process.exitCode = exitCodeFor("INTEGRITY");
    });
}
