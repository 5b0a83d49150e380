// Rows reused across calls: typo checks run this thousands of times a query, and fresh arrays
// each time were most of its cost.
let twoBackRow = new Int32Array(64);
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);
const letterCounts = new Int32Array(128);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), with an early
 * exit once every cell of a row exceeds `limit`: typo checks only care about small distances.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (limit < Number.POSITIVE_INFINITY && letterCountBound(a, b) > limit) return limit + 1;
  const width = b.length + 1;
  if (previousRow.length < width) {
    twoBackRow = new Int32Array(width * 2);
    previousRow = new Int32Array(width * 2);
    currentRow = new Int32Array(width * 2);
  }
  let twoBack = twoBackRow;
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, (twoBack[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length] as number;
}

/**
 * A lower bound on the distance from letter counts: a substitution changes them by two in total,
 * an insertion or deletion by one, a transposition not at all. It settles nearly every pair of
 * unrelated words without the table. Non-ASCII characters are left out, which only lowers it.
 */
function letterCountBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code < 128) letterCounts[code] = (letterCounts[code] as number) + 1;
  }
  for (let i = 0; i < b.length; i++) {
    const code = b.charCodeAt(i);
    if (code < 128) letterCounts[code] = (letterCounts[code] as number) - 1;
  }
  let differing = 0;
  for (const text of [a, b]) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) continue;
      differing += Math.abs(letterCounts[code] as number);
      letterCounts[code] = 0;
    }
  }
  return Math.ceil(differing / 2);
}

/**
 * The set of characters in a text as a 32-bit mask (character code mod 32). An edit adds or
 * removes at most one member on each side, so two texts whose masks differ in more than
 * 2 × limit bits are more than `limit` edits apart: see {@link maskDistanceBound}.
 */
export function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= 1 << (text.charCodeAt(i) & 31);
  return mask;
}

/** A lower bound on the edit distance of two texts from their {@link letterMask}s. */
export function maskDistanceBound(a: number, b: number): number {
  let bits = a ^ b;
  let count = 0;
  while (bits !== 0) {
    bits &= bits - 1;
    count++;
  }
  return Math.ceil(count / 2);
}
