import { isAscii } from "node:buffer";

const utf8 = new TextDecoder();

/**
 * UTF-8 bytes as text, as TextDecoder reads them (invalid bytes become U+FFFD, a leading BOM is
 * dropped). Logs are nearly always plain ASCII, which reads byte for byte: checking for that and
 * taking the Latin-1 path skips the work of full UTF-8 decoding.
 */
export function decodeText(bytes: Uint8Array): string {
  if (isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return utf8.decode(bytes);
}
