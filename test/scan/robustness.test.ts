import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { matchQuery } from "../../src/match/matchQuery.js";
import { redactEvidence } from "../../src/scan/redact.js";
import { scanLog } from "../../src/scan/scanLog.js";
import { seededRandom } from "../random.js";

const index = loadKnowledgeIndex();

const ALPHABET = "aeERr_0123456789:.-=()[]{}\"' \n\t#@xXoOkKtT错误码报错\u0000\uffff";
const FRAGMENTS = [
  "ERR_",
  "onError: ",
  "AgoraRTCError ",
  "CAN_NOT_GET_GATEWAY_SERVER: ",
  "006",
  "xoxb-",
  "@",
  "error_code: ",
  "-110",
  "rawValue: ",
  "K_TIMESTAMP_EXPIRED",
  "Bearer ",
  "[",
  '{"err": ',
];

function randomText(next: () => number, length: number): string {
  let text = "";
  while (text.length < length) {
    text +=
      next() < 0.3
        ? FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]
        : ALPHABET[Math.floor(next() * ALPHABET.length)];
  }
  return text;
}

/** `name` with one letter changed, a different slip each time, space-separated, about n characters. */
function slips(name: string, n: number): string {
  const next = seededRandom(5);
  const words: string[] = [];
  for (let length = 0; length < n; length += name.length + 1) {
    const at = Math.floor(next() * name.length);
    words.push(
      `${name.slice(0, at)}${String.fromCharCode(65 + Math.floor(next() * 26))}${name.slice(at + 1)}`,
    );
  }
  // Five words a line at every size, so a small and a large input have the same shape.
  return words.map((word, position) => `${word}${position % 5 === 4 ? "\n" : " "}`).join("");
}

/** Random bytes read as Latin-1, as `lookup --jsonl` and `scan` see a binary file piped in. */
function randomLatin1(n: number): string {
  const next = seededRandom(9);
  const bytes = Buffer.alloc(n);
  for (let at = 0; at < n; at++) bytes[at] = Math.floor(next() * 256);
  return bytes.toString("latin1");
}

