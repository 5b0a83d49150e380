import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { matchQuery } from "../match/matchQuery.js";
import { analyzeLine, type Detection } from "./analyzeLine.js";
import { evidenceFor } from "./evidence.js";
import { inferSdkFamily } from "./sdkFamily.js";
import type { Confidence, Finding, ScanOptions, ScanResult, ScanTruncation, SdkFamily } from "./types.js";

/** Default input cap: a paste or snippet bigger than this is read as head + tail. */
export const DEFAULT_MAX_SCAN_BYTES = 64 * 1024 * 1024;
const CHUNK_CHARS = 256 * 1024;
const MAX_LINES_PER_FINDING = 20;
/** Short texts with no evidence are read as a question ("my token expired") by the matcher. */
const PROSE_MAX_CHARS = 2000;

// Every detection needs one of these on its line; lines without any are skipped unread. They run
// case-insensitively over the original text, so the whole input is never lower-cased. Why this shape:
// - words and negative codes (`-110`) are two searches: in one alternation, the `-` of every date
//   and id would start a match attempt in the word search too;
// - the look-arounds drop most everyday words ("interrupt", "decoder", "keyframe") before a match
//   object is made for them; isRealAnchor still has the last word;
// - words sharing a first letter are grouped (e(rr|xpire), a(uthoriz|ppid)): fewer alternatives to
//   try at every character.
const WORD_ANCHOR =
  /e(?:rr(?![abd-mp-z])|xpire)|(?<![a-z])(?:code|key)(?![a-z])|token|a(?:uthoriz|ppid)|rawvalue|错误|报错/gi;
const NUMBER_ANCHOR = /-1[01]\d/g;

const isLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/**
 * Most anchors in an ordinary log are words like "decoder", "keyframe", "interrupt" or "code 0".
 * Telling them apart here, from a few characters around the hit, keeps line analysis for the few
 * lines that can hold evidence.
 */
function isRealAnchor(text: string, at: number, word: string, index: KnowledgeIndex): boolean {
  const first = word.charCodeAt(0) | 0x20;
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  const after = text.charCodeAt(at + word.length);
  if (first === 0x63 /* code */) {
    if (isLetter(before) || isLetter(after)) return false;
    return numberAfter(text, at + word.length, index);
  }
  if (first === 0x6b /* key */) return !isLetter(before) && !isLetter(after);
  if (first === 0x65 && word.length === 3 /* err */) {
    const next = after | 0x20;
    return !isLetter(after) || next === 0x6f || next === 0x63 || next === 0x6e;
  }
  return true;
}

