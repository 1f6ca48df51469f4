import { test } from "node:test";
import assert from "node:assert/strict";
import { sentences } from "../../src/extract/text.ts";
import { loadLexicon } from "../../src/services/extract.ts";

const abbr = loadLexicon().abbreviations;
const split = (t: string) => sentences(t, abbr).map((s) => t.slice(s.start, s.end));

test("a rank abbreviated with full stops does not end a sentence", () => {
  assert.deepEqual(split("Lt. Gen. Soe Win met the envoy. He left the next day."), ["Lt. Gen. Soe Win met the envoy.", "He left the next day."]);
});

test("U.S., month abbreviations and No. stay inside their sentence", () => {
  const out = split("The U.S. Treasury acted on Jan. 4, 2023 under Executive Order No. 14014. Others followed.");
  assert.equal(out.length, 2);
  assert.match(out[0], /No\. 14014\.$/);
});

test("a line break always ends a sentence and spans index the original text", () => {
  const t = "Heading without stop\nFirst sentence here. Second one!";
  const spans = sentences(t, abbr);
  assert.deepEqual(spans.map((s) => t.slice(s.start, s.end)), ["Heading without stop", "First sentence here.", "Second one!"]);
});
