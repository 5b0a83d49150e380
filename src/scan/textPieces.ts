import { decodeTextPiece } from "../text/decodeText.js";
import { isWordChar, MAX_LINE_CHARS } from "./scanLog.js";

/** Whole lines of text, decoded: what a LogScanner takes. */
export interface TextPiece {
  readonly text: string;
  /** The piece is plain ASCII, as its bytes showed when decoded (unknown when left out). */
  readonly ascii?: boolean;
  /** The piece's last line was longer than the reader keeps: this many of its bytes were skipped. */
  readonly cutBytes?: number;
}

/** How a byte stream ended: read to its end (or to `maxBytes`), or refused as binary. */
export type TextStreamEnd =
  | { readonly kind: "text"; readonly bytes: number; readonly truncated: boolean }
  | { readonly kind: "binary" };

export interface TextPieceOptions {
  /** Stop after this many bytes (a Slack file's cap); `truncated` then tells whether more followed. */
  readonly maxBytes?: number;
  /** Called as bytes arrive, with the running total (progress lines). */
  readonly onRead?: (bytes: number) => void;
  /** Decoded pieces are about this big (tests make them small). */
  readonly pieceBytes?: number;
  /** The source reuses each chunk's memory once the next is asked for: whatever is kept longer is copied. */
  readonly lentChunks?: boolean;
}

/**
 * Just under a megabyte a piece: few calls, no long block of the event loop, and under the size
 * (0xFBEE9 bytes) from which Node makes a decoded string an external one in malloc'd memory,
 * which the process then keeps: a gigabyte scanned in such strings took the RSS to 250 MB.
 */
export const PIECE_BYTES = 960 * 1024;
/** What git and grep take as "binary" too: a NUL byte among the first 8 KB. */
const BINARY_SNIFF_BYTES = 8192;
const NEWLINE = 0x0a;
const LINE_END = new Uint8Array([NEWLINE]);

/**
 * Reads a byte stream (a file, stdin, a download) as whole lines decoded in pieces of about a
 * megabyte, holding no more than a piece and one line at a time. A line longer than the scanner
 * reads in full is kept up to the limit (ending before a word the limit cuts through) and the
 * rest of it is skipped as it streams past, and said so; so `/dev/zero`-like input without line
 * ends costs no memory. UTF-8 never has a newline byte inside a character, so cutting after one
 * never splits a character.
 */
