import type { KnowledgeIndex, PhraseRecord } from "../index/knowledgeIndex.js";
import { normalizeProse } from "../index/phrases.js";
import { OTHER_PRODUCT_WORDS, OTHER_SERVICE_WORDS, SENTENCE_BREAK } from "../index/vocabulary.js";

/** A keyword phrase written out in a line, its words close together. */
export interface PhraseHit {
  readonly record: PhraseRecord;
  /** The words of the line that made the phrase, in the line's normalised form. */
  readonly text: string;
}

// Words allowed between two terms of a phrase: "token value is invalid" is "token … invalid".
const MAX_WORDS_BETWEEN = 2;
const MAX_HAN_BETWEEN = 4;
const MAX_GAP_CHARS = 24;
// How far before a phrase a product word ("RTM token invalid") takes it for that product.
const PRODUCT_LOOKBACK_CHARS = 60;

const ASCII_WORD = /[a-z0-9']+/g;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

// Identifiers are names, read by the name lookup: `token-privilege-did-expire` is not the words
// "token … expire". `App-ID` stays: people write the words that way.
const CODE_IDENTIFIER = /[A-Za-z0-9]+(?:[-_.:/][A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*/g;
const blankIdentifier = (identifier: string) =>
  /^app[-_]?ids?$/i.test(identifier) ? identifier : " ".repeat(identifier.length);

// A numbered item or a sub-heading lists possible causes ("3. Token expired"), it does not report one.
const ENUMERATION = /^\s*(?:[-*>]\s*)?(?:#{1,6}\s*)?\d{1,2}[.)]\s|^\s*#{2,6}\s/;
// "invalid or missing token" offers two causes: a phrase split by "or" is not one claim.
const ALTERNATIVE = /\b(?:or|and)\b|或|或者|和/;
// "token will expire", "token 快过期": not happened yet, so not an error (the will-expire callback's words).
const NOT_YET = /\b(?:will|about|soon|going|almost|before)\b|快|即将|将要|将|要/;

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Keyword phrases of the index's line phrases written out in one line, each term close to the
 * one before (a few words, no sentence break between): in a long post, "token" in one sentence
 * and "invalid" in another say nothing together. A phrase right after a product word of another
 * Agora product (RTM, Signaling, CDN push) is that product's, not the RTC token's.
 */
export function findClosePhrases(index: KnowledgeIndex, line: string): PhraseHit[] {
  if (ENUMERATION.test(line) || OTHER_SERVICE_WORDS.test(line.toLowerCase())) return [];
  const text = normalizeProse(line.replace(CODE_IDENTIFIER, blankIdentifier));
  const words = new Map<string, Span[]>();
  ASCII_WORD.lastIndex = 0;
  for (let match = ASCII_WORD.exec(text); match; match = ASCII_WORD.exec(text)) {
    const span = { start: match.index, end: match.index + match[0].length };
    const list = words.get(match[0]);
    if (list) list.push(span);
    else words.set(match[0], [span]);
  }
  const hits: PhraseHit[] = [];
  const seen = new Set<string>();
  for (const record of index.linePhrases) {
    if (seen.has(record.entry.id)) continue;
    const span = locate(record, text, words);
    if (!span) continue;
    const before = text.slice(Math.max(0, span.start - PRODUCT_LOOKBACK_CHARS), span.start);
    if (OTHER_PRODUCT_WORDS.test(before)) continue;
    seen.add(record.entry.id);
    hits.push({ record, text: text.slice(span.start, span.end) });
  }
  return hits;
}

function locate(record: PhraseRecord, text: string, words: Map<string, Span[]>): Span | undefined {
  const [first, ...rest] = record.phrase.terms;
  if (!first) return undefined;
  for (const start of occurrences(first.text, first.ascii, text, words, 0)) {
    let end = start.end;
    let complete = true;
    for (const term of rest) {
      const next = occurrences(term.text, term.ascii, text, words, end).find(() => true);
      if (!next || !closeEnough(text.slice(end, next.start))) {
        complete = false;
        break;
      }
      end = next.end;
    }
    if (complete) return { start: start.start, end };
  }
  return undefined;
}

function occurrences(
  term: string,
  ascii: boolean,
  text: string,
  words: Map<string, Span[]>,
  from: number,
): Span[] {
  if (ascii) return (words.get(term) ?? []).filter((span) => span.start >= from);
  const at = text.indexOf(term, from);
  return at < 0 ? [] : [{ start: at, end: at + term.length }];
}

function closeEnough(gap: string): boolean {
  if (gap.length > MAX_GAP_CHARS || SENTENCE_BREAK.test(gap) || ALTERNATIVE.test(gap) || NOT_YET.test(gap))
    return false;
  const asciiWords = gap.match(ASCII_WORD)?.length ?? 0;
  const han = gap.match(HAN)?.length ?? 0;
  return asciiWords <= MAX_WORDS_BETWEEN && han <= MAX_HAN_BETWEEN;
}
