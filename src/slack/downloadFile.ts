import type { SlackFile } from "./payloads.js";

/** A Slack file opened for reading: its body streams into the scanner as it downloads. */
export type OpenedFile =
  | {
      readonly kind: "text";
      readonly name: string;
      readonly body: AsyncIterable<Uint8Array>;
    }
  | {
      readonly kind: "skipped";
      readonly name: string;
      /** `web-page`: Slack sent an HTML page (its sign-in page) in place of the file. */
      readonly reason: "not-text" | "failed" | "untrusted-host" | "web-page";
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
 * Opens a Slack-hosted text file for download with the bot token; the caller reads the body
 * (through readTextPieces, which caps it at SLACK_FILE_MAX_BYTES). The token is sent only to
 * Slack's own file hosts (or the configured API host), never to a URL a payload names elsewhere.
 */
export async function openSlackFile(
  file: SlackFile,
  options: { botToken: string; trustedHosts: readonly string[]; timeoutMs?: number },
): Promise<OpenedFile> {
  const name = file.name ?? file.title ?? file.id;
  if (!isTextFile(file)) return { kind: "skipped", name, reason: "not-text" };
  const url = file.url_private_download ?? file.url_private;
  if (!url) return { kind: "skipped", name, reason: "failed" };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: "skipped", name, reason: "failed" };
  }
  if (!isTrustedUrl(parsed, options.trustedHosts)) return { kind: "skipped", name, reason: "untrusted-host" };
  try {
    // The timeout covers the body too: a download that stalls half-way ends as "failed".
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${options.botToken}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: "error",
    });
    if (!response.ok || !response.body) return { kind: "skipped", name, reason: "failed" };
    const expectsHtml = file.filetype === "html" || /html/.test(file.mimetype ?? "");
    if (expectsHtml) return { kind: "text", name, body: response.body };
    if (/text\/html/i.test(response.headers.get("content-type") ?? "")) {
      await response.body.cancel().catch(() => undefined);
      return { kind: "skipped", name, reason: "web-page" };
    }
    const peeked = await peek(response.body, WEB_PAGE_SNIFF_BYTES);
    if (looksLikeWebPage(Buffer.concat(peeked.head).toString("utf8"))) {
      await peeked.cancel();
      return { kind: "skipped", name, reason: "web-page" };
    }
    return { kind: "text", name, body: peeked.body };
  } catch {
    return { kind: "skipped", name, reason: "failed" };
  }
}

/**
 * An entry with a scheme is an exact origin (scheme, host and port); a bare domain is that domain
 * or a subdomain, over HTTPS on the standard port. Anything else never sees the bot token.
 */
function isTrustedUrl(url: URL, trusted: readonly string[]): boolean {
  return trusted.some((entry) =>
    entry.includes("://")
      ? url.origin === entry
      : url.protocol === "https:" &&
        url.port === "" &&
        (url.hostname === entry || url.hostname.endsWith(`.${entry}`)),
  );
}

const WEB_PAGE_SNIFF_BYTES = 1024;

/**
 * A file that starts as an HTML document is not the log: Slack answers a download it will not
 * allow (a missing scope, a file the bot cannot see) with its sign-in page.
 */
function looksLikeWebPage(head: string): boolean {
  return /^\s*(?:<!--[\s\S]{0,200}?-->\s*)?<(?:!doctype\s+html|html[\s>]|head[\s>])/i.test(head);
}

/** Reads the first `bytes` of a stream, and gives back the whole stream, those bytes included. */
async function peek(
  stream: ReadableStream<Uint8Array>,
  bytes: number,
): Promise<{ head: Uint8Array[]; body: AsyncIterable<Uint8Array>; cancel: () => Promise<void> }> {
  const reader = stream.getReader();
  const head: Uint8Array[] = [];
  let read = 0;
  let ended = false;
  while (read < bytes) {
    const next = await reader.read();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    read += next.value.length;
  }
  async function* body(): AsyncGenerator<Uint8Array> {
    try {
      yield* head;
      if (ended) return;
      for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
    } finally {
      // A reader that stops early (the size cap) must not leave the download open.
      await reader.cancel().catch(() => undefined);
    }
  }
  return { head, body: body(), cancel: () => reader.cancel().catch(() => undefined) };
}
