// Burmese text may be in Zawgyi, a font hack that reuses Myanmar code points for other
// glyphs, so it looks right on screen but is not Unicode. We keep the text exactly as
// received (citations index into it) and add a Unicode conversion beside it when Google's
// myanmar-tools detector is confident the text is Zawgyi.
import { createRequire } from "node:module";
import type { ZawgyiConverter, ZawgyiDetector } from "myanmar-tools";

/** Above this Zawgyi probability the text is converted (the detector's own suggested cut). */
export const ZAWGYI_THRESHOLD = 0.95;

const MYANMAR = /[\u1000-\u109F\uA9E0-\uA9FF\uAA60-\uAA7F]/;

export function countMyanmar(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x1000 && c <= 0x109f) || (c >= 0xa9e0 && c <= 0xa9ff) || (c >= 0xaa60 && c <= 0xaa7f)) n++;
  }
  return n;
}

let tools: { detector: ZawgyiDetector; converter: ZawgyiConverter } | null = null;

/** Loaded on first Burmese document only: the detector's model takes a moment to build. */
function myanmarTools() {
  if (!tools) {
    const mod = createRequire(import.meta.url)("myanmar-tools") as typeof import("myanmar-tools");
    tools = { detector: new mod.ZawgyiDetector(), converter: new mod.ZawgyiConverter() };
  }
  return tools;
}

export interface ZawgyiResult {
  probability: number;
  /** The Unicode conversion, when the text is judged to be Zawgyi; else null. */
  unicodeText: string | null;
}

/** Null when the text has no Myanmar script at all. */
export function checkZawgyi(text: string): ZawgyiResult | null {
  if (!MYANMAR.test(text)) return null;
  const { detector, converter } = myanmarTools();
  const probability = detector.getZawgyiProbability(text);
  if (!Number.isFinite(probability)) return null;
  return { probability, unicodeText: probability > ZAWGYI_THRESHOLD ? converter.zawgyiToUnicode(text) : null };
}
