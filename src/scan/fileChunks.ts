import { read } from "node:fs";
import { PIECE_BYTES } from "./textPieces.js";

// A piece's worth a read: each read is decoded as it is (see PIECE_BYTES).
const READ_BYTES = PIECE_BYTES;
const NEWLINE = 0x0a;

/** The two buffers readFileChunks takes turns with: one pair a thread, reused from block to block. */
export type ReadBuffers = [Buffer, Buffer];

export function readBuffers(): ReadBuffers {
  return [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)];
}

export interface FileRange {
  /** Where to start; undefined reads on from the descriptor's own position (stdin). */
  readonly start?: number;
  /** Stop at the first line end at or after this offset (the end of a block of a parallel scan). */
  readonly softEnd?: number;
}

/**
 * A descriptor's bytes in reads of about a megabyte, each ending at a line end where it has one
 * (the unfinished line is carried to the front of the next read: a small copy, where joining
 * buffers later would copy the megabyte). The next read is already under way, on libuv's thread,
 * while the caller scans this one. Two buffers take turns: a chunk is lent until the next one
 * is asked for (read it with `lentChunks`), so a gigabyte costs no more memory than a megabyte.
 */
export async function* readFileChunks(
  fd: number,
  range: FileRange = {},
  buffers: ReadBuffers = readBuffers(),
): AsyncGenerator<Uint8Array> {
  let position = range.start;
  const softEnd = range.softEnd ?? Number.POSITIVE_INFINITY;
  const readInto = (buffer: Buffer, offset: number) =>
    new Promise<number>((resolve, reject) =>
      read(fd, buffer, offset, buffer.length - offset, position ?? null, (error, count) =>
        error ? reject(error) : resolve(count),
      ),
    );
  let [buffer, spare] = buffers;
  let carried = 0;
  let pending = readInto(buffer, 0);
  for (;;) {
    const count = await pending;
    const filled = carried + count;
    if (position !== undefined) position += count;
    if (count === 0) {
      if (filled > 0) yield buffer.subarray(0, filled);
      return;
    }
    if (position !== undefined && position > softEnd) {
      const bufferStart = position - filled;
      const newline = buffer.indexOf(NEWLINE, Math.max(0, softEnd - bufferStart));
      if (newline >= 0 && newline < filled) {
        yield buffer.subarray(0, newline + 1);
        return;
      }
    }
    const lineEnd = buffer.lastIndexOf(NEWLINE, filled - 1) + 1;
    const keep = lineEnd === 0 ? filled : lineEnd;
    const next = spare;
    spare = buffer;
    carried = filled - keep;
    if (carried > 0) buffer.copy(next, 0, keep, filled);
    pending = readInto(next, carried);
    yield buffer.subarray(0, keep);
    buffer = next;
  }
}

/** Where the first line starting at or after `offset` starts; undefined if none does before `before`. */
export async function lineStartAtOrAfter(
  fd: number,
  offset: number,
  before: number,
): Promise<number | undefined> {
  if (offset === 0) return 0;
  const window = Buffer.allocUnsafe(64 * 1024);
  for (let position = offset - 1; position < before; position += window.length) {
    const count = await new Promise<number>((resolve, reject) =>
      read(fd, window, 0, window.length, position, (error, bytes) =>
        error ? reject(error) : resolve(bytes),
      ),
    );
    if (count === 0) return undefined;
    const newline = window.subarray(0, count).indexOf(NEWLINE);
    if (newline >= 0) return position + newline + 1 < before ? position + newline + 1 : undefined;
  }
  return undefined;
}
