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

Target ≥ 50,000 entities/s. Storing dominates: each entity also writes its folded names
(two indexes), each claim a citation, and the list's text goes into the FTS5 index.`;
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
