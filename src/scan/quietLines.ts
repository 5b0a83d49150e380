import type { KnowledgeIndex } from "../index/knowledgeIndex.js";

/**
 * Lines a scan has read that said nothing, remembered by their shape: the line with every ASCII
 * digit taken as the same digit. A log repeats its lines with other numbers (timestamps, uids,
 * durations), and such a line is not read again: whether a line says anything depends on the
 * values of its digits only where analyzeLine says so (LineReading.readsNumbers), and such lines
 * are never remembered. Bounded: a few fixed arrays (see createQuietLines).
 */
export interface QuietLines {
  /** Whether a line of this shape was read before and said nothing. */
  has(line: string): boolean;
  /** Remembers a line that said nothing without reading a number. */
  add(line: string): void;
}

/** Longer lines are rare and seldom repeat: they are always read. */
const QUIET_LINE_MAX_CHARS = 512;
/** Where kept lines are, by key: one line a slot, a newer one taking it. */
const SLOTS = 8192;
/** Kept lines' characters, written round: a line overwritten is forgotten (256 K characters, 512 KB). */
const ARENA_CHARS = 1 << 18;
/** Lines seen once, by key: one shape a slot. */
const SEEN_SLOTS = 4096;
const SAMPLES = 8;

const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * Where to look a line up: its length and a few of its characters spread along it (digits as
 * one digit), so lines of one shape share a key. Cheap rather than unique: lines of other shapes
 * may share it too, and a kept line is checked whole before it counts, so a shared key costs a
 * reading, never a finding.
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

/** A hash of the whole shape (FNV-1a, digits as one digit, odd so zero means none): read only when a line is added. */
function shapeHash(line: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let at = 0; at < line.length; at++) {
    const code = line.charCodeAt(at);
    hash = Math.imul(hash ^ (isDigit(code) ? 48 : code), 0x01000193);
  }
  return hash | 1;
}

/**
 * The memory for one scan, or undefined when the knowledge has words whose digits matter
 * outside names (a message or a line phrase with a digit): every line is then read. Fixed
 * arrays, allocated once: a scan of a gigabyte that keeps and forgets lines all along leaves no
 * garbage behind (strings kept for a while are promoted to the old generation, which a long scan
 * never collects; see docs/performance.md).
 */
export function createQuietLines(index: KnowledgeIndex): QuietLines | undefined {
  if (!shapesSayAll(index)) return undefined;
  const arena = new Uint16Array(ARENA_CHARS);
  // How many characters were ever written to the arena: a kept line starting before
  // `written - ARENA_CHARS` was overwritten.
  let written = 0;
  const starts = new Float64Array(SLOTS).fill(-1);
  const lengths = new Int32Array(SLOTS);
  // A line is kept only when its shape comes back, so a log's one-off lines (a token, a random
  // id) cost no copy and take no template's slot.
  const seenOnce = new Int32Array(SEEN_SLOTS);

  /** Whether the slot holds a line of this line's shape. */
  const holds = (slot: number, line: string): boolean => {
    const start = starts[slot] ?? -1;
    if (start < 0 || start < written - ARENA_CHARS || lengths[slot] !== line.length) return false;
    const from = start % ARENA_CHARS;
    for (let at = 0; at < line.length; at++) {
      const kept = arena[from + at] ?? -1;
      const code = line.charCodeAt(at);
      if (kept !== code && !(isDigit(kept) && isDigit(code))) return false;
    }
    return true;
  };

  return {
    has(line) {
      return line.length <= QUIET_LINE_MAX_CHARS && holds(shapeKey(line) & (SLOTS - 1), line);
    },
    add(line) {
      const { length } = line;
      if (length > QUIET_LINE_MAX_CHARS) return;
      const key = shapeKey(line);
      // The whole shape's hash, not the key: lines with random parts (tokens) share keys often.
      const shape = shapeHash(line);
      const seen = key & (SEEN_SLOTS - 1);
      if (seenOnce[seen] !== shape) {
        seenOnce[seen] = shape;
        return;
      }
      // A line never wraps round the arena's end: it starts again at the front.
      if ((written % ARENA_CHARS) + length > ARENA_CHARS) written += ARENA_CHARS - (written % ARENA_CHARS);
      const from = written % ARENA_CHARS;
      for (let at = 0; at < length; at++) arena[from + at] = line.charCodeAt(at);
      const slot = key & (SLOTS - 1);
      starts[slot] = written;
      lengths[slot] = length;
      written += length;
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
