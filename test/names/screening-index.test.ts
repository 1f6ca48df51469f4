// The screening index finds listed entities by any spelling, best first, and respects schema.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createScreeningIndex } from "../../src/services/screening.ts";

function index() {
  const ix = createScreeningIndex();
  ix.add({ id: "p1", name: "HLAING, Min Aung", schema: "Person", datasets: ["ofac"] });
  ix.add({ id: "p2", name: "WIN, Soe", schema: "Person", datasets: ["ofac"] });
  ix.add({ id: "p3", name: "WIN, Sein", schema: "Person", datasets: ["ofac"] });
  ix.add({ id: "p4", name: "SHOIGU, Sergei Kuzhugetovich", aliases: ["Шойгу Сергей"], schema: "Person", datasets: ["ofac", "eu"] });
  ix.add({ id: "o1", name: "Myanma Economic Holdings Limited", schema: "Organization", datasets: ["un"] });
  return ix;
}

test("queries in any spelling find the listed entry with an explanation", () => {
  const ix = index();
  for (const [q, id] of [["Senior General Min Aung Hlaing", "p1"], ["Мин Аунг Хлаинг", "p1"], ["Minaung Hlaing", "p1"], ["Sergey Shoygu", "p4"]]) {
    const r = ix.query(q);
    assert.equal(r[0]?.id, id, q);
    assert.ok(r[0].match && r[0].explanation.tokens.length > 0);
  }
  assert.deepEqual(ix.query("Sergey Shoygu")[0].datasets, ["ofac", "eu"]);
});

test("near misses are not returned and schema filters", () => {
  const ix = index();
  assert.deepEqual(ix.query("Min Aung").map((m) => m.id), []);
  assert.deepEqual(ix.query("Soe Win").map((m) => m.id), ["p2"]);
  assert.deepEqual(ix.query("Myanma Economic Holdings", { schema: "Person" }), []);
  assert.equal(ix.query("Myanma Economic Holdings Ltd", { schema: "Organization" })[0]?.id, "o1");
});
