import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/text/decodeText.js";

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("decodeText", () => {
  it("reads exactly as a UTF-8 TextDecoder does, on ASCII and on everything else", () => {
    const samples = [
      "",
      "E/agora: onError: 110\n",
      "加入频道时报错 ERR_NO_AUTHORIZED\n",
      "\uFEFFI/agora: a log saved with a BOM\n",
      "emoji 🙂 and Latin-1 é ü\n",
    ].map((text) => Buffer.from(text, "utf8"));
    samples.push(Buffer.from([0x61, 0xff, 0xfe, 0x62, 0xc3]));
    for (const bytes of samples) expect(decodeText(bytes)).toBe(utf8(bytes));
    expect(decodeText(Buffer.from("\uFEFFabc"))).toBe("abc");
  });

  it("reads only the bytes of a view, not the whole buffer behind it", () => {
    const whole = Buffer.from("xxxxE/agora: onError: 110yyyy");
    expect(decodeText(whole.subarray(4, whole.length - 4))).toBe("E/agora: onError: 110");
    const pooled = new Uint8Array(whole.buffer, whole.byteOffset + 4, 7);
    expect(decodeText(pooled)).toBe("E/agora");
  });
});
