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
    // The timeout covers the body too: a download that stalls half-way ends as "failed".
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${options.botToken}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      redirect: "error",
    });
    if (!response.ok || !response.body) return { kind: "skipped", name, reason: "failed" };
    return { kind: "text", name, body: response.body };
  } catch {
    return { kind: "skipped", name, reason: "failed" };
  }
}
