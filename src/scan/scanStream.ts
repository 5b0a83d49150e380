import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { decodeUtf16Stream } from "../text/utf16.js";
import { createLogScanner, type LogScanner } from "./scanLog.js";
import { readTextPieces, type TextPieceOptions } from "./textPieces.js";
import type { ScanResult } from "./types.js";

/** How much of a stream's head is kept to choose the answer's language. */
const HEAD_CHARS = 4096;

export type StreamFeed =
  | {
      readonly kind: "text";
      /** The first few KB of the text (for choosing a language). */
      readonly head: string;
      readonly bytes: number;
      /** Stopped at `maxBytes` with more to come. */
      readonly truncated: boolean;
    }
  | { readonly kind: "binary" };

/**
 * Feeds a byte stream into a scanner as it arrives, piece by piece, yielding to the event loop
 * between chunks: memory stays flat and other work (Slack acks, Ctrl-C) goes on meanwhile.
 */
export async function feedScanner(
  scanner: LogScanner,
  source: AsyncIterable<Uint8Array | string>,
  options: TextPieceOptions & {
    /** Off where nothing else waits for the event loop (the CLI): each piece scanned in one go. */
    readonly yieldBetweenChunks?: boolean;
  } = {},
): Promise<StreamFeed> {
  const pieces = readTextPieces(decodeUtf16Stream(source), options);
  let head = "";
  for (let step = await pieces.next(); ; step = await pieces.next()) {
    if (step.done) {
      const end = step.value;
      return end.kind === "binary" ? end : { kind: "text", head, bytes: end.bytes, truncated: end.truncated };
    }
    if (head.length < HEAD_CHARS) head += step.value.text.slice(0, HEAD_CHARS - head.length);
    if (options.yieldBetweenChunks === false)
      scanner.push(step.value.text, step.value.cutBytes, step.value.ascii);
    else {
      await scanner.pushAsync(step.value.text, step.value.cutBytes, step.value.ascii);
      // A download already received resolves its reads at once: without this, other requests
      // (Slack acks) would wait for the whole file.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** One byte stream scanned on its own: the CLI's `scan FILE` and `scan -`. */
export async function scanStream(
  index: KnowledgeIndex,
  source: AsyncIterable<Uint8Array | string>,
  options: Parameters<typeof feedScanner>[2] = {},
): Promise<(StreamFeed & { kind: "text"; result: ScanResult }) | { kind: "binary" }> {
  const scanner = createLogScanner(index);
  const fed = await feedScanner(scanner, source, options);
  return fed.kind === "binary" ? fed : { ...fed, result: scanner.finish() };
}
