// Ingest, as a user relies on it: documents archived byte-for-byte with custody, the same
// bytes never stored twice, and every kind of bad input refused by name without changing
// anything — against a real SQLite file and archive folder.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, truncateSync, openSync, closeSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { openDossier, type Dossier } from "../../src/services/dossier.ts";
import { ingest } from "../../src/services/ingest.ts";
import { buildPdf } from "../archive/formats/fixtures.ts";
import { CORPUS, tempDir } from "../helpers/home.ts";

const corpusFiles = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort();

async function withHome<T>(fn: (d: Dossier, dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir();
  const d = await openDossier({ home: dir, actor: "tester" });
  try {
    return await fn(d, dir);
  } finally {
    await d.close();
  }
}

/** Everything a failed ingest must leave untouched. */
async function snapshot(d: Dossier) {
  return { sources: await d.store.countSources(), custody: (await d.store.listCustody()).length, archived: (await d.archive.list()).length };
}

describe("ingest", () => {
  it("archives a folder of documents byte-for-byte with text, metadata from sidecars and custody", async () => {
    await withHome(async (d) => {
      const results = await ingest(d, [CORPUS]);
      assert.deepEqual(results.map((r) => r.status), corpusFiles.map(() => "ingested"));
      for (const file of corpusFiles) {
        const bytes = readFileSync(join(CORPUS, file));
        const r = results.find((x) => x.target.endsWith(file))!;
        const src = r.source!;
        assert.deepEqual(new Uint8Array(await d.archive.read(src.sha256)), new Uint8Array(bytes));
        assert.equal((await d.store.getSourceText(src.id))!.text, bytes.toString("utf8"));
        const meta = JSON.parse(readFileSync(join(CORPUS, file.replace(/\.txt$/, ".meta.json")), "utf8"));
        assert.equal(src.title, meta.title);
        assert.equal(src.published, meta.published);
        assert.equal(src.language, "en");
        const custody = await d.store.listCustody({ sourceId: src.id });
        assert.deepEqual(custody.map((e) => e.action), ["ingested", "text-extracted"]);
        assert.equal(custody[0].actor, "tester");
      }
    });
  });

  it("stores the same bytes once and records that they were seen again, and from where", async () => {
    await withHome(async (d, dir) => {
      const copy = join(dir, "copy.txt");
      writeFileSync(copy, readFileSync(join(CORPUS, corpusFiles[0])));
      await ingest(d, [join(CORPUS, corpusFiles[0])]);
      const [again] = await ingest(d, [copy]);
      assert.equal(again.status, "seen-again");
      assert.equal(await d.store.countSources(), 1);
      const entries = await d.store.listCustody({ sourceId: again.source!.id });
      assert.equal(entries.at(-1)!.action, "seen-again");
      assert.match(String((entries.at(-1)!.details.from as { path: string }).path), /copy\.txt$/);
    });
  });

  it("lets flags override the sidecar and rejects metadata that is not valid", async () => {
    await withHome(async (d) => {
      const [r] = await ingest(d, [join(CORPUS, corpusFiles[0])], { metadata: { title: "My title", grade: "B" } });
      assert.equal(r.source!.title, "My title");
      assert.equal(r.source!.grade, "B");
      await assert.rejects(ingest(d, [CORPUS], { metadata: { published: "August 2022" } }), (e: any) => e.code === "INVALID_DATE" && /published/.test(e.message));
      await assert.rejects(ingest(d, [CORPUS], { metadata: { grade: "Z" as any } }), (e: any) => e.code === "BAD_INPUT");
    });
  });

  describe("bad input is refused by name and changes nothing", () => {
    const cases: [string, (dir: string) => string, string, RegExp][] = [
      ["a path that does not exist", (dir) => join(dir, "nope.txt"), "NOT_FOUND", /nope\.txt: no such file/],
      ["a folder with no readable document", (dir) => { const p = join(dir, "empty"); mkdirSync(p); return p; }, "BAD_INPUT", /empty: folder holds no readable document/],
      ["an empty file", (dir) => { const p = join(dir, "empty.txt"); writeFileSync(p, ""); return p; }, "BAD_INPUT", /empty\.txt: .*empty/],
      ["random bytes named .pdf", (dir) => { const p = join(dir, "fake.pdf"); writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251))); return p; }, "BAD_INPUT", /fake\.pdf: .*PDF/],
      ["a truncated PDF", (dir) => { const p = join(dir, "cut.pdf"); const pdf = buildPdf({ pages: [["Hello there"]] }); writeFileSync(p, pdf.slice(0, Math.floor(pdf.length / 2))); return p; }, "BAD_INPUT", /cut\.pdf: .*(damaged|truncated)/i],
      ["an encrypted PDF", (dir) => { const p = join(dir, "locked.pdf"); writeFileSync(p, buildPdf({ pages: [["Secret"]], encrypted: true })); return p; }, "BAD_INPUT", /locked\.pdf: .*encrypted/i],
      ["an HTML file of 50 MB", (dir) => { const p = join(dir, "huge.html"); closeSync(openSync(p, "w")); truncateSync(p, 50 * 1024 * 1024); return p; }, "TOO_LARGE", /huge\.html: .*limit/],
    ];
    for (const [what, make, code, message] of cases) {
      it(what, async () => {
        await withHome(async (d, dir) => {
          await ingest(d, [CORPUS]);
          const beforeState = await snapshot(d);
          const [r] = await ingest(d, [make(dir)]);
          assert.equal(r.status, "failed");
          assert.equal(r.error!.code, code);
          assert.match(r.error!.message, message);
          assert.deepEqual(await snapshot(d), beforeState);
          assert.deepEqual(readdirSync(join(dir, "archive", "staging")), []);
        });
      });
    }

    it("a folder with some bad files: the good ones are archived, each bad one reported", async () => {
      await withHome(async (d, dir) => {
        const mixed = join(dir, "mixed");
        mkdirSync(mixed);
        writeFileSync(join(mixed, "a-good.txt"), "The minister visited Moscow in 2021.");
        writeFileSync(join(mixed, "b-empty.txt"), "");
        writeFileSync(join(mixed, "c-bad.pdf"), "this is not a pdf at all");
        writeFileSync(join(mixed, "d-good.md"), "# Note\n\nThe delegation attended the meeting.");
        const results = await ingest(d, [mixed]);
        assert.deepEqual(results.map((r) => r.status), ["ingested", "failed", "failed", "ingested"]);
        assert.equal(await d.store.countSources(), 2);
      });
    });
  });

  describe("URLs", () => {
    let server: Server;
    let base: string;
    before(async () => {
      server = createServer((req, res) => {
        if (req.url === "/article.html") {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          res.end(`<html lang="en"><head><title>Talks in Naypyitaw</title><meta property="article:published_time" content="2022-08-03T10:00:00Z"></head><body><nav>Menu Home About</nav><article><h1>Talks in Naypyitaw</h1><p>The foreign minister arrived in Naypyitaw on 3 August for two days of talks with the military government about trade and banking.</p><p>Officials said both sides agreed to expand direct payments between their central banks over the coming year.</p></article><script>var tracking = 1;</script></body></html>`);
        } else if (req.url === "/moved") {
          res.writeHead(302, { location: "/article.html" });
          res.end();
        } else {
          res.writeHead(404);
          res.end("not here");
        }
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((r) => server.close(() => r())));

    it("fetches a page, archives the body and records status, final URL and a hash of the headers", async () => {
      await withHome(async (d) => {
        const [r] = await ingest(d, [`${base}/moved`]);
        assert.equal(r.status, "ingested", r.error?.message);
        const s = r.source!;
        assert.equal(s.format, "html");
        assert.equal(s.fetch!.status, 200);
        assert.equal(s.fetch!.finalUrl, `${base}/article.html`);
        assert.match(s.fetch!.headersSha256, /^[0-9a-f]{64}$/);
        assert.equal(s.title, "Talks in Naypyitaw");
        const text = (await d.store.getSourceText(s.id))!.text;
        assert.match(text, /central banks/);
        assert.doesNotMatch(text, /tracking|Menu Home/);
      });
    });

    it("a URL that answers 404 fails by name and changes nothing", async () => {
      await withHome(async (d) => {
        const [r] = await ingest(d, [`${base}/missing`]);
        assert.equal(r.error!.code, "FETCH_FAILED");
        assert.match(r.error!.message, /missing: .*404/);
        assert.deepEqual(await snapshot(d), { sources: 0, custody: 0, archived: 0 });
      });
    });

    it("a URL that refuses the connection fails by name and changes nothing", async () => {
      await withHome(async (d) => {
        const probe = createServer();
        await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
        const port = (probe.address() as AddressInfo).port;
        await new Promise<void>((r) => probe.close(() => r()));
        const [r] = await ingest(d, [`http://127.0.0.1:${port}/x`]);
        assert.equal(r.error!.code, "FETCH_FAILED");
        assert.match(r.error!.message, /connection refused/);
        assert.deepEqual(await snapshot(d), { sources: 0, custody: 0, archived: 0 });
      });
    });
  });

  it("records identical copies in one run once: the first as ingested, the rest as seen again", async () => {
    await withHome(async (d, dir) => {
      const folder = join(dir, "twins");
      mkdirSync(folder);
      const bytes = readFileSync(join(CORPUS, corpusFiles[0]));
      for (const name of ["a.txt", "b.txt", "c.txt"]) writeFileSync(join(folder, name), bytes);
      const results = await ingest(d, [folder]);
      assert.deepEqual(results.map((r) => r.status), ["ingested", "seen-again", "seen-again"]);
      assert.equal(await d.store.countSources(), 1);
      assert.equal((await d.archive.list()).length, 1);
      assert.deepEqual(readdirSync(join(d.home, "archive", "staging")), []);
    });
  });

  it("extracting on worker threads records the same sources and texts as extracting inline", async () => {
    const run = (threads: number) =>
      withHome(async (d) => {
        const results = await ingest(d, [CORPUS], { threads });
        const sources = results.map((r) => ({ ...r.source!, ingestedAt: "" }));
        const texts = await Promise.all(sources.map((s) => d.store.listSourceTexts(s.id)));
        return { statuses: results.map((r) => r.status), sources, texts };
      });
    const [inline, pooled] = [await run(0), await run(1)];
    assert.ok(inline.statuses.every((s) => s === "ingested"));
    assert.deepEqual(pooled, inline);
  });

  it("a failure inside the transaction leaves no source, no custody entry and no archived file", async () => {
    await withHome(async (d) => {
      const [r] = await ingest(d, [join(CORPUS, corpusFiles[0])], {
        extractor: async () => {
          throw new Error("extractor crashed");
        },
      });
      assert.equal(r.status, "failed");
      assert.deepEqual(await snapshot(d), { sources: 0, custody: 0, archived: 0 });
      assert.equal(existsSync(join(d.home, "archive", "sha256")), false);
    });
  });
});
