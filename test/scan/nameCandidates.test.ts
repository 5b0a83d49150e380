import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { nameCandidates } from "../../src/scan/analyzeLine.js";
import { scanLog } from "../../src/scan/scanLog.js";
import { seededBelow } from "../random.js";

const index = loadKnowledgeIndex();
const ids = (text: string) => scanLog(index, text).findings.map((finding) => finding.entry.id);

// The index's name words, as plain strings: the reference reading below does not use the regex.
const NAME_WORDS = index.nameWords.source.includes("(?")
  ? wordsOf(index.nameWords)
  : index.nameWords.source.split("|");

/** Every literal a trie-shaped alternation matches, by trying the words of the knowledge's names. */
function wordsOf(pattern: RegExp): string[] {
  const whole = new RegExp(`^(?:${pattern.source})$`);
  const words = new Set<string>();
  for (const entry of index.entries) {
    for (const name of entry.names) {
      for (const word of name.name.toLowerCase().split(/[^a-z0-9]+|(?=[A-Z])/))
        if (whole.test(word)) words.add(word);
      for (const word of name.name
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .toLowerCase()
        .split(/[^a-z0-9]+/))
        if (whole.test(word)) words.add(word);
    }
  }
  return [...words];
}

/** The obvious reading: every identifier of the line, kept when it is long enough and holds a name word. */
function referenceCandidates(line: string): [number, string][] {
  const found: [number, string][] = [];
  for (const match of line.matchAll(/[A-Za-z][A-Za-z0-9_]*(?:[.:-][A-Za-z0-9_]+)*/g)) {
    const lower = match[0].toLowerCase();
    if (match[0].length >= 6 && NAME_WORDS.some((word) => lower.includes(word)))
      found.push([match.index, match[0]]);
  }
  return found;
}

const candidates = (line: string): [number, string][] =>
  [...nameCandidates(line, line.toLowerCase(), index.nameWords)].map((match) => [match.index, match[0]]);

// Pieces that make identifiers meet, split and overlap in every way the fast path has to get right.
const PIECES = [
  "Token",
  "KEY",
  "app",
  "_",
  ".",
  ":",
  "-",
  " ",
  "  ",
  "1",
  "9-",
  "x",
  "Err",
  "expire",
  "d",
  "(",
  "'",
  "tokentoken",
  "INVALID",
  "privilege",
  "rejected",
  "报错",
  "é",
];

describe("nameCandidates", () => {
  it("finds the same identifiers at the same offsets as reading every identifier of the line", () => {
    const below = seededBelow(11);
    for (let round = 0; round < 5000; round++) {
      const line = Array.from({ length: 1 + below(14) }, () => PIECES[below(PIECES.length)]).join("");
      expect(candidates(line), line).toEqual(referenceCandidates(line));
    }
  });

  it("reads lines in any order: no state carries over from one line to the next", () => {
    expect(ids(`${"x ".repeat(40)}ERR_NO_AUTHORIZED`)).toEqual(["invalid-token"]);
    expect(ids("报错 ERR_NO_AUTHORIZED，怎么办")).toEqual(["invalid-token"]);
    expect(ids(`${"y ".repeat(40)}ERR_DYNAMIC_KEY_EXPIRED\n加入失败：ERR_NO_AUTHORIZED`)).toEqual([
      "token-expired",
      "invalid-token",
    ]);
  });
});
