import { isAscii } from "node:buffer";

const utf8 = new TextDecoder();

/**
 * UTF-8 bytes as text, as TextDecoder reads them (invalid bytes become U+FFFD, a leading BOM is
 * dropped). Logs are nearly always plain ASCII, which reads byte for byte: checking for that and
 * taking the Latin-1 path skips the work of full UTF-8 decoding.
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextPiece(bytes).text;
}

/** {@link decodeText}, saying too whether the bytes were plain ASCII (its readers need not check again). */
export function decodeTextPiece(bytes: Uint8Array): { readonly text: string; readonly ascii: boolean } {
  if (isAscii(bytes))
    return {
      text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"),
      ascii: true,
    };
  return { text: utf8.decode(bytes), ascii: false };
}
