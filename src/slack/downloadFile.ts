import { decodeText } from "../text/decodeText.js";
import type { SlackFile } from "./payloads.js";

export type DownloadedFile =
  | {
      readonly kind: "text";
      readonly name: string;
      /** The text in decoded batches, each ending at a line end (but the last): scanned as is, never joined. */
      readonly pieces: readonly string[];
      readonly truncated: boolean;
    }
  | {
      readonly kind: "skipped";
      readonly name: string;
      readonly reason: "not-text" | "failed" | "untrusted-host";
    };

const TEXT_FILETYPES = new Set([
  "text",
  "log",
  "txt",
  "javascript",
  "typescript",
  "json",
  "xml",
  "yaml",
  "markdown",
  "post",
  "java",
  "kotlin",
  "swift",
  "objc",
  "dart",
  "csharp",
  "cpp",
  "c",
  "python",
  "shell",
  "html",
  "css",
  "diff",
  "csv",
]);

export function isTextFile(file: SlackFile): boolean {
  if (file.mode === "snippet") return true;
  if (file.filetype && TEXT_FILETYPES.has(file.filetype)) return true;
  const mime = file.mimetype ?? "";
  return mime.startsWith("text/") || /^application\/(json|javascript|xml|x-log|x-ndjson)/.test(mime);
}

/**
 * Downloads a Slack-hosted text file with the bot token, reading at most `maxBytes`. The token is
 * sent only to Slack's own file hosts (or the configured API host), never to a URL a payload names elsewhere.
 */
export async function downloadSlackFile(
  file: SlackFile,
  options: { botToken: string; maxBytes: number; trustedHosts: readonly string[]; timeoutMs?: number },
): Promise<DownloadedFile> {
  const name = file.name ?? file.title ?? file.id;
  if (!isTextFile(file)) return { kind: "skipped", name, reason: "not-text" };
  const url = file.url_private_download ?? file.url_private;
  if (!url) return { kind: "skipped", name, reason: "failed" };
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return { kind: "skipped", name, reason: "failed" };
  }
  if (!options.trustedHosts.some((trusted) => host === trusted || host.endsWith(`.${trusted}`))) {
    return { kind: "skipped", name, reason: "untrusted-host" };
  }
  try {
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${options.botToken}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: "error",
    });
    if (!response.ok || !response.body) return { kind: "skipped", name, reason: "failed" };
    const read = await readTextAtMost(response.body, options.maxBytes);
    if (read === undefined) return { kind: "skipped", name, reason: "not-text" };
    return { kind: "text", name, pieces: read.pieces, truncated: read.truncated };
  } catch {
    return { kind: "skipped", name, reason: "failed" };
  }
}

// Decoding in 1 MB batches cut at line ends: no long block of the event loop, each decoded string
// big enough to skip V8's young generation, and no final join of megabytes (a long block of its own).
const DECODE_BATCH_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Reads at most `maxBytes`, decoding in batches as the bytes arrive. `undefined` for binary
 * content (a NUL in the first 8 KB).
 */
async function readTextAtMost(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<{ pieces: string[]; truncated: boolean } | undefined> {
  const reader = body.getReader();
  const pieces: string[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let total = 0;
  let truncated = false;
  // UTF-8 never uses 0x0A inside a multi-byte character, so cutting after a newline is always safe.
  const flush = (final: boolean) => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    const cut = final ? bytes.length : bytes.lastIndexOf(NEWLINE) + 1;
    if (cut === 0) return;
    pieces.push(decodeText(bytes.subarray(0, cut)));
    pending = cut < bytes.length ? [bytes.subarray(cut)] : [];
    pendingBytes = bytes.length - cut;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total < 8192 && value.subarray(0, 8192 - total).includes(0)) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    const room = maxBytes - total;
    const piece = value.length >= room ? value.subarray(0, room) : value;
    pending.push(piece);
    pendingBytes += piece.length;
    total += piece.length;
    if (value.length >= room) {
      truncated = value.length > room || !(await reader.read().then((next) => next.done));
      await reader.cancel().catch(() => undefined);
      break;
    }
    if (pendingBytes >= DECODE_BATCH_BYTES) flush(false);
  }
  flush(true);
  return { pieces, truncated };
}