/** Whether separators then a known code follow: `code: 110`, `"code":110`, `code=-110`. */
function numberAfter(text: string, from: number, index: KnowledgeIndex): boolean {
  let position = from;
  const limit = Math.min(text.length, from + 8);
  while (position < limit && " \t:=([#\"'{,-".includes(text[position] ?? "x")) position++;
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
  lineCount: number;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

/**
 * What the scanner reads: one text, or a text in pieces (a download decoded batch by batch). A
 * piece that does not end with a newline ends its line, so pieces never merge two lines.
 */
export type ScanInput = string | readonly string[];

/** Finds every token error in a text. Linear in the input; see scanLogAsync for big inputs. */
export function scanLog(index: KnowledgeIndex, input: ScanInput, options: ScanOptions = {}): ScanResult {
  const steps = scanSteps(index, input, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The same result as scanLog, yielding to the event loop between chunks so other requests keep flowing. */
export async function scanLogAsync(
  index: KnowledgeIndex,
  input: ScanInput,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const steps = scanSteps(index, input, options);
  let step = steps.next();
  while (!step.done) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}

function* scanSteps(
  index: KnowledgeIndex,
  input: ScanInput,
  options: ScanOptions,
): Generator<void, ScanResult, void> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_SCAN_BYTES;
  const pieces = typeof input === "string" ? [input] : input.filter((piece) => piece.length > 0);
  const totalLength = pieces.reduce((sum, piece) => sum + piece.length, 0);
  // Only an input over the cap is ever joined: everything else is scanned in the pieces it came in.
  const capped = totalLength > maxBytes ? capInput(joinPieces(pieces), maxBytes) : undefined;
  const segments = capped ? (capped.tail === undefined ? [capped.head] : [capped.head, capped.tail]) : pieces;
  const family = inferSdkFamily(segments[0] ?? "");
  const state: ScanState = { index, family, drafts: new Map(), lastRenewalLine: 0, lineCount: 0 };

  let lineNumber = 1;
  for (const [position, part] of segments.entries()) {
    if (capped && position === 1) lineNumber += capped.skippedLines;
    for (let start = 0; start < part.length; ) {
      let end = Math.min(part.length, start + CHUNK_CHARS);
      if (end < part.length) {
        const newline = part.indexOf("\n", end);
        end = newline < 0 || newline - end > CHUNK_CHARS ? end : newline + 1;
      }
      lineNumber = scanChunk(state, part.slice(start, end), lineNumber);
      start = end;
      yield;
    }
    if (!capped && !part.endsWith("\n") && position < segments.length - 1) lineNumber++;
  }
  state.lineCount = lineNumber;

  const last = segments[segments.length - 1] ?? "";
  const findings = finish(state, pieces.length === 1 ? (pieces[0] as string) : "");
  return {
    platform: family,
    findings,
    lineCount: totalLength === 0 ? 0 : Math.max(1, lineNumber - (last.endsWith("\n") ? 1 : 0)),
    bytesScanned: segments.reduce((sum, segment) => sum + segment.length, 0),
    ...(capped?.truncation ? { truncated: capped.truncation } : {}),
  };
}

function joinPieces(pieces: readonly string[]): string {
  return pieces
    .map((piece, position) => (position < pieces.length - 1 && !piece.endsWith("\n") ? `${piece}\n` : piece))
    .join("");
}

/** Scans one chunk (whole lines); returns the line number after it. */
function scanChunk(state: ScanState, chunk: string, firstLine: number): number {
  let lineNumber = firstLine;
  let counted = 0;
  // The next real anchor of each kind; each search resumes only once the scan has passed its hit,
  // so each regex crosses the chunk once.
  let wordHit = findAnchor(WORD_ANCHOR, chunk, 0, state.index);
  let numberHit = findAnchor(NUMBER_ANCHOR, chunk, 0, state.index);
  while (wordHit >= 0 || numberHit >= 0) {
    const at = numberHit < 0 || (wordHit >= 0 && wordHit < numberHit) ? wordHit : numberHit;
    const lineStart = chunk.lastIndexOf("\n", at) + 1;
    let lineEnd = chunk.indexOf("\n", at);
    if (lineEnd < 0) lineEnd = chunk.length;
    for (
      let newline = chunk.indexOf("\n", counted);
      newline >= 0 && newline < lineStart;
      newline = chunk.indexOf("\n", newline + 1)
    ) {
      lineNumber++;
      counted = newline + 1;
    }
    const line = chunk.slice(lineStart, lineEnd);
    analyzeChunkLine(state, line, line.toLowerCase(), lineNumber);
    const next = lineEnd + 1;
    if (wordHit >= 0 && wordHit < next) wordHit = findAnchor(WORD_ANCHOR, chunk, next, state.index);
    if (numberHit >= 0 && numberHit < next) numberHit = findAnchor(NUMBER_ANCHOR, chunk, next, state.index);
  }
  for (let newline = chunk.indexOf("\n", counted); newline >= 0; newline = chunk.indexOf("\n", newline + 1))
    lineNumber++;
  return lineNumber;
}

/** Where the next anchor of a pattern that passes {@link isRealAnchor} starts, from `from` on; -1 for none. */
function findAnchor(pattern: RegExp, chunk: string, from: number, index: KnowledgeIndex): number {
  pattern.lastIndex = from;
  for (let anchor = pattern.exec(chunk); anchor; anchor = pattern.exec(chunk)) {
    if (isRealAnchor(chunk, anchor.index, anchor[0], index)) return anchor.index;
  }
  return -1;
}

function analyzeChunkLine(state: ScanState, line: string, lower: string, lineNumber: number): void {
  if (RENEWAL.test(lower) && !RENEWAL_FAILED.test(lower)) state.lastRenewalLine = lineNumber;
  const detections = analyzeLine(line, lower, state);
  if (detections.length === 0) return;
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

function finish(state: ScanState, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const draft of state.drafts.values()) {
    const { entry } = draft.detection;
    const handled =
      entry.id === "token-privilege-will-expire" && state.lastRenewalLine > (draft.lines[0] ?? 0);
    if (handled) continue;
    findings.push({
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
  if (findings.length === 0 && looksLikeProse(text)) findings.push(...proseFindings(state, text));
  return findings.sort(
    (a, b) =>
      Number(a.entry.kind === "callback") - Number(b.entry.kind === "callback") ||
      (a.lines[0] ?? 0) - (b.lines[0] ?? 0),
  );
}

/** A few sentences, not log lines: log lines start with a timestamp, a level or a bracket. */
function looksLikeProse(text: string): boolean {
  if (text.length > PROSE_MAX_CHARS) return false;
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines.length <= 6 && !lines.some((line) => /^\s*(?:[\d[(<{]|[VDIWEF]\/)/.test(line));
}

/** A question in words ("token expired after an hour"): the matcher's plain-word answers, marked low. */
function proseFindings(state: ScanState, text: string): Finding[] {
  return matchQuery(state.index, text)
    .matches.filter((match) => match.via === "words" || match.via === "typo")
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

interface CappedInput {
  head: string;
  tail?: string;
  skippedLines: number;
  truncation?: ScanTruncation;
}

function capInput(text: string, maxBytes: number): CappedInput {
  if (text.length <= maxBytes) return { head: text, skippedLines: 0 };
  const half = Math.floor(maxBytes / 2);
  const headEnd = text.lastIndexOf("\n", half) + 1 || half;
  const tailStartGuess = text.length - half;
  const tailStart = text.indexOf("\n", tailStartGuess) + 1 || tailStartGuess;
  let skippedLines = 0;
  for (
    let newline = text.indexOf("\n", headEnd);
    newline >= 0 && newline < tailStart;
    newline = text.indexOf("\n", newline + 1)
  ) {
    skippedLines++;
  }
  return {
    head: text.slice(0, headEnd),
    tail: text.slice(tailStart),
    skippedLines,
    truncation: {
      totalBytes: text.length,
      headBytes: headEnd,
      tailBytes: text.length - tailStart,
      skippedBytes: tailStart - headEnd,
    },
  };
}
