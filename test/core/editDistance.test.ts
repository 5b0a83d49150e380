import { describe, expect, it } from "vitest";
import { editDistance, letterMask, maskDistanceBound } from "../../src/text/editDistance.js";
import { seededBelow } from "../random.js";

/** Textbook optimal-string-alignment distance, kept naive on purpose: the reference. */
function referenceDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => table[i]?.[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, at(i - 2, j - 2) + 1);
      }
      (table[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}

// A deterministic generator: small alphabets make near misses, the point of a typo check.
function* randomPairs(count: number): Generator<[string, string]> {
  const below = seededBelow(7);
  const word = (alphabet: string) =>
    Array.from({ length: below(14) }, () => alphabet[below(alphabet.length)]).join("");
  for (let i = 0; i < count; i++) {
    const alphabet = ["ab", "abcde", "tokenexpird", "a1_é令牌"][i % 4] as string;
    const a = word(alphabet);
    // Half the pairs are a word and a light mutation of it.
    const b = i % 2 === 0 ? word(alphabet) : mutate(a, alphabet, below);
    yield [a, b];
  }
}

function mutate(text: string, alphabet: string, below: (bound: number) => number): string {
  let result = text;
  for (let edits = below(3); edits > 0; edits--) {
    const at = below(result.length + 1);
    const letter = alphabet[below(alphabet.length)] as string;
    result =
      below(2) === 0
        ? result.slice(0, at) + letter + result.slice(at + 1)
        : result.slice(0, at) + letter + result.slice(at);
  }
  return result;
}

describe("editDistance", () => {
  it("agrees with the textbook table, with and without a limit, across lengths", () => {
    for (const [a, b] of randomPairs(3000)) {
      const expected = referenceDistance(a, b);
      expect(editDistance(a, b)).toBe(expected);
      for (const limit of [0, 1, 2, 4]) {
        const bounded = editDistance(a, b, limit);
        if (expected <= limit) expect(bounded).toBe(expected);
        else expect(bounded).toBeGreaterThan(limit);
      }
    }
  });

  it("counts a transposition as one edit, and a long word after a short one still reads right", () => {
    expect(editDistance("token", "tokne")).toBe(1);
    expect(editDistance("expired", "expierd", 2)).toBe(1);
    expect(editDistance("a".repeat(300), `${"a".repeat(299)}b`)).toBe(1);
    expect(editDistance("ab", "ba")).toBe(1);
  });
});

describe("maskDistanceBound", () => {
  it("never exceeds the true distance, so it only rules out pairs that are too far apart", () => {
    for (const [a, b] of randomPairs(3000)) {
      expect(maskDistanceBound(letterMask(a), letterMask(b))).toBeLessThanOrEqual(referenceDistance(a, b));
    }
  });
});