export async function* readTextPieces(
  source: AsyncIterable<Uint8Array | string>,
  options: TextPieceOptions = {},
): AsyncGenerator<TextPiece, TextStreamEnd, void> {
  const pieceBytes = options.pieceBytes ?? PIECE_BYTES;
  const maxLine = MAX_LINE_CHARS;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  let whole: Uint8Array[] = []; // complete lines not yet decoded
  let wholeBytes = 0;
  let partial: Uint8Array[] = []; // the line being read, no newline yet
  let partialBytes = 0;
  let cutLine: Uint8Array | undefined; // head of a too-long line whose rest streams past
  let skipped = 0;
  let total = 0;
  let truncated = false;
  const sniffUntil = BINARY_SNIFF_BYTES;
  // The first piece is a whole batch: the scanner infers the log's SDK family from its head.
  let first = true;
  const keep = options.lentChunks
    ? (bytes: Uint8Array) => Uint8Array.from(bytes)
    : (bytes: Uint8Array) => bytes;

  const take = (): Uint8Array[] => {
    const parts = whole;
    whole = [];
    wholeBytes = 0;
    return parts;
  };
  /** The held lines and the kept head of the long line, with its newline when it had one. */
  const cutPieces = (lineEnded: boolean): TextPiece[] => {
    const parts = [...take(), cutLine ?? new Uint8Array()];
    if (lineEnded) parts.push(LINE_END);
    const pieces = decodePieces(parts, skipped, first);
    first = false;
    cutLine = undefined;
    skipped = 0;
    return pieces;
  };
  const startCut = (line: Uint8Array[], length: number) => {
    const head = headOfLongLine(line.length === 1 ? (line[0] as Uint8Array) : Buffer.concat(line), maxLine);
    cutLine = line.length === 1 ? keep(head) : head;
    skipped = length - head.length;
  };

  /** One slice of at most maxLine bytes: only the line carried over can outgrow the limit. */
  function* consume(slice: Uint8Array): Generator<TextPiece, void, void> {
    let at = 0;
    if (cutLine) {
      const newline = slice.indexOf(NEWLINE);
      if (newline < 0) {
        skipped += slice.length;
        return;
      }
      skipped += newline;
      yield* cutPieces(true);
      at = newline + 1;
    }
    const last = slice.lastIndexOf(NEWLINE);
    if (last < at) {
      if (at < slice.length) {
        partial.push(keep(slice.subarray(at)));
        partialBytes += slice.length - at;
      }
      if (partialBytes > maxLine) {
        startCut(partial, partialBytes);
        partial = [];
        partialBytes = 0;
      }
      return;
    }
    if (partialBytes > 0) {
      const first = slice.indexOf(NEWLINE, at);
      if (partialBytes + first - at > maxLine) {
        partial.push(slice.subarray(at, first));
        startCut(partial, partialBytes + first - at);
        yield* cutPieces(true);
        at = first + 1;
      } else {
        whole.push(...partial);
        wholeBytes += partialBytes;
      }
      partial = [];
      partialBytes = 0;
    }
    if (last >= at) {
      whole.push(slice.subarray(at, last + 1));
      wholeBytes += last + 1 - at;
    }
    if (last + 1 < slice.length) {
      partial.push(keep(slice.subarray(last + 1)));
      partialBytes = slice.length - last - 1;
    }
    // Nothing is handed on before the binary check has seen its 8 KB. A source that reads by
    // lines (a file) hands over about a piece a chunk: decoded as it is, never joined.
    const ready = wholeBytes >= pieceBytes || (partialBytes === 0 && wholeBytes >= pieceBytes / 2);
    if (ready && total >= sniffUntil) {
      yield* decodePieces(take(), undefined, first);
      first = false;
    } else if (options.lentChunks) whole = whole.map(keep);
  }

  for await (const chunk of source) {
    if (total >= maxBytes) {
      truncated ||= chunk.length > 0;
      break;
    }
    let bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (total < sniffUntil && bytes.subarray(0, sniffUntil - total).includes(0)) return { kind: "binary" };
    if (bytes.length > maxBytes - total) {
      bytes = bytes.subarray(0, maxBytes - total);
      truncated = true;
    }
    total += bytes.length;
    options.onRead?.(total);
    for (let start = 0; start < bytes.length; start += maxLine)
      yield* consume(bytes.subarray(start, Math.min(bytes.length, start + maxLine)));
    if (truncated) break;
  }
  if (cutLine) yield* cutPieces(false);
  else {
    whole.push(...partial);
    yield* decodePieces(take(), undefined, first);
  }
  return { kind: "text", bytes: total, truncated };
}

/**
 * Under V8's largest ordinary object (128 KB): a decoded string this size lives and dies in the
 * young generation. A megabyte string is a "large object" that a collection in the middle of its
 * scan moves to the old generation, where it stays until a full collection: a gigabyte scanned
 * in megabyte strings grew the heap by 60 MB.
 */
const STRING_BYTES = 120 * 1024;

/**
 * Lines as decoded pieces of at most STRING_BYTES (a longer line is one piece), or as one piece
 * when `whole`; `cutBytes` goes with the last.
 */
function decodePieces(
  parts: readonly Uint8Array[],
  cutBytes: number | undefined,
  whole: boolean,
): TextPiece[] {
  if (parts.length === 0) return [];
  const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
  const pieces: TextPiece[] = [];
  for (let start = 0; start < bytes.length; ) {
    let end = whole ? bytes.length : start + STRING_BYTES;
    if (end >= bytes.length) end = bytes.length;
    else {
      const lineEnd = bytes.lastIndexOf(NEWLINE, end - 1);
      end = lineEnd >= start ? lineEnd + 1 : bytes.indexOf(NEWLINE, end) + 1 || bytes.length;
    }
    pieces.push(decodeTextPiece(bytes.subarray(start, end)));
    start = end;
  }
  if (cutBytes !== undefined) {
    const last = pieces.pop() ?? { text: "" };
    pieces.push({ ...last, cutBytes });
  }
  return pieces;
}

/** headOfLongLine for bytes: the first `limit` bytes, ending before a word or token the limit cut through. */
function headOfLongLine(line: Uint8Array, limit: number): Uint8Array {
  let end = Math.min(limit, line.length);
  const floor = end - 4096;
  while (end > floor && isWordChar(line[end - 1] ?? 0)) end--;
  return line.subarray(0, end);
}
