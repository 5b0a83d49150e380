import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { CODE_SEPARATORS, CODE_SEPARATORS_MAX, OTHER_PRODUCT_WORDS } from "../index/vocabulary.js";
import { matchQuery } from "../match/matchQuery.js";
import { analyzeLine, type Detection, type LineReading, NON_ASCII } from "./analyzeLine.js";
import { evidenceFor } from "./evidence.js";
import { createQuietLines, type QuietLines } from "./quietLines.js";
import { inferSdkFamily } from "./sdkFamily.js";
import { likelyFindings } from "./symptoms.js";
import type { Confidence, Finding, ScanCut, ScanResult, SdkFamily } from "./types.js";

// Each chunk is scanned in one go (the async scan yields between chunks); chunks end at line ends.
const CHUNK_CHARS = 256 * 1024;
/**
 * The longest line read in full: the rest of a longer line is skipped and reported (ScanResult.cut),
 * so a line never splits into two and one endless line cannot take the memory.
 */
export const MAX_LINE_CHARS = 1024 * 1024;
const MAX_LINES_PER_FINDING = 20;
/** Short texts with no evidence are read as a question ("my token expired") by the matcher. */
const PROSE_MAX_CHARS = 2000;

// Every detection needs a word of the index's line gate (index.lineWords, built from the
// knowledge's names and the shared vocabulary) or a negative native code (index.negativeCodes) on
// its line; lines without any are skipped unread. Both run case-insensitively over the original
// text, so the whole input is never lower-cased, and as two searches: in one alternation, the `-`
// of every date and id made the word search twice as slow. A text that comes as one piece of up
// to FULL_READ_CHARS (a post, a question, a snippet) is read line by line in full, so prose needs
// no gate word.
const FULL_READ_CHARS = 64 * 1024;

const isLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/**
 * Most anchors in an ordinary log are words like "decoder", "keyframe", "interrupt" or "code 0".
 * Telling them apart here, from a few characters around the hit, keeps line analysis for the few
 * lines that can hold evidence.
 */
function isRealAnchor(text: string, at: number, word: string, index: KnowledgeIndex): boolean {
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  const after = text.charCodeAt(at + word.length);
  switch (word.length === 3 || word.length === 4 ? word.toLowerCase() : "") {
    case "code":
      if (isLetter(before) || isLetter(after)) return false;
      return numberAfter(text, at + word.length, index);
    case "key":
      return !isLetter(before) && !isLetter(after);
    case "warn":
      return warningAnchor(text, at + word.length);
    case "err": {
      const next = after | 0x20;
      return !isLetter(after) || next === 0x6f || next === 0x63 || next === 0x6e;
    }
    default:
      return true;
  }
}

/**
 * Whether a warning word leads to something a warning can be: a name (`WARN_…`, `WarningCode.…`) or, after the
 * rest of the word and a few separators, a number (`onWarning: 104`, `warning code 1052`). A
 * `[WARNING]` log level with neither is an ordinary line.
 */
function warningAnchor(text: string, from: number): boolean {
  // `WARN_…`, `WarnCodeType.`, `AgoraWarningCode…`: the word opens a name.
  let position = from;
  if (text.startsWith("ing", position) || text.startsWith("ING", position)) position += 3;
  const next = text.charCodeAt(position);
  if (next === 95 /* _ */ || (next >= 65 && next <= 90)) return true;
  position = from;
  const limit = Math.min(text.length, from + 16);
  while (
    position < limit &&
    (isLetter(text.charCodeAt(position)) || " \t:=([#\"'{,_-".includes(text[position] ?? "x"))
  )
    position++;
  const code = text.charCodeAt(position);
  return code >= 48 && code <= 57;
}

/** Whether separators then a known code follow: `code: 110`, `"code":110`, `code=-110`. */
function numberAfter(text: string, from: number, index: KnowledgeIndex): boolean {
  let position = from;
  const limit = Math.min(text.length, from + CODE_SEPARATORS_MAX);
  while (position < limit && CODE_SEPARATORS.includes(text[position] ?? "x")) position++;
  let value = 0;
  let digits = 0;
  while (digits < 7 && position < text.length) {
    const code = text.charCodeAt(position);
    if (code < 48 || code > 57) break;
    value = value * 10 + (code - 48);
    digits++;
    position++;
  }
  return digits > 0 && index.byCode.has(value);
}

