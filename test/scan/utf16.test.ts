import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { scanStream } from "../../src/scan/scanStream.js";
import { decodeUtf16Stream } from "../../src/text/utf16.js";
import { runCliProcess } from "../core/cliProcess.js";

const index = loadKnowledgeIndex();
const dir = mkdtempSync(join(tmpdir(), "agora-utf16-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOG = "I/agora: joining\r\nE/agora: onError: 110 加入频道失败 🙂\r\nI/agora: left\r\n";

/** The log as a Windows tool saves it: a byte-order mark, then UTF-16 in either byte order. */
function utf16(text: string, order: "le" | "be"): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  return order === "le" ? le : Buffer.from(le).swap16();
}

async function collect(chunks: Uint8Array[]): Promise<string> {
  let text = "";
  for await (const piece of decodeUtf16Stream(Readable.from(chunks))) {
    text += typeof piece === "string" ? piece : Buffer.from(piece).toString("utf8");
  }
  return text;
}

describe("UTF-16 logs with a byte-order mark", () => {
  it("are decoded in either byte order, however the stream is cut (odd bytes, split surrogates)", async () => {
    for (const order of ["le", "be"] as const) {
      const bytes = utf16(LOG, order);
      expect(await collect([bytes])).toBe(LOG);
      const oneByteChunks = [...bytes].map((byte) => Uint8Array.of(byte));
      expect(await collect(oneByteChunks)).toBe(LOG);
      expect(await collect([bytes.subarray(0, 7), bytes.subarray(7, 50), bytes.subarray(50)])).toBe(LOG);
    }
  });

  it("leave every other stream as it was, byte for byte", async () => {
    const utf8 = Buffer.from(`\uFEFF${LOG}`);
    expect(await passedThrough([utf8])).toEqual(utf8);
    expect(await passedThrough([Uint8Array.of(0xff)])).toEqual(Buffer.from([0xff]));
  });

  it("are scanned like any log, with the same line numbers", async () => {
    for (const order of ["le", "be"] as const) {
      const scanned = await scanStream(index, Readable.from([utf16(LOG, order)]));
      expect(scanned.kind).toBe("text");
      if (scanned.kind !== "text") continue;
      expect(scanned.result.findings.map((finding) => [finding.entry.id, finding.lines])).toEqual([
        ["invalid-token", [2]],
      ]);
    }
  });

  it("are read by `agora-bot scan`", async () => {
    const file = join(dir, "windows.log");
    writeFileSync(file, utf16(LOG, "le"));
    const fromFile = await runCliProcess(["scan", "--json", file]);
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromFile.stdout).findings[0].id).toBe("invalid-token");
  });
});

async function passedThrough(chunks: Uint8Array[]): Promise<Buffer> {
  const out: Uint8Array[] = [];
  for await (const piece of decodeUtf16Stream(Readable.from(chunks))) {
    out.push(typeof piece === "string" ? Buffer.from(piece) : piece);
  }
  return Buffer.concat(out);
}
