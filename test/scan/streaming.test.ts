import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { MAX_LINE_CHARS, scanLog } from "../../src/scan/scanLog.js";
import { scanStream } from "../../src/scan/scanStream.js";
import { readTextPieces } from "../../src/scan/textPieces.js";
import type { ScanResult } from "../../src/scan/types.js";
import { seededRandom } from "../random.js";

const index = loadKnowledgeIndex();
// Where the scanner used to cut a long line in two.
const OLD_CHUNK_CHARS = 256 * 1024;

/** A result with entries by id: what two scans of the same text must agree on, to the letter. */
function comparable(result: ScanResult) {
  return { ...result, findings: result.findings.map((finding) => ({ ...finding, entry: finding.entry.id })) };
}

/** The text as a byte stream cut at the given sizes (cycled), through multi-byte characters too. */
async function* bytesOf(text: string | Buffer, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  for (let at = 0, turn = 0; at < bytes.length; turn++) {
    const size = sizes[turn % sizes.length] ?? 1;
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function streamed(text: string, sizes: readonly number[], pieceBytes?: number): Promise<ScanResult> {
  const scanned = await scanStream(index, bytesOf(text, sizes), pieceBytes ? { pieceBytes } : {});
  if (scanned.kind !== "text") throw new Error("refused as binary");
  return scanned.result;
}

/**
 * A line that runs on for more than a chunk past the old cut at 256 K characters (the old scanner
 * cut only such lines), with `middle` across the cut, `split` characters of it before.
 */
function lineAcrossOldCut(middle: string, split: number, startsAt = 0): string {
  return `${".".repeat(OLD_CHUNK_CHARS - startsAt - split)}${middle} ${".".repeat(OLD_CHUNK_CHARS + 1000)}`;
}

describe("a long line is read whole, whatever the chunking (issue 11)", () => {
  it("finds an error message that straddles where the old chunks were cut", async () => {
    const head = "I/agora: start\nE/agora: ";
    const text = `${head}${lineAcrossOldCut("dynamic key expired", 10, head.length)}\nI/agora: end\n`;
    for (const result of [scanLog(index, text), await streamed(text, [65_536, 1000, 7])]) {
      expect(result.findings.map((finding) => [finding.entry.id, finding.lines])).toEqual([
        ["token-expired", [2]],
      ]);
      expect(result.cut).toBeUndefined();
    }
  });

  it("masks a token that straddles where the old chunks were cut", async () => {
    const token = `007eJx${"QmFzZTY0VG9rZW5Cb2R5".repeat(6)}`;
    const line = lineAcrossOldCut(`token=${token} onError: 110`, 40);
    for (const result of [scanLog(index, line), await streamed(line, [4096])]) {
      const evidence = result.findings.map((finding) => finding.evidence).join("\n");
      expect(result.findings.map((finding) => finding.entry.id)).toEqual(["invalid-token"]);
      // Not one run of the token's body may show, masked prefix aside.
      for (let at = 7; at + 12 <= token.length; at += 6)
        expect(evidence).not.toContain(token.slice(at, at + 12));
    }
  });
});

describe("the streaming scan", () => {
  it("finds the same as one scan of the whole text, however the bytes arrive", async () => {
    const next = seededRandom(13);
    const lines = [
      "11-24 10:11:09.651  4321  4411 I agora: joined channel, uid 42",
      "E/agora: onError: 110",
      "[AgoraRtcKit] api name: renewToken, result: 0",
      "W/agora: onTokenPrivilegeWillExpire",
      "10:11:09:651 Agora-SDK [ERROR]: [28411] Get server node failed [INVALID_VENDOR_KEY]",
      "令牌过期 错误码：109 — 中文日志行",
      "",
      "\r",
      "rtcEngine(_:didOccurError:) AgoraErrorCode(rawValue: 109)",
      "I/agora: token 007eJxQmFzZTY0VG9rZW5Cb2R5QmFzZTY0 renewed",
    ];
    for (let run = 0; run < 6; run++) {
      const text = Array.from(
        { length: 400 + Math.floor(next() * 400) },
        () => lines[Math.floor(next() * lines.length)],
      ).join("\n");
      const ending = run % 2 === 0 ? "\n" : "";
      const whole = comparable(scanLog(index, text + ending));
      const sizes = Array.from({ length: 5 }, () => 1 + Math.floor(next() * 3000));
      expect(comparable(await streamed(text + ending, sizes, 2048))).toEqual(whole);
    }
  });

  it("reads the middle of a big input, and keeps the renewal rule", async () => {
    const filler = "I/agora: all good, frame 123\n".repeat(60_000);
    const text = `W/agora: onTokenPrivilegeWillExpire\n${filler}E/agora: onError: 101\n${filler}I/agora: renewToken ok\n`;
    const result = await streamed(text, [1 << 20]);
    expect(comparable(result)).toEqual(comparable(scanLog(index, text)));
    expect(result.findings.map((finding) => [finding.entry.id, finding.lines])).toEqual([
      ["invalid-app-id", [60_002]],
    ]);
  });

  it("infers the SDK family from the same head as one scan, even when the second line is long", async () => {
    const text = `start\n[client-4e1c0] AgoraRTCError ${"x".repeat(200_000)}\nE/agora: onError: 110\n`;
    const whole = scanLog(index, text);
    expect(whole.platform).toBe("web-4x");
    expect(comparable(await streamed(text, [65_536]))).toEqual(comparable(whole));
  });

  it("refuses a binary stream after its first 8 KB", async () => {
    let chunks = 0;
    async function* zeros(): AsyncGenerator<Uint8Array> {
      for (;;) {
        chunks++;
        yield new Uint8Array(65_536);
      }
    }
    expect((await scanStream(index, zeros())).kind).toBe("binary");
    expect(chunks).toBe(1);
  });

  it("holds at most the line limit of a line without end, skips the rest as it streams, and says so", async () => {
    const chunk = Buffer.alloc(1 << 20, "a");
    let longest = 0;
    async function* endless(megabytes: number): AsyncGenerator<Uint8Array> {
      yield Buffer.from("E/agora: onError: 110 ");
      for (let n = 0; n < megabytes; n++) yield chunk;
      yield Buffer.from("\nE/agora: onError: 101\n");
    }
    const pieces = readTextPieces(endless(64));
    const seen: string[] = [];
    for (let step = await pieces.next(); !step.done; step = await pieces.next()) {
      longest = Math.max(longest, step.value.text.length);
      seen.push(step.value.text.slice(0, 30));
    }
    expect(longest).toBeLessThanOrEqual(MAX_LINE_CHARS + 64);

    const scanned = await scanStream(index, endless(64));
    if (scanned.kind !== "text") throw new Error("refused");
    expect(scanned.result.findings.map((finding) => [finding.entry.id, finding.lines])).toEqual([
      ["invalid-token", [1]],
      ["invalid-app-id", [2]],
    ]);
    expect(scanned.result.cut).toMatchObject({ lines: 1, firstLine: 1 });
    expect(scanned.result.cut?.skippedBytes).toBeGreaterThan(63 * 1024 * 1024);
    expect(scanned.result.lineCount).toBe(2);
  });

  it("cuts a long line the same way from a string and from a stream, before any word the limit cuts through", async () => {
    const line = `E/agora: onError: 110 ${"word ".repeat(MAX_LINE_CHARS / 5 + 1000)}onError: 101`;
    const fromString = scanLog(index, `${line}\nok\n`);
    expect(fromString.findings.map((finding) => finding.entry.id)).toEqual(["invalid-token"]);
    expect(fromString.cut).toMatchObject({ lines: 1, firstLine: 1 });
    expect(comparable(await streamed(`${line}\nok\n`, [300_000]))).toEqual(comparable(fromString));
  });

  it("stops at maxBytes and says more followed", async () => {
    const text = `E/agora: onError: 110\n${"I/agora: ok\n".repeat(10_000)}`;
    const pieces = readTextPieces(bytesOf(text, [1000]), { maxBytes: 20_000 });
    let read = "";
    let step = await pieces.next();
    for (; !step.done; step = await pieces.next()) read += step.value.text;
    expect(read.length).toBe(20_000);
    expect(step.value).toEqual({ kind: "text", bytes: 20_000, truncated: true });
  });
});

describe("pieces the decoder saw as ASCII", () => {
  async function* bytesOf(text: string, size: number): AsyncGenerator<Uint8Array> {
    const bytes = Buffer.from(text, "utf8");
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }

  it("are marked so, and a piece with any other byte is not", async () => {
    const piecesOf = async (text: string) => {
      const pieces = [];
      for await (const piece of readTextPieces(bytesOf(text, 65536))) pieces.push(piece);
      return pieces;
    };
    const ascii = "I/agora: frame ok, nothing to see here\n".repeat(8000);
    expect((await piecesOf(ascii)).every((piece) => piece.ascii === true)).toBe(true);
    const mixed = await piecesOf(`${ascii}错误码 110\n`);
    expect(mixed.filter((piece) => piece.text.includes("错误码")).map((piece) => piece.ascii)).toEqual([
      false,
    ]);
  });

  it("scan as a whole text does, Chinese lines among them", async () => {
    const lines = Array.from({ length: 3000 }, (_, n) =>
      n % 500 === 7 ? "11-24 10:11:09.651  4321  4411 E agora: 加入频道报错码 -17" : `I/agora: frame ${n} ok`,
    );
    lines[1200] = "E/agora: onError: 110";
    const text = `${lines.join("\n")}\n`;
    const streamed = await scanStream(index, bytesOf(text, 4096), { yieldBetweenChunks: false });
    if (streamed.kind !== "text") throw new Error("expected text");
    const whole = scanLog(index, text);
    const ids = (result: ScanResult) =>
      [...result.findings, ...result.otherErrors].map((finding) => [finding.entry.id, finding.count]);
    expect(ids(streamed.result)).toEqual(ids(whole));
    expect(ids(whole)).toEqual(
      expect.arrayContaining([
        ["invalid-token", 1],
        ["err-join-channel-rejected", 6],
      ]),
    );
  });
});
