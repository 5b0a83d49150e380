import type { KnowledgeIndex } from "../index/knowledgeIndex.js";

/**
 * Lines a scan has read that said nothing, remembered by their shape: the line with every ASCII
 * digit taken as the same digit. A log repeats its lines with other numbers (timestamps, uids,
 * durations), and such a line is not read again: whether a line says anything depends on the
 * values of its digits only where analyzeLine says so (LineReading.readsNumbers), and such lines
 * are never remembered. Bounded: at most MAX_LINES lines of at most MAX_LINE_CHARS each.
 */
export interface QuietLines {
  /** Whether a line of this shape was read before and said nothing. */
  has(line: string): boolean;
  /** Remembers a line that said nothing without reading a number. */
  add(line: string): void;
}

const MAX_LINES = 1024;
/** Longer lines are rare and seldom repeat: they are always read. */
export const QUIET_LINE_MAX_CHARS = 512;

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * A hash of the line's shape (FNV-1a, kept to a small integer so the map keys stay unboxed):
 * lines of one shape hash alike; a match is then checked character by character (sameShape),
 * so a collision costs a reading, never a finding.
 */
function shapeHash(line: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let at = 0; at < line.length; at++) {
    const code = line.charCodeAt(at);
    hash = Math.imul(hash ^ (isDigit(code) ? 48 : code), 0x01000193);
  }
  return hash & 0x3fffffff;
}

function sameShape(known: string, line: string): boolean {
  if (known.length !== line.length) return false;
  for (let at = 0; at < line.length; at++) {
    const a = known.charCodeAt(at);
    const b = line.charCodeAt(at);
    if (a !== b && !(isDigit(a) && isDigit(b))) return false;
  }
  return true;
}

/**
 * The memory for one scan, or undefined when the knowledge has words whose digits matter
 * outside names (a message or a line phrase with a digit): every line is then read.
 */
export function createQuietLines(index: KnowledgeIndex): QuietLines | undefined {
  if (!shapesSayAll(index)) return undefined;
  const lines = new Map<number, string>();
  // Shapes seen once: a line is kept only when its shape comes back, so a log's one-off lines
  // (a token, a random id) cost no copy and push no template out.
  const seenOnce = new Set<number>();
  return {
    has(line) {
      if (line.length > QUIET_LINE_MAX_CHARS) return false;
      const known = lines.get(shapeHash(line));
      return known !== undefined && sameShape(known, line);
    },
    add(line) {
      if (line.length > QUIET_LINE_MAX_CHARS) return;
      const hash = shapeHash(line);
      if (!seenOnce.has(hash)) {
        if (seenOnce.size >= MAX_LINES) seenOnce.clear();
        seenOnce.add(hash);
        return;
      }
      if (lines.size >= MAX_LINES) lines.clear();
      // A copy: the line is a slice of a chunk, which it would otherwise keep in memory.
      lines.set(hash, Buffer.from(line, "utf16le").toString("utf16le"));
    },
  };
}

const digitFree = new WeakMap<KnowledgeIndex, boolean>();
const DIGIT = /[0-9]/;

/** Whether no message and no line phrase of the knowledge holds a digit (names are LineReading's part). */
function shapesSayAll(index: KnowledgeIndex): boolean {
  let known = digitFree.get(index);
  if (known === undefined) {
    known =
      !index.messagesLongestFirst.some((record) => DIGIT.test(record.needle)) &&
      !index.linePhrases.some((record) => record.phrase.terms.some((term) => DIGIT.test(term.text)));
    digitFree.set(index, known);
  }
  return known;
}
