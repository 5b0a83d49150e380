import { TextDecoder } from "node:util";

/**
 * A byte stream with UTF-16 taken care of: one that starts with a UTF-16 byte-order mark (what
 * Windows tools write: PowerShell's `>`, Notepad's "Unicode", many .NET loggers) is decoded and
 * handed on as text; any other stream passes through untouched. Without this, the NUL byte in
 * every ASCII character makes such a log look binary.
 */
export async function* decodeUtf16Stream(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<Uint8Array | string, void, void> {
  let decoder: TextDecoder | undefined;
  let decided = false;
  let start: Uint8Array | undefined; // the first byte, until a second one arrives
  for await (const chunk of source) {
    if (decided) {
      if (!decoder || typeof chunk === "string") yield chunk;
      else {
        const text = decoder.decode(chunk, { stream: true });
        if (text !== "") yield text;
      }
      continue;
    }
    if (typeof chunk === "string") {
      decided = true;
      if (start) yield start;
      yield chunk;
      continue;
    }
    const bytes = start ? Buffer.concat([start, chunk]) : chunk;
    if (bytes.length < 2) {
      // Copied: a reader may reuse a chunk's memory once the next is asked for.
      start = Uint8Array.from(bytes);
      continue;
    }
    decided = true;
    start = undefined;
    const encoding = byteOrderMark(bytes);
    if (!encoding) {
      yield bytes;
      continue;
    }
    decoder = new TextDecoder(encoding);
    const text = decoder.decode(bytes, { stream: true });
    if (text !== "") yield text;
  }
  if (start) yield start;
  const rest = decoder?.decode() ?? "";
  if (rest !== "") yield rest;
}

function byteOrderMark(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}
