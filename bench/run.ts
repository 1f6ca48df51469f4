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
    return `## List import speed

Best of 3 runs, each into a fresh SQLite store, through the same service as \`dossier import\`.

| list | entities | claims | seconds | entities/s | parse only, entities/s | storing, s |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.map((r) => `| ${r.list} | ${int(r.entities)} | ${int(r.claims)} | ${f2(r.seconds)} | ${int(r.entitiesPerSecond)} | ${int(r.parseEntitiesPerSecond)} | ${f2(r.storeSeconds)} |`).join("\n")}

Target ≥ 50,000 entities/s, for whole imports not met on this machine. A list is parsed and
stored chunk by chunk in one transaction, through prepared statements, with the folded-name
index built once at the end; its text is archived but kept out of the FTS5 index (a rule
for sources of kind \`sanctions list\`). What storing costs is now mostly SQLite's own work:
for the OFAC list some 15,000 entity rows, 51,000 folded-name rows, 15,000 claims (five
indexes) and 15,000 citations, about 33 MB of pages written to the WAL and checkpointed at
commit. The two small FtM files time the fixed cost of an import (open, stage, one
transaction, commit), not a rate; FtM throughput is the OFAC list written out by
\`dossier export ftm\` and imported back.`;
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
