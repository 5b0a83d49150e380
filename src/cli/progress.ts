import type { CliIo } from "./io.js";

const SHOW_AFTER_MS = 1000;
const REDRAW_MS = 250;
const MB = 1024 * 1024;

export interface Progress {
  /** The running total of bytes read. */
  update(bytes: number): void;
  /** Wipes the line off the terminal (if it was shown). */
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A progress line on stderr for a scan that runs longer than about a second: bytes read, MB/s,
 * and time left when the size is known. Only for a person at a terminal: never when stderr is
 * not one, with machine output (--json, --jsonl), --quiet, NO_COLOR (it redraws with escape
 * sequences), TERM=dumb or in CI.
 */
export function startProgress(
  io: CliIo,
  name: string,
  totalBytes: number | undefined,
  options: { readonly quiet: boolean },
): Progress {
  const { env } = io;
  const optedOut = [env.NO_COLOR, env.CI].some((value) => value !== undefined && value !== "");
  if (options.quiet || optedOut || io.stderr.isTTY !== true || env.TERM === "dumb") return SILENT;
  const started = performance.now();
  let bytes = 0;
  let shown = false;
  const draw = () => {
    const seconds = (performance.now() - started) / 1000;
    if (seconds * 1000 < SHOW_AFTER_MS) return;
    const rate = bytes / MB / seconds;
    const size = totalBytes === undefined ? "" : ` of ${formatBytes(totalBytes)}`;
    const left =
      totalBytes !== undefined && rate > 0 && totalBytes >= bytes
        ? `, ${Math.ceil((totalBytes - bytes) / MB / rate)} s left`
        : "";
    io.stderr.write(`\r${name}: ${formatBytes(bytes)}${size}, ${Math.round(rate)} MB/s${left}\u001b[K`);
    shown = true;
  };
  const timer = setInterval(draw, REDRAW_MS);
  timer.unref();
  return {
    update(total) {
      bytes = total;
    },
    stop() {
      clearInterval(timer);
      if (shown) io.stderr.write("\r\u001b[K");
    },
  };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${(bytes / 1024 / MB).toFixed(1)} GB`;
  if (bytes >= MB) return `${Math.round(bytes / MB)} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}
