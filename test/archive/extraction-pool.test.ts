// Text extraction on worker threads gives exactly what inline extraction gives, errors keep
// their code and file across the thread boundary, and the pool is only used when asked or
// when a run is large enough to repay starting it.
import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { DossierError } from "../../src/errors/index.ts";
import { extractorFor, inlineExtractor, pooledExtractor, POOL_MIN_DOCUMENTS } from "../../src/archive/extraction-pool.ts";

const page = `<!doctype html><html lang="en"><head><title>Talks</title></head><body><nav>Home</nav>
<article><p>Delegations met in the capital to discuss training and supplies over two days.</p>
<p>A second round of talks is planned for the spring, officials said on Tuesday.</p></article></body></html>`;

describe("extraction pool", () => {
  const pool = pooledExtractor(1);
  after(() => pool.close());

  it("extracts HTML and text on a worker exactly as inline extraction does", async () => {
    const inline = inlineExtractor();
    for (const [name, body] of [["talks.html", page], ["note.txt", "Ministers met in the capital on Tuesday to discuss training."]]) {
      const bytes = Buffer.from(body);
      assert.deepEqual(await pool.extract(bytes, { filename: name }, {}), await inline.extract(bytes, { filename: name }, {}));
    }
  });

  it("hands errors back as DossierErrors with their code and file", async () => {
    const err = await pool.extract(Buffer.from(""), { filename: "empty.txt" }, {}).then(
      () => assert.fail("an empty file must be refused"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof DossierError);
    assert.equal(err.code, "BAD_INPUT");
    assert.equal(err.context.file, "empty.txt");
  });

  it("is chosen only for large runs, unless threads are given", async () => {
    const small = extractorFor(POOL_MIN_DOCUMENTS - 1);
    assert.equal(small.threads, 0);
    const forced = extractorFor(3, 1);
    assert.equal(forced.threads, 1);
    await forced.close();
    const none = extractorFor(POOL_MIN_DOCUMENTS * 2, 0);
    assert.equal(none.threads, 0);
  });

  it("refuses a thread count that is not a whole number", () => {
    assert.throws(() => extractorFor(10, -1), (e: unknown) => e instanceof DossierError && e.code === "USAGE");
    assert.throws(() => extractorFor(10, 1.5), (e: unknown) => e instanceof DossierError && e.code === "USAGE");
  });
});
