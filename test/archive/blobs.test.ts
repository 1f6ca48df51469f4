// The content-addressed archive: bytes placed only on commit, nothing placed on discard,
// and staging leftovers of a killed run cleaned without touching a live run's files.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { BlobArchive } from "../../src/archive/blobs.ts";
import { sha256Hex } from "../../src/model/canonical.ts";
import { tempDir } from "../helpers/home.ts";

const bytes = (s: string) => Buffer.from(s);

describe("blob archive", () => {
  it("places staged bytes under their digest only on commit", async () => {
    const archive = new BlobArchive(tempDir());
    const b = bytes("a document");
    const sha = sha256Hex(b);
    const staged = await archive.stage(b, sha);
    assert.equal(await archive.has(sha), false);
    await staged.commit();
    assert.equal(await archive.has(sha), true);
    assert.deepEqual(Buffer.from(await archive.read(sha)), b);
    assert.equal(await archive.rehash(sha), sha);
  });

  it("leaves nothing behind when a staged copy is discarded", async () => {
    const root = tempDir();
    const archive = new BlobArchive(root);
    const b = bytes("never kept");
    const staged = await archive.stage(b, sha256Hex(b));
    await staged.discard();
    assert.deepEqual(await archive.list(), []);
    assert.deepEqual(readdirSync(join(root, "staging")), []);
  });

  it("cleans staged leftovers older than the age given and spares younger ones", async () => {
    const root = tempDir();
    const archive = new BlobArchive(root);
    const [old, fresh] = [bytes("left by a killed run"), bytes("another run is using this")];
    await archive.stage(old, sha256Hex(old));
    await archive.stage(fresh, sha256Hex(fresh));
    const staging = join(root, "staging");
    const oldFile = readdirSync(staging).find((n) => n.startsWith(sha256Hex(old)))!;
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(staging, oldFile), twoHoursAgo, twoHoursAgo);

    assert.equal(await archive.cleanStaging(3600_000), 1);
    assert.equal(existsSync(join(staging, oldFile)), false);
    assert.equal(readdirSync(staging).length, 1);
    assert.equal(await archive.cleanStaging(), 1);
    assert.deepEqual(readdirSync(staging), []);
  });
});
