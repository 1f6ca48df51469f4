/**
 * The content-addressed archive: raw bytes kept byte-for-byte under archive/sha256/ab/cd…,
 * named by their SHA-256. Files are written to a staging folder first and moved into
 * place only when the database transaction that records them is about to commit, so a
 * failed ingest leaves nothing in the archive's final place.
 */
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DossierError } from "../errors/index.ts";

export interface StagedBlob {
  sha256: string;
  /** Moves the bytes into their final place (a no-op when already archived). */
  commit(): Promise<void>;
  /** Removes the staged copy; safe to call after commit. */
  discard(): Promise<void>;
}

export interface BlobArchiveOptions {
  /**
   * fsync every file before it is placed. Off by default to match the database, which
   * runs SQLite's WAL with synchronous=NORMAL: both survive a killed process (the page
   * cache keeps what was written) but not a power cut. Turn on with DOSSIER_FSYNC=1 for
   * archives that must survive one, at ~8 ms per document on ordinary disks.
   */
  fsync?: boolean;
}

export class BlobArchive {
  readonly fsync: boolean;
  /** Folders already made by this process: a bulk ingest would otherwise mkdir twice per file. */
  private readonly made = new Set<string>();
  constructor(
    readonly root: string,
    opts: BlobArchiveOptions = {},
  ) {
    this.fsync = opts.fsync ?? false;
  }

  pathFor(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new DossierError("BAD_INPUT", `not a SHA-256 digest: ${sha256}`);
    return join(this.root, "sha256", sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  private get stagingDir(): string {
    return join(this.root, "staging");
  }

  private async ensureDir(dir: string): Promise<void> {
    if (this.made.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.made.add(dir);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathFor(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async read(sha256: string): Promise<Uint8Array> {
    try {
      return await readFile(this.pathFor(sha256));
    } catch (e) {
      throw new DossierError("INTEGRITY", `archived file for sha256:${sha256} is missing`, { file: this.pathFor(sha256) }, { cause: e });
    }
  }

  /** Writes bytes to staging and returns a handle to place or discard them. */
  async stage(bytes: Uint8Array, sha256: string): Promise<StagedBlob> {
    await this.ensureDir(this.stagingDir);
    const tmp = join(this.stagingDir, `${sha256}.${randomBytes(6).toString("hex")}`);
    const fh = await open(tmp, "wx");
    try {
      await fh.writeFile(bytes);
      if (this.fsync) await fh.sync();
    } finally {
      await fh.close();
    }
    const final = this.pathFor(sha256);
    let placed = false;
    return {
      sha256,
      commit: async () => {
        if (placed) return;
        await this.ensureDir(dirname(final));
        await rename(tmp, final);
        placed = true;
      },
      discard: async () => {
        if (!placed) await rm(tmp, { force: true });
      },
    };
  }

  /** SHA-256 of an archived file, recomputed from its bytes (streamed). */
  async rehash(sha256: string): Promise<string | null> {
    const path = this.pathFor(sha256);
    try {
      await stat(path);
    } catch {
      return null;
    }
    const h = createHash("sha256");
    for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
    return h.digest("hex");
  }

  /** Every digest present in the final place (for finding orphans). */
  async list(): Promise<string[]> {
    const base = join(this.root, "sha256");
    const out: string[] = [];
    const walk = async (dir: string, depth: number) => {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return;
      }
      for (const n of names) {
        if (depth < 2) await walk(join(dir, n), depth + 1);
        else if (/^[0-9a-f]{64}$/.test(n)) out.push(n);
      }
    };
    await walk(base, 0);
    return out.sort();
  }

  /**
   * Removes staging leftovers of a killed process. `olderThanMs` spares files younger than
   * that, which may belong to another process ingesting into the same home right now.
   */
  async cleanStaging(olderThanMs = 0): Promise<number> {
    let names: string[] = [];
    try {
      names = await readdir(this.stagingDir);
    } catch {
      return 0;
    }
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const n of names) {
      const path = join(this.stagingDir, n);
      if (olderThanMs > 0) {
        const info = await stat(path).catch(() => null);
        if (!info || info.mtimeMs > cutoff) continue;
      }
      await unlink(path).then(() => removed++, () => {});
    }
    return removed;
  }
}
