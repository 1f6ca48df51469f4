/**
 * A progress bar for long runs, drawn on stderr only when stderr is a terminal and the
 * user did not ask for JSON; otherwise every call is a no-op.
 */
import cliProgress from "cli-progress";

export interface Progress {
  update(done: number, total: number, label?: string): void;
  stop(): void;
}

export function progress(opts: { json?: boolean }, what: string): Progress {
  if (opts.json || !process.stderr.isTTY || process.env.CI) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${what} [{bar}] {value}/{total} {label}`, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label = "") {
      if (!started) {
        bar.start(total, 0, { label: "" });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { label: label.length > 40 ? "…" + label.slice(-39) : label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
