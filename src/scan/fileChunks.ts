import { read } from "node:fs";
import { PIECE_BYTES } from "./textPieces.js";

// A piece's worth a read: each read is decoded as it is (see PIECE_BYTES).
const READ_BYTES = PIECE_BYTES;
const NEWLINE = 0x0a;

/**
 * A descriptor's bytes (a file, or stdin when it is a file, a pipe or a device) in reads of
 * about a megabyte, each ending at a line end where it has one (the unfinished line is carried
 * to the front of the next read: a small copy, where joining buffers later would copy the
 * megabyte). The next read is already under way, on libuv's thread, while the caller scans this
 * one. Two buffers take turns: a chunk is lent until the next one is asked for (read it with
 * `lentChunks`), so a gigabyte costs no more memory than a megabyte.
 */
export async function* readFileChunks(fd: number): AsyncGenerator<Uint8Array> {
  const readInto = (buffer: Buffer, offset: number) =>
    new Promise<number>((resolve, reject) =>
      read(fd, buffer, offset, buffer.length - offset, null, (error, count) =>
        error ? reject(error) : resolve(count),
      ),
    );
  let buffer = Buffer.allocUnsafe(READ_BYTES);
  let spare = Buffer.allocUnsafe(READ_BYTES);
  let carried = 0;
  let pending = readInto(buffer, 0);
  for (;;) {
    const filled = carried + (await pending);
    if (filled === carried) {
      if (filled > 0) yield buffer.subarray(0, filled);
      return;
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
