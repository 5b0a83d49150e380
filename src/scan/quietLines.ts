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
 * Where to look a line up: its length and a few of its characters spread along it (digits as
 * one digit), so lines of one shape share a key. Cheap rather than unique: lines of other shapes
 * may share it too, and each kept line under a key is checked whole (sameShape), so a shared key
 * costs a reading, never a finding.
 */
function shapeKey(line: string): number {
  const { length } = line;
  let key = length | 0;
  for (let sample = 1; sample <= SAMPLES; sample++) {
    const code = line.charCodeAt(((length * sample) >> 3) - 1) | 0;
    key = Math.imul(key ^ (isDigit(code) ? 48 : code), 0x01000193);
  }
  return key & 0x3fffffff;
}

const SAMPLES = 8;
/** Lines of other shapes kept under one key, the oldest dropped first. */
const PER_KEY = 4;

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
  const lines = new Map<number, string[]>();
  let kept = 0;
  // Keys seen once: a line is kept only when its key comes back, so a log's one-off lines (a
  // token, a random id) cost no copy and push no template out.
  const seenOnce = new Set<number>();
  return {
    has(line) {
      if (line.length > QUIET_LINE_MAX_CHARS) return false;
      const known = lines.get(shapeKey(line));
      return known?.some((item) => sameShape(item, line)) === true;
    },
    add(line) {
      if (line.length > QUIET_LINE_MAX_CHARS) return;
      const key = shapeKey(line);
      if (!seenOnce.has(key)) {
        if (seenOnce.size >= MAX_LINES) seenOnce.clear();
        seenOnce.add(key);
        return;
      }
      if (kept >= MAX_LINES) {
        lines.clear();
        kept = 0;
      }
      const known = lines.get(key) ?? [];
      if (known.length >= PER_KEY) known.shift();
      else kept++;
      // A copy: the line is a slice of a chunk, which it would otherwise keep in memory.
      known.push(Buffer.from(line, "utf16le").toString("utf16le"));
      lines.set(key, known);
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