// A renewal after the 30-second warning means the app handled it: the warning is not a problem then.
const RENEWAL = /renew_?token|renewtoken/;
const RENEWAL_FAILED = /fail|error|invalid|reject|[=:\s(]-\d/;

interface FindingDraft {
  detection: Detection;
  evidence: string;
  lines: number[];
  count: number;
  confidence: Confidence;
  code?: number;
  name?: string;
}

interface ScanState {
  readonly index: KnowledgeIndex;
  readonly family: SdkFamily;
  readonly drafts: Map<string, FindingDraft>;
  lastRenewalLine: number;
  /** The text is short and read whole: see LineContext.prose. Set from the start, so the state keeps one shape. */
  prose: boolean;
  /** Lines read that said nothing, so that the same line with other numbers is not read again. */
  readonly quiet: QuietLines | undefined;
  cut: { lines: number; firstLine: number; skippedBytes: number } | undefined;
}

/** How one chunk is read: through the gates, or every line (a short text that came whole). */
interface ChunkMode {
  readonly readAll: boolean;
  /** Every line is plain ASCII, as the decoder saw: no line needs checking. */
  readonly ascii: boolean;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/**
 * What the scanner reads: one text, or a text in pieces (a download decoded batch by batch). A
 * piece that does not end with a newline ends its line, so pieces never merge two lines.
 */
export type ScanInput = string | readonly string[];

/** Finds every token error in a text. Linear in the input; see scanLogAsync for big inputs. */
export function scanLog(index: KnowledgeIndex, input: ScanInput): ScanResult {
  const scanner = createLogScanner(index);
  for (const piece of typeof input === "string" ? [input] : input) scanner.push(piece);
  return scanner.finish();
}

/** The same result as scanLog, yielding to the event loop between chunks so other requests keep flowing. */
export async function scanLogAsync(index: KnowledgeIndex, input: ScanInput): Promise<ScanResult> {
  const scanner = createLogScanner(index);
  for (const piece of typeof input === "string" ? [input] : input) await scanner.pushAsync(piece);
  return scanner.finish();
}

/**
 * A scan fed piece by piece as the text arrives (a file or a download read in batches), holding
 * only its findings between pieces: memory stays flat however long the input. Pieces follow the
 * rules of ScanInput; the result is the same as scanLog's of all the pieces.
 */
export interface LogScanner {
  /**
   * Scans one piece. `cutBytes`: the piece's last line was longer than the reader keeps, and this
   * much of it was skipped. `ascii`: the piece is known to be plain ASCII (its lines are not checked).
   */
  push(piece: string, cutBytes?: number, ascii?: boolean): void;
  /** push, yielding to the event loop between chunks. */
  pushAsync(piece: string, cutBytes?: number, ascii?: boolean): Promise<void>;
  finish(): ScanResult;
}

export interface LogScannerOptions {
  /**
   * Whether lines that said nothing are remembered by shape, so the same line with other numbers
   * is not read again (see quietLines); on by default. Off only to check that it changes nothing.
   */
  readonly rememberQuietLines?: boolean;
}

export function createLogScanner(index: KnowledgeIndex, options: LogScannerOptions = {}): LogScanner {
  let state: ScanState | undefined;
  let lineNumber = 1;
  let openLine = false;
  let pieces = 0;
  let scanned = 0;
  let lastEndsLine = false;
  // Only a short single-piece text can be prose; nothing longer is kept.
  let proseCandidate = "";
  // A short text that came whole: read line by line in full, and the only text symptoms are read in.
  let fullText = "";

  function* steps(
    piece: string,
    cutBytes: number | undefined,
    ascii: boolean | undefined,
  ): Generator<void, void, void> {
    if (piece.length === 0) return;
    if (!state) primeGate(index.lineWords);
    // The family comes from the head of the first piece, as it did from the head of the whole text.
    state ??= {
      index,
      family: inferSdkFamily(piece),
      drafts: new Map(),
      lastRenewalLine: 0,
      prose: false,
      quiet: options.rememberQuietLines === false ? undefined : createQuietLines(index),
      cut: undefined,
    };
    const scan = state;
    pieces++;
    proseCandidate = pieces === 1 && piece.length <= PROSE_MAX_CHARS ? piece : "";
    fullText = pieces === 1 && piece.length <= FULL_READ_CHARS ? piece : "";
    const mode: ChunkMode = { readAll: fullText !== "", ascii: ascii === true };
    if (openLine) lineNumber++;
    for (let start = 0; start < piece.length; ) {
      let end = Math.min(piece.length, start + CHUNK_CHARS);
      if (end < piece.length) {
        // Chunks end at a line end, however long the line: a cut line would hide what straddles the cut.
        const newline = piece.indexOf("\n", end - 1);
        end = newline < 0 ? piece.length : newline + 1;
      }
      lineNumber = scanChunk(scan, piece.slice(start, end), lineNumber, mode);
      start = end;
      if (start < piece.length) yield;
    }
    // What the reader skipped of a long line counts as read, as it does for a line cut here.
    scanned += piece.length + (cutBytes ?? 0);
    lastEndsLine = piece.endsWith("\n");
    openLine = !lastEndsLine;
    if (cutBytes !== undefined && cutBytes > 0)
      noteCut(scan, lastEndsLine ? lineNumber - 1 : lineNumber, cutBytes);
  }

  return {
    push(piece, cutBytes, ascii) {
      const run = steps(piece, cutBytes, ascii);
      while (!run.next().done);
    },
    async pushAsync(piece, cutBytes, ascii) {
      const run = steps(piece, cutBytes, ascii);
      while (!run.next().done) await new Promise<void>((resolve) => setImmediate(resolve));
    },
    finish() {
      const scan = state ?? {
        index,
        family: inferSdkFamily(""),
        drafts: new Map(),
        lastRenewalLine: 0,
        prose: false,
        quiet: undefined,
        cut: undefined,
      };
      const { findings, otherErrors } = finish(scan, proseCandidate, pieces === 1 ? fullText : "");
      return {
        platform: scan.family,
        findings,
        otherErrors,
        lineCount: scanned === 0 ? 0 : Math.max(1, lineNumber - (lastEndsLine ? 1 : 0)),
        bytesScanned: scanned,
        ...(scan.cut ? { cut: { ...scan.cut, lineLimitBytes: MAX_LINE_CHARS } satisfies ScanCut } : {}),
      };
    },
  };
}

function noteCut(state: ScanState, line: number, skippedBytes: number): void {
  state.cut ??= { lines: 0, firstLine: line, skippedBytes: 0 };
  state.cut.lines++;
  state.cut.skippedBytes += skippedBytes;
}

/**
 * The first MAX_LINE_CHARS of a longer line, ending before any word or token the limit cut
 * through: half a name could read as a typo of another, and half a secret would not be masked.
 */
export function headOfLongLine(line: string): string {
  let end = MAX_LINE_CHARS;
  const floor = end - 4096;
  while (end > floor && isWordChar(line.charCodeAt(end - 1))) end--;
  return line.slice(0, end);
}

/** Letters, digits, what tokens and encodings use (`+/=_-%.\\`), and anything not ASCII. */
export function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    ((code | 0x20) >= 97 && (code | 0x20) <= 122) ||
    code === 43 ||
    code === 47 ||
    code === 61 ||
    code === 95 ||
    code === 45 ||
    code === 37 ||
    code === 46 ||
    code === 92 ||
    code >= 128
  );
}

