// Burmese: Zawgyi text is kept as received and a Unicode conversion is added beside it;
// Unicode Burmese is left alone. Either way the language is Burmese ("my").
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { extractDocument, ZAWGYI_THRESHOLD } from "../../../src/archive/formats/index.ts";

// Our own sentence ("The military signed an arms purchase agreement with Russia"), in
// standard Unicode and as a Zawgyi-font user would have typed it.
const UNICODE = "မြန်မာနိုင်ငံ၏ စစ်တပ်သည် ရုရှားနိုင်ငံနှင့် လက်နက်ဝယ်ယူရေး သဘောတူညီချက် ချုပ်ဆိုခဲ့သည်။";
const ZAWGYI = "ျမန္မာႏိုင္ငံ၏ စစ္တပ္သည္ ရုရွားႏိုင္ငံႏွင့္ လက္နက္ဝယ္ယူေရး သေဘာတူညီခ်က္ ခ်ဳပ္ဆိုခဲ့သည္။";

describe("Burmese", () => {
  it("detects Zawgyi, keeps the text as received and adds the Unicode conversion", async () => {
    const src = `Report line in English.\n${ZAWGYI}\n`;
    const doc = await extractDocument(Buffer.from(src), { filename: "zawgyi.txt" });
    assert.equal(doc.text, src);
    assert.equal(doc.unicodeText, `Report line in English.\n${UNICODE}\n`);
    const z = doc.extra.zawgyi as { probability: number; converted: boolean };
    assert.ok(z.probability > ZAWGYI_THRESHOLD, `probability ${z.probability}`);
    assert.equal(z.converted, true);
    assert.equal(doc.language, "my");
  });

  it("leaves Unicode Burmese alone and records a low Zawgyi probability", async () => {
    const doc = await extractDocument(Buffer.from(UNICODE + "\n"), { filename: "unicode.txt" });
    assert.equal(doc.text, UNICODE + "\n");
    assert.equal(doc.unicodeText, null);
    const z = doc.extra.zawgyi as { probability: number; converted: boolean };
    assert.ok(z.probability < 0.05, `probability ${z.probability}`);
    assert.equal(z.converted, false);
    assert.equal(doc.language, "my");
  });

  it("text without Myanmar script gets no Zawgyi record", async () => {
    const doc = await extractDocument(Buffer.from("Only Latin letters in this short note.\n"), { filename: "latin.txt" });
    assert.equal(doc.unicodeText, null);
    assert.equal(doc.extra.zawgyi, undefined);
  });
});
