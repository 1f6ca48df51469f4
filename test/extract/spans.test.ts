// Span exactness on the real corpus: every claim's evidence quotes exactly the text it
// points at, with the full project resources (datasets included), as `dossier extract` runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { run } from "./helpers.ts";
import { extractFile } from "../../src/services/extract.ts";

const CORPUS = "../shared/corpus";

for (const f of readdirSync(CORPUS).filter((f) => f.endsWith(".txt"))) {
  test(`every claim on ${f} quotes its span exactly`, async () => {
    const out = await extractFile(`${CORPUS}/${f}`, { minConfidence: 0 });
    assert.ok(out.claims.length > 0);
    assert.match(out.source.id, /^sha256:[0-9a-f]{64}$/);
    for (const c of out.claims) {
      assert.equal(c.status, "proposed");
      assert.ok(c.confidence >= 0 && c.confidence <= 1);
      assert.ok(c.evidence.length > 0);
      for (const e of c.evidence) {
        assert.equal(e.source, out.source.id);
        assert.equal(e.quote, out.text.slice(e.start, e.end));
        assert.ok(e.quote.length > 0);
      }
    }
    for (const e of out.entities) for (const m of e.mentions) assert.ok(m.start < m.end && m.end <= out.text.length);
  });

  test(`names the recogniser makes up on ${f} are names, not phrases or lists`, async () => {
    const r = await run(readFileSync(`${CORPUS}/${f}`, "utf8"), "2022-05-10", 0);
    for (const e of r.entities) assert.ok(e.name.split(/\s+/).length <= 8, `entity name too long: ${e.name}`);
  });
}

test("metadata comes from the sidecar and flags override it", async () => {
  const f = `${CORPUS}/crisisgroup-2022-08-04-myanmar-russia-embrace.txt`;
  const a = await extractFile(f);
  assert.equal(a.source.published, "2022-08-04");
  const b = await extractFile(f, { published: "2022-09-01", title: "T" });
  assert.equal(b.source.published, "2022-09-01");
  assert.equal(b.source.title, "T");
});

test("an impossible --published date is refused with INVALID_DATE", async () => {
  for (const bad of ["2022-13", "2022-02-29", "22-01-01"]) {
    await assert.rejects(extractFile(`${CORPUS}/crisisgroup-2022-08-04-myanmar-russia-embrace.txt`, { published: bad }), (e: { code?: string }) => e.code === "INVALID_DATE");
  }
});