/** Scans one chunk (whole lines); returns the line number after it. */
function scanChunk(state: ScanState, chunk: string, firstLine: number, mode: ChunkMode): number {
  // The line being read and where it starts: newlines are counted once each, on the way to the
  // next hit, and the one that ends a hit's line also tells where that line ends.
  let lineNumber = firstLine;
  let lineStart = 0;
  // The next real anchor of each kind; each search resumes only once the scan has passed its hit,
  // so each regex crosses the chunk once.
  state.prose = mode.readAll;
  if (mode.readAll) return scanEveryLine(state, chunk, firstLine);
  const { lineWords, returnedCodes } = state.index;
  let wordHit = findAnchor(lineWords, chunk, 0, state.index);
  let numberHit = findNegativeCode(chunk, 0, returnedCodes);
  while (wordHit >= 0 || numberHit >= 0) {
    const at = numberHit < 0 || (wordHit >= 0 && wordHit < numberHit) ? wordHit : numberHit;
    let newline = chunk.indexOf("\n", lineStart);
    while (newline >= 0 && newline < at) {
      lineNumber++;
      lineStart = newline + 1;
      newline = chunk.indexOf("\n", lineStart);
    }
    const lineEnd = newline < 0 ? chunk.length : newline;
    let line = chunk.slice(lineStart, lineEnd);
    if (line.length > MAX_LINE_CHARS) {
      const head = headOfLongLine(line);
      noteCut(state, lineNumber, line.length - head.length);
      line = head;
    }
    analyzeChunkLine(state, line, lineNumber, mode.ascii);
    const next = lineEnd + 1;
    if (newline >= 0) lineNumber++;
    lineStart = Math.min(next, chunk.length);
    if (wordHit >= 0 && wordHit < next) wordHit = findAnchor(lineWords, chunk, next, state.index);
    if (numberHit >= 0 && numberHit < next) numberHit = findNegativeCode(chunk, next, returnedCodes);
  }
  for (let newline = chunk.indexOf("\n", lineStart); newline >= 0; newline = chunk.indexOf("\n", newline + 1))
    lineNumber++;
  return lineNumber;
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const precedesNumber = (code: number) =>
  isLetter(code) || isDigit(code) || code === 95 || code === 46 || code === 45;

/**
 * Where the next negative native code (`-110`, `-1052`) starts, from `from` on; -1 for none. The
 * `-` must start the number (`118-190-148-38`, a host name, holds none). indexOf and a set of the
 * knowledge's codes are faster than a regex of them.
 */
function findNegativeCode(chunk: string, from: number, codes: ReadonlySet<number>): number {
  for (let at = chunk.indexOf("-", from); at >= 0; at = chunk.indexOf("-", at + 1)) {
    if (!isDigit(chunk.charCodeAt(at + 1)) || (at > 0 && precedesNumber(chunk.charCodeAt(at - 1)))) continue;
    let value = 0;
    let end = at + 1;
    while (end < chunk.length && end - at <= 5 && isDigit(chunk.charCodeAt(end))) {
      value = value * 10 + chunk.charCodeAt(end) - 48;
      end++;
    }
    if (end - at >= 4 && !isDigit(chunk.charCodeAt(end)) && codes.has(value)) return at;
  }
  return -1;
}

/** Reads every line of a short text: a post or a question says "got 110" with no gate word. */
function scanEveryLine(state: ScanState, chunk: string, firstLine: number): number {
  let lineNumber = firstLine;
  let start = 0;
  while (start < chunk.length) {
    let end = chunk.indexOf("\n", start);
    if (end < 0) end = chunk.length;
    const line = chunk.slice(start, end);
    if (line.trim() !== "") analyzeChunkLine(state, line, lineNumber);
    lineNumber++;
    start = end + 1;
  }
  return chunk.endsWith("\n") || chunk.length === 0 ? lineNumber : lineNumber - 1;
}

/**
 * V8 compiles a regex to machine code on its second run, and tunes the search to the character
 * frequencies of a sample of the text it runs on then: from a log's letters it may judge the
 * skip-ahead not worth it, and the gate then crosses some logs far slower than others. Run first
 * on a text without letters (twice: the first run is interpreted), the gate is compiled with the
 * skip-ahead whatever the log. Once compiled, this changes nothing.
 */
const GATE_PRIMER = "0123456789:;<=>?@[]^_{}|~!#$%&()*+,-./ ";

function primeGate(pattern: RegExp): void {
  for (let run = 0; run < 3; run++) {
    pattern.lastIndex = 0;
    pattern.test(GATE_PRIMER);
  }
  pattern.lastIndex = 0;
}

/** Where the next anchor of a pattern that passes {@link isRealAnchor} starts, from `from` on; -1 for none. */
function findAnchor(pattern: RegExp, chunk: string, from: number, index: KnowledgeIndex): number {
  pattern.lastIndex = from;
  for (let anchor = pattern.exec(chunk); anchor; anchor = pattern.exec(chunk)) {
    if (isRealAnchor(chunk, anchor.index, anchor[0], index)) return anchor.index;
  }
  return -1;
}

// Full-width ASCII (`：`, `（`, `１１０`) and the ideographic space, folded one character for one,
// so offsets into the line stay valid.
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;
const HAS_FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const foldWidth = (char: string) =>
  char === "\u3000" ? " " : String.fromCharCode((char.charCodeAt(0) - 0xfee0) | 0);

/** The line as the detectors read it: lower case, full-width punctuation and digits folded. */
function lowerForMatching(line: string, ascii: boolean): string {
  const lower = line.toLowerCase();
  return !ascii && lower.length === line.length && HAS_FULL_WIDTH.test(lower)
    ? lower.replace(FULL_WIDTH, foldWidth)
    : lower;
}

function analyzeChunkLine(state: ScanState, line: string, lineNumber: number, asciiChunk = false): void {
  // A post is read whole, as prose: only a log's lines are remembered.
  const quiet = state.prose ? undefined : state.quiet;
  if (quiet?.has(line)) return;
  // One check for the line, read by lower-casing and by the name search alike.
  const ascii = asciiChunk || !NON_ASCII.test(line);
  const lower = lowerForMatching(line, ascii);
  const renewal = RENEWAL.test(lower) && !RENEWAL_FAILED.test(lower);
  if (renewal) state.lastRenewalLine = lineNumber;
  const reading: LineReading = { readsNumbers: false };
  const detections = analyzeLine(
    line,
    lower,
    state.prose ? { ...state, prose: true } : state,
    ascii,
    reading,
  );
  if (detections.length === 0) {
    // A renewal counts where it is, so a line that renews is read each time.
    if (quiet && !renewal && !reading.readsNumbers) quiet.add(line);
    return;
  }
  const seenOnLine = new Set<string>();
  for (const detection of detections) {
    const key = detection.entry.id;
    const draft = state.drafts.get(key);
    if (!draft) {
      state.drafts.set(key, {
        detection,
        evidence: evidenceFor(line, detection.at, detection.matchedText),
        lines: [lineNumber],
        count: 1,
        confidence: detection.confidence,
        ...(detection.code === undefined ? {} : { code: detection.code }),
        ...(detection.name === undefined ? {} : { name: detection.name }),
      });
      seenOnLine.add(key);
      continue;
    }
    if (CONFIDENCE_RANK[detection.confidence] > CONFIDENCE_RANK[draft.confidence])
      draft.confidence = detection.confidence;
    draft.code ??= detection.code;
    draft.name ??= detection.name;
    if (seenOnLine.has(key)) continue;
    seenOnLine.add(key);
    draft.count++;
    if (draft.lines.length < MAX_LINES_PER_FINDING) draft.lines.push(lineNumber);
  }
}

/** The token findings (errors before callbacks, then by first line) and the other Agora errors (by first line). */
function finish(
  state: ScanState,
  text: string,
  fullText: string,
): { findings: Finding[]; otherErrors: Finding[] } {
  const findings: Finding[] = [];
  const otherErrors: Finding[] = [];
  for (const draft of state.drafts.values()) {
    const { entry } = draft.detection;
    const handled =
      entry.id === "token-privilege-will-expire" && state.lastRenewalLine > (draft.lines[0] ?? 0);
    if (handled) continue;
    (entry.depth === "deep" ? findings : otherErrors).push({
      entry,
      ...(draft.code === undefined ? {} : { code: draft.code }),
      ...(draft.name === undefined ? {} : { name: draft.name }),
      matchedText: draft.detection.matchedText,
      evidence: draft.evidence,
      lines: draft.lines,
      count: draft.count,
      platform: draft.detection.platform,
      confidence: draft.confidence,
    });
  }
  if (looksLikeProse(text)) {
    // Errors themselves come from codes, names and phrases written out close together; loose
    // words only ever add a callback, and never in a text about another product (RTM, Chat, CDN).
    // A text that names a callback already is about that one.
    if (
      !OTHER_PRODUCT_WORDS.test(text.toLowerCase()) &&
      !findings.some((finding) => finding.entry.kind === "callback")
    )
      findings.push(...proseFindings(state, text).filter((finding) => finding.entry.kind === "callback"));
  }
  // A described symptom, only when nothing certain was found: it is a guess, said as one.
  if (findings.length === 0 && fullText.length > 0)
    findings.push(...likelyFindings(state.index, fullText, state.family));
  findings.sort(
    (a, b) =>
      Number(a.entry.kind === "callback") - Number(b.entry.kind === "callback") ||
      (a.lines[0] ?? 0) - (b.lines[0] ?? 0),
  );
  otherErrors.sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  return { findings, otherErrors };
}

/** How well loose words must fit a callback's phrase to name it: most of the question is about it. */
const LOOSE_CALLBACK_SCORE = 0.75;

/** A few sentences, not log lines: log lines start with a timestamp, a level or a bracket. */
function looksLikeProse(text: string): boolean {
  if (text.length > PROSE_MAX_CHARS) return false;
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines.length <= 6 && !lines.some((line) => /^\s*(?:[\d[(<{]|[VDIWEF]\/)/.test(line));
}

/** A question in words ("token expired after an hour"): the matcher's plain-word answers, marked low. */
function proseFindings(state: ScanState, text: string): Finding[] {
  return matchQuery(state.index, text)
    .matches.filter(
      (match) => (match.via === "words" || match.via === "typo") && match.score >= LOOSE_CALLBACK_SCORE,
    )
    .map((match) => {
      const lower = text.toLowerCase();
      const at = Math.max(0, lower.indexOf(match.matched.toLowerCase()));
      const lineIndex = text.slice(0, at).split("\n").length;
      const line = text.split("\n")[lineIndex - 1] ?? text;
      return {
        entry: match.entry,
        ...(match.code === undefined ? {} : { code: match.code }),
        matchedText: match.matched,
        evidence: evidenceFor(line, 0, line.slice(0, 1)),
        lines: [lineIndex],
        count: 1,
        platform: state.family,
        confidence: "low" as const,
      };
    });
}
