// Delegations: who sent one and who led it take part in the event just reported; the
// leader's title, before the name or in apposition, is a post held for the sender.
// Names here are invented.
import { test } from "node:test";
import assert from "node:assert/strict";
import { run, triples } from "./helpers.ts";

test("'X's delegation was led by Colonel-General Y, a deputy minister of defence': X and Y attend; Y holds the post for X", async () => {
  const r = await run("Laos hosted the Mekong Security Dialogue in Vientiane on 12 September 2023. Finland's delegation was led by Colonel-General Pekka Laine, a deputy minister of defence.", "2023-10-01");
  const lines = triples(r.claims);
  assert.ok(lines.includes("attended state:finland -> event:mekong-security-dialogue"), lines.join("\n"));
  assert.ok(lines.includes("attended person:pekka-laine -> event:mekong-security-dialogue"), lines.join("\n"));
  const post = r.claims.find((c) => c.predicate === "position_held" && c.subject.id === "person:pekka-laine");
  assert.equal(post?.object.id, "state:finland");
  // The post in apposition, not the rank.
  assert.equal(post?.qualifiers.title, "deputy minister of defence");
  // Dated by the event's own sentence.
  assert.equal(r.claims.find((c) => c.predicate === "attended" && c.subject.id === "state:finland")?.qualifiers.date, "2023-09-12");
});

test("'a delegation from X, headed by General Y' reads the same way; with no event before it, no attendance is claimed", async () => {
  const r = await run("A delegation from Vietnam, headed by General Phan Van Giang, arrived early.");
  const lines = triples(r.claims);
  assert.ok(!lines.some((l) => l.startsWith("attended")), lines.join("\n"));
  assert.ok(lines.includes("position_held person:phan-van-giang -> state:vietnam"), lines.join("\n"));
});
