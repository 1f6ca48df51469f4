/**
 * `npm run bench`: runs every benchmark with its peer in the same process and rewrites
 * the matching sections of BENCHMARKS.md (command, machine, figures, ratio).
 * `npm run bench -- ingest names` runs only the named ones.
 */
import { benchIngest, benchIngestThreads, ingestMarkdown } from "./ingest.ts";
import { benchExtract } from "./extract.ts";
import { benchImport } from "./import.ts";
import { benchNames, namesMarkdown } from "./names.ts";
import { machine, writeSection } from "./report.ts";

const f2 = (x: number) => x.toFixed(2);
const int = (x: number) => Math.round(x).toLocaleString("en-US");

const benches: Record<string, () => Promise<string>> = {
  async ingest() {
    const small = await benchIngest(300);
    return `## Ingest throughput\n\n${ingestMarkdown(small, await benchIngestThreads(2000, [0, 1, 2]))}`;
  },
  async extract() {
    const r = await benchExtract(30);
    return `## Extraction speed

The extraction pipeline (segmentation, entities, dates, relations, modality) over the
three corpus documents concatenated 30 times, on one core: **${f2(r.mbPerSecond)} MB/s**
(${f2(r.bytes / 1e6)} MB in ${f2(r.seconds)} s; ${int(r.claims)} claims, ${int(r.entities)} entities). Target ≥ 1 MB/s.`;
  },
  async import() {
    const rows = await benchImport(3);
    const ofac = rows[0];
    return `## List import speed

Best of 3 runs, each into a fresh SQLite store, through the same service as \`dossier import\`.
The peer is the **SQLite floor**: better-sqlite3 alone writing the same rows (entities,
folded names, claims, citations, the list's text), built beforehand, into a freshly
migrated Dossier database in one transaction with its secondary indexes built once at the
end, committed and closed; nothing parsed, converted or archived.

| list | entities | claims | seconds | entities/s | parse only, entities/s | storing, s | SQLite floor, s | floor, entities/s | Dossier ÷ floor |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.map((r) => `| ${r.list} | ${int(r.entities)} | ${int(r.claims)} | ${f2(r.seconds)} | ${int(r.entitiesPerSecond)} | ${int(r.parseEntitiesPerSecond)} | ${f2(r.storeSeconds)} | ${f2(r.floorSeconds)} | ${int(r.floorEntitiesPerSecond)} | ${f2(r.floorSeconds / r.seconds)} |`).join("\n")}

Target ≥ 50,000 entities/s: **not met on this machine**, and not reachable by storing what
Dossier stores in SQLite here: the floor itself writes the OFAC list at
${int(ofac.floorEntitiesPerSecond)} entities/s. Dossier runs at ${f2(ofac.floorSeconds / ofac.seconds)}× the floor on
OFAC; the rest is parsing (${f2(ofac.parseSeconds)} s) and turning entries into rows. For the OFAC
list the rows are some 15,000 entities, 51,000 folded names, 15,000 claims (five indexes),
15,000 citations and 6 MB of list text, about 33 MB of pages written to the WAL and
checkpointed. Batching rows into multi-row inserts and deferring every secondary index
to the end of the load were tried and measured no faster on whole imports. The two small
FtM files time the fixed cost of an import (open, stage, one transaction, commit), not a
rate; FtM throughput is the OFAC list written out by \`dossier export ftm\` and imported
back.`;
  },
  async names() {
    return `## Screening speed\n\n${namesMarkdown(await benchNames({}))}`;
  },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const names = wanted.length ? wanted : Object.keys(benches);
for (const name of names) {
  const run = benches[name];
  if (!run) {
    console.error(`unknown benchmark "${name}"; choose from: ${Object.keys(benches).join(", ")}`);
    process.exit(2);
  }
  console.error(`running ${name}…`);
  const body = await run();
  const section = `${body}\n\n_Command: \`npm run bench -- ${name}\`. Machine: ${machine()}. Run ${new Date().toISOString().slice(0, 10)}._`;
  writeSection(name, section);
  console.log(section + "\n");
}
