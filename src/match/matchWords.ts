import type { KnowledgeIndex, PhraseRecord, VocabularyTerm } from "../index/knowledgeIndex.js";
import { normalizeProse, type Term } from "../index/phrases.js";
import { editDistance, letterMask, maskDistanceBound } from "../text/editDistance.js";

interface QueryWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A query read as prose: its normalised text and its ASCII words with their offsets. */
export interface ProseQuery {
  readonly text: string;
  readonly words: readonly QueryWord[];
  /** Characters that carry meaning: ASCII words that are not stop words, plus Han characters. */
  readonly contentLength: number;
}

const ASCII_WORD = /[a-z0-9']+/g;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const HAN_ANYWHERE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

const STOP_WORDS = new Set(
  "a an the is are was were be been am i i'm im me my we our you your it its it's this that these those to of in on at for from with and or but so do does did have has had get gets got getting when why how what which who please help hi hey can could would should will just still again always keep keeps after while agora sdk rtc app error code issue problem".split(
    " ",
  ),
);

// Terms too common to suggest an entry on their own ("not" alone says nothing).
const WEAK_TERMS = new Set(
  "not no without but is on off only use did does will has have in during soon going about to of 没 未 不 没有 了 传了 没传 为 回调".split(
    " ",
  ),
);

export function readProseQuery(query: string): ProseQuery {
  const text = normalizeProse(query);
  const words: QueryWord[] = [];
  let contentLength = 0;
  for (const match of text.matchAll(ASCII_WORD)) {
    const word = match[0];
    words.push({ text: word, start: match.index, end: match.index + word.length });
    if (!STOP_WORDS.has(word)) contentLength += word.length;
  }
  contentLength += text.match(HAN)?.length ?? 0;
  return { text, words, contentLength };
}

/** Whether a word that is not in the vocabulary is a typo of a term: one edit, two for long terms. */
function isTypoOf(word: string, wordMask: number, term: VocabularyTerm): boolean {
  if (term.text.length < 5 || word.length < 4) return false;
  const limit = term.text.length >= 8 ? 2 : 1;
  if (Math.abs(word.length - term.text.length) > limit) return false;
  if (maskDistanceBound(wordMask, term.mask) > limit) return false;
  return editDistance(word, term.text, limit) <= limit;
}

interface WordHit {
  readonly start: number;
  readonly end: number;
  readonly length: number;
  readonly typo: boolean;
}

/**
 * Where each vocabulary term occurs among the query's words, worked out once a query: phrases
 * share terms, so this keeps edit distances to one per (unknown word, nearby-length term).
 */
function locateTerms(index: KnowledgeIndex, query: ProseQuery): Map<string, WordHit[]> {
  const { vocabulary, vocabularyByLength } = index;
  const hits = new Map<string, WordHit[]>();
  const push = (term: string, hit: WordHit) => {
    const list = hits.get(term);
    if (list) list.push(hit);
    else hits.set(term, [hit]);
  };
  // A word that repeats in the query is compared with the vocabulary once.
  const typoTerms = new Map<string, string[]>();
  for (const word of query.words) {
    if (vocabulary.has(word.text)) {
      push(word.text, { start: word.start, end: word.end, length: word.text.length, typo: false });
      continue;
    }
    if (word.text.length < 4 || STOP_WORDS.has(word.text)) continue;
    let terms = typoTerms.get(word.text);
    if (!terms) {
      terms = [];
      const length = word.text.length;
      const mask = letterMask(word.text);
      for (let termLength = length - 2; termLength <= length + 2; termLength++) {
        for (const term of vocabularyByLength.get(termLength) ?? []) {
          if (isTypoOf(word.text, mask, term)) terms.push(term.text);
        }
      }
      typoTerms.set(word.text, terms);
    }
    for (const term of terms) {
      push(term, { start: word.start, end: word.end, length: word.text.length, typo: true });
    }
  }
  return hits;
}

interface PhraseResult {
  /** Every term found in order. */
  readonly complete: boolean;
  readonly matchedLength: number;
  readonly typos: number;
  /** Significant terms found anywhere, for suggestions. */
  readonly strongTermsFound: number;
  readonly termCount: number;
}

/** Greedy earliest-position subsequence match: optimal for "all terms, in order". */
function matchPhraseTerms(
  terms: readonly Term[],
  query: ProseQuery,
  located: Map<string, WordHit[]>,
): PhraseResult {
  let position = 0;
  let matchedLength = 0;
  let typos = 0;
  let complete = true;
  let strongTermsFound = 0;
  for (const term of terms) {
    let found: { end: number; length: number; typo: boolean } | undefined;
    let anywhere: boolean;
    if (term.ascii) {
      const hits = located.get(term.text);
      found = hits?.find((hit) => hit.start >= position);
      anywhere = hits !== undefined;
    } else {
      const index = query.text.indexOf(term.text, position);
      if (index >= 0) found = { end: index + term.text.length, length: term.text.length, typo: false };
      anywhere = found !== undefined || query.text.includes(term.text);
    }
    if (found) {
      position = found.end;
      matchedLength += found.length;
      if (found.typo) typos++;
    } else complete = false;
    if (anywhere && !WEAK_TERMS.has(term.text)) strongTermsFound++;
  }
  return { complete, matchedLength, typos, strongTermsFound, termCount: terms.length };
}

export interface WordsResult {
  readonly record: PhraseRecord;
  readonly score: number;
  readonly complete: boolean;
}

/**
 * Scores every entry by its best keyword phrase. A complete phrase scores 0.6 to 0.95 by how much
 * of the query it explains; a phrase with only some significant terms is a suggestion, below 0.6.
 */
export function matchWords(index: KnowledgeIndex, query: ProseQuery): WordsResult[] {
  if (query.contentLength === 0) return [];
  const located = locateTerms(index, query);
  // No vocabulary word and no Han character: no phrase can find a single term (every non-ASCII
  // term is Chinese), so the 200-odd phrases are not walked for nothing, as for a line of noise.
  if (located.size === 0 && !HAN_ANYWHERE.test(query.text)) return [];
  const best = new Map<string, WordsResult>();
  for (const record of index.phrases) {
    const result = matchPhraseTerms(record.phrase.terms, query, located);
    let score: number;
    if (result.complete) {
      const coverage = Math.min(1, result.matchedLength / query.contentLength);
      score = 0.6 + 0.35 * coverage - 0.02 * result.typos;
    } else if (result.strongTermsFound > 0) {
      score = 0.5 * (result.strongTermsFound / result.termCount);
    } else continue;
    const previous = best.get(record.entry.id);
    if (!previous || score > previous.score) {
      best.set(record.entry.id, { record, score, complete: result.complete });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