describe("random and adversarial input", () => {
  it("never throws on random text (500 cases)", () => {
    const next = seededRandom(42);
    for (let run = 0; run < 500; run++) {
      const text = randomText(next, Math.floor(next() * 3000));
      expect(() => scanLog(index, text)).not.toThrow();
      expect(() => matchQuery(index, text)).not.toThrow();
      expect(() => redactEvidence(text)).not.toThrow();
    }
  });

  // Each pattern is built to make a backtracking regex go quadratic; the ratio between doubling
  // sizes stays near 2 for linear work and near 4 for quadratic, whatever the machine's speed.
  const ADVERSARIAL: Record<string, (n: number) => string> = {
    digits: (n) => `error ${"1".repeat(n)}`,
    errorWords: (n) => "error".repeat(n / 5),
    separators: (n) => `error${":".repeat(n)}`,
    underscores: (n) => `ERR_${"A_".repeat(n / 2)}`,
    brackets: (n) => "[".repeat(n),
    onError: (n) => "onError: ".repeat(n / 9),
    hex: (n) => "a".repeat(n),
    tokenish: (n) => `006${"A".repeat(n)}`,
    emailish: (n) => `${"a.".repeat(n / 2)}@`,
    atSigns: (n) => "a@".repeat(n / 2),
    oneLongLine: (n) => `${"x".repeat(n)} onError: 110`,
    manyShortLines: (n) => "E/agora: onError: 110\n".repeat(n / 22),
    nameWordsInOneIdentifier: (n) => "Token_".repeat(n / 6),
    nameWordsBetweenSeparators: (n) => "token::".repeat(n / 7),
    nameWordsOnANonAsciiLine: (n) => "令牌token_key.".repeat(n / 13),
    separatorsThenAName: (n) => `${"-.".repeat(n / 2)}ERR_TOKEN_EXPIRED`,
    negativeCodes: (n) => "ret -110 ".repeat(n / 9),
    anchorWordsEverywhere: (n) => "key code: err ".repeat(n / 14),
    // Typo-heavy input: one misspelt name repeated, alone or one a line, and ever-different slips.
    misspeltNameRepeated: (n) => "K_TIMESTAMP_EXPIREDXX ".repeat(n / 22),
    misspeltNameOnEveryLine: (n) => "E/agora: K_TIMESTAMP_EXPIREDXX\n".repeat(n / 31),
    differentSlipsOfOneName: (n) => slips("ERR_INVALID_TOKEN", n),
    identifierStorm: (n) => "ERR_INVLID_TOKN_ AgoraErrorCodeInvaldToken ".repeat(n / 43),
    randomBytes: (n) => randomLatin1(n),
    // A message's first part again and again, its end never: each start is looked past once.
    gappedMessageStarts: (n) => `error: ${"access ".repeat(n / 7)}`,
    gappedMessageStartsInChinese: (n) => `错误：${"不支持".repeat(n / 3)}`,
    quotedNegatives: (n) => `error ${"-1 ".repeat(n / 3)}returned`,
  };

  // Redaction runs on whatever is echoed, so each secret pattern's worst case is here too.
  const REDACTION_ADVERSARIAL: Record<string, (n: number) => string> = {
    ...ADVERSARIAL,
    jwtHeaders: (n) => "eyJ".repeat(n / 3),
    bearerThenPluses: (n) => `Bearer ${"+".repeat(n)}`,
    unclosedQuotedSecrets: (n) => 'token="'.repeat(n / 7),
    quotedAtSigns: (n) => '"@'.repeat(n / 2),
    schemes: (n) => "a://".repeat(n / 4),
    urlEncodedAtSigns: (n) => "a%40".repeat(n / 4),
    escapedSlashes: (n) => "\\/".repeat(n / 2),
    phonePrefixes: (n) => "+1 ".repeat(n / 3),
    base64: (n) => "aB3/".repeat(n / 4),
    hexJustShort: (n) => `${"a".repeat(31)}-`.repeat(n / 32),
  };

  it.each(Object.keys(REDACTION_ADVERSARIAL))("redaction stays linear on %s", (name) => {
    const make = REDACTION_ADVERSARIAL[name] as (n: number) => string;
    const time = (n: number) => {
      const text = make(n);
      const start = performance.now();
      redactEvidence(text);
      return performance.now() - start;
    };
    time(50_000);
    const small = Math.min(time(200_000), time(200_000));
    const large = Math.min(time(800_000), time(800_000));
    // A floor of 2 ms: below it, timer noise alone can make the ratio look quadratic.
    expect(large / Math.max(small, 2)).toBeLessThan(10);
  });

  it.each(Object.keys(ADVERSARIAL))("stays linear on %s", (name) => {
    const make = ADVERSARIAL[name] as (n: number) => string;
    const time = (n: number) => {
      const text = make(n);
      const start = performance.now();
      scanLog(index, text);
      redactEvidence(text.slice(0, 200_000));
      return performance.now() - start;
    };
    time(50_000);
    // The best of three: a GC pause or another process's burst only ever adds time to one run.
    const small = Math.min(time(200_000), time(200_000), time(200_000));
    const large = Math.min(time(800_000), time(800_000), time(800_000));
    // 4x the input: linear work grows ~4x, quadratic ~16x. Allow generous noise.
    expect(large / Math.max(small, 0.5)).toBeLessThan(10);
  });

  it("handles empty, whitespace-only and binary-looking text", () => {
    for (const text of ["", " ", "\n\n\n", "\u0000".repeat(1000), "\ud800\udc00".repeat(100)]) {
      expect(scanLog(index, text).findings).toEqual([]);
    }
  });
});

describe("lookup --jsonl on random bytes", () => {
  it("costs the same per line whatever the lines hold: 4x the lines, ~4x the time", () => {
    const next = seededRandom(13);
    const lines = (count: number) =>
      Array.from({ length: count }, () =>
        Array.from({ length: 1 + Math.floor(next() * 400) }, () =>
          String.fromCharCode(Math.floor(next() * 256)),
        ).join(""),
      );
    const time = (queries: string[]) => {
      const start = performance.now();
      for (const query of queries) matchQuery(index, query);
      return performance.now() - start;
    };
    time(lines(200));
    const small = Math.min(time(lines(1000)), time(lines(1000)));
    const large = Math.min(time(lines(4000)), time(lines(4000)));
    expect(large / Math.max(small, 0.5)).toBeLessThan(10);
  });
});
