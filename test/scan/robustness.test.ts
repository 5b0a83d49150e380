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
  };

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
