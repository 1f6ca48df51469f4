// Ordered look-ahead: later items start while earlier ones are consumed, results come back
// in the list's order, and a failure surfaces at its own turn, not before.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mapAhead } from "../../src/services/pipeline.ts";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapAhead", () => {
  it("yields results in the items' order even when later steps finish first", async () => {
    const out: number[] = [];
    for await (const v of mapAhead([30, 1, 20, 2, 10], 3, async (ms) => (await tick(ms), ms))) out.push(v);
    assert.deepEqual(out, [30, 1, 20, 2, 10]);
  });

  it("never runs more than `ahead` steps at once, and does run that many", async () => {
    let running = 0;
    let most = 0;
    for await (const _ of mapAhead([...Array(12).keys()], 4, async () => {
      most = Math.max(most, ++running);
      await tick(2);
      running--;
    }));
    assert.equal(most, 4);
  });

  it("rethrows a failed step when the consumer reaches it, after the results before it", async () => {
    const seen: number[] = [];
    await assert.rejects(async () => {
      for await (const v of mapAhead([1, 2, 3], 3, async (n) => {
        if (n === 3) throw new Error("third fails");
        await tick(5);
        return n;
      })) seen.push(v);
    }, /third fails/);
    assert.deepEqual(seen, [1, 2]);
  });

  it("treats a width below one as one", async () => {
    const out: string[] = [];
    for await (const v of mapAhead(["a", "b"], 0, async (s) => s)) out.push(v);
    assert.deepEqual(out, ["a", "b"]);
  });
});
