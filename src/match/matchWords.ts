import {
  type KnowledgeIndex,
  type PhraseRecord,
  termsByLength,
  type VocabularyTerm,
} from "../index/knowledgeIndex.js";
import { normalizeQuestion } from "../index/phrases.js";
import { OTHER_PRODUCT_WORDS } from "../index/vocabulary.js";
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
  /** Where each clause starts and ends: words in one clause may be read in any order. */
  readonly clauses: readonly Span[];
  /** Every Han character in the text: a Chinese term whose first character is missing is not there. */
  readonly hanCharacters: ReadonlySet<string>;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const ASCII_WORD = /[a-z0-9']+/g;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
// What ends a clause: punctuation (a full stop only before a space: "client.join" and "4.x" are
// one word) and the words that join two statements. "the App ID and a null token" says nothing
// about the App ID being null; "token error" in one clause and "119" in the next are not "token error".
const CLAUSE_END =
  /[;!?\n。；！？,，:：]|\.(?=\s|$)|\b(?:and|but|or|although|though|whereas|because|then|however|yet)\b|但是|可是|但|却|然后|因为|所以|而且|并且|如果/g;
// Between a negation and its word nothing but these may stand ("without a token", "no valid").
const CLAUSE_MARK = /[,;:!?.。，；：！？\n]/;

const STOP_WORDS = new Set(
  "a an the is are was were be been am i i'm im me my we our you your it its it's this that these those to of in on at for from with and or but so do does did have has had get gets got getting when why how what which who please help hi hey can could would should will just still again always keep keeps after while agora sdk rtc app error code issue problem".split(
    " ",
  ),
);

/** Words that negate the next word that carries meaning: "no certificate", "not enabled", "without a token". */
const NEGATIONS = new Set("no not without never none cannot non".split(" "));
const isNegation = (word: string) => NEGATIONS.has(word) || word.endsWith("n't");
/** How many words a negation reaches over ("doesn't have a certificate"). */
const NEGATION_REACH = 3;
// Words a negation reaches over to the word it governs.
const NEGATION_TRANSPARENT = new Set(
  "a an the any have has had be been is are was were set use using used pass passing passed send sending sent provide provided give gave include included add added put".split(
    " ",
  ),
);

// Terms too common to suggest an entry on their own ("not" alone says nothing).
const WEAK_TERMS = new Set(
  "not no without but is on off only use did does will has have in during soon going about to of 没 未 不 没有 了 传了 没传 为 回调".split(
    " ",
  ),
);
// Chinese negations stand as terms of their own: a phrase holding one is read in order only.
const HAN_NEGATION = /^(?:没|未|不|没有|无)$/;

/** How many words' typo verdicts are kept between questions. */
const MAX_REMEMBERED_WORDS = 4096;
/** How far before a phrase a product word ("RTM token invalid") takes it for that product. */
const PRODUCT_LOOKBACK_CHARS = 24;
/** A phrase with an unordered clause's terms spread wider than this is not one statement. */
const MAX_UNORDERED_SPAN = 90;
/** A phrase found out of order says a little less than one found in order: its coverage counts less. */
const UNORDERED_WEIGHT = 0.28;

export function readProseQuery(query: string): ProseQuery {
  const text = normalizeQuestion(query);
  const words: QueryWord[] = [];
  let contentLength = 0;
  ASCII_WORD.lastIndex = 0;
  for (let match = ASCII_WORD.exec(text); match; match = ASCII_WORD.exec(text)) {
    const word = match[0];
    const start = match.index;
    words.push({ text: word, start, end: start + word.length });
    if (!STOP_WORDS.has(word)) contentLength += word.length;
  }
  const han = text.match(HAN) ?? [];
  contentLength += han.length;
  // Clauses are only read when a phrase is a candidate: most lines have none.
  let clauses: Span[] | undefined;
  return {
    text,
    words,
    contentLength,
    get clauses() {
      clauses ??= splitClauses(text);
      return clauses;
    },
    hanCharacters: new Set(han),
  };
}

function splitClauses(text: string): Span[] {
  const clauses: Span[] = [];
  let start = 0;
  for (const end of text.matchAll(CLAUSE_END)) {
    if (end.index > start) clauses.push({ start, end: end.index });
    start = end.index + end[0].length;
  }
  if (start < text.length) clauses.push({ start, end: text.length });
  return clauses;
}

/**
 * Whether a negation governs the word at `position` ("no" in "no certificate", "not" in "not
 * enabled"), from the words before it: asked only of words that are, or may be, a term.
 */
function negatedAt(text: string, words: readonly QueryWord[], position: number): boolean {
  let end = words[position]?.start ?? 0;
  for (let back = position - 1; back >= 0 && back >= position - NEGATION_REACH; back--) {
    const word = words[back];
    if (!word || CLAUSE_MARK.test(text.slice(word.end, end))) return false;
    if (isNegation(word.text)) return true;
    if (!NEGATION_TRANSPARENT.has(word.text)) return false;
    end = word.start;
  }
  return false;
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
  readonly negated: boolean;
}

/**
 * Where each vocabulary term occurs among the query's words, worked out once a query: phrases
 * share terms, so this keeps edit distances to one per (unknown word, nearby-length term).
 */
function locateTerms(phrases: QuestionPhrases, query: ProseQuery): Map<string, WordHit[]> {
  const { vocabulary, vocabularyByLength, typoTerms } = phrases;
  const hits = new Map<string, WordHit[]>();
  const push = (term: string, hit: WordHit) => {
    const list = hits.get(term);
    if (list) list.push(hit);
    else hits.set(term, [hit]);
  };
  for (const [position, word] of query.words.entries()) {
    const { start, end } = word;
    if (vocabulary.has(word.text)) {
      const negated = negatedAt(query.text, query.words, position);
      push(word.text, { start, end, length: word.text.length, typo: false, negated });
      continue;
    }
    if (word.text.length < 4 || STOP_WORDS.has(word.text)) continue;
    let terms = typoTerms.get(word.text);
    if (!terms) {
      const found: string[] = [];
      const length = word.text.length;
      const mask = letterMask(word.text);
      for (let termLength = length - 2; termLength <= length + 2; termLength++) {
        for (const term of vocabularyByLength.get(termLength) ?? []) {
          if (isTypoOf(word.text, mask, term)) found.push(term.text);
        }
      }
      // Bounded: a flood of distinct words cannot grow it without end.
      if (typoTerms.size >= MAX_REMEMBERED_WORDS) typoTerms.clear();
      typoTerms.set(word.text, found);
      terms = found;
    }
    if (terms.length === 0) continue;
    const negated = negatedAt(query.text, query.words, position);
    for (const term of terms) push(term, { start, end, length: word.text.length, typo: true, negated });
  }
  return hits;
}

/** A phrase term as lookup reads it: a negation is not a term but a mark on the term after it. */
interface Unit {
  readonly text: string;
  readonly ascii: boolean;
  readonly negated: boolean;
  /** Too common to suggest an entry by itself. */
  readonly weak: boolean;
  /** Its first character: a Chinese term is looked for only where that character occurs. */
  readonly first: string;
}

interface QuestionPhrases {
  readonly phrases: readonly QuestionPhrase[];
  /** Every ASCII word of a phrase: the words a typo in a query is corrected towards. */
  readonly vocabulary: ReadonlySet<string>;
  /** The vocabulary by word length: a typo is at most two letters longer or shorter than its word. */
  readonly vocabularyByLength: ReadonlyMap<number, readonly VocabularyTerm[]>;
  /**
   * The positions of the phrases holding each strong term (ASCII terms by their text, Chinese
   * terms by their first character): a phrase with none of its strong terms in a query is skipped.
   */
  readonly byTerm: ReadonlyMap<string, readonly number[]>;
  /**
   * The terms each word already met is a typo of: people use the same few hundred words, and
   * a word is compared with the vocabulary once, not once a question.
   */
  readonly typoTerms: Map<string, readonly string[]>;
}

interface QuestionPhrase {
  readonly record: PhraseRecord;
  readonly units: readonly Unit[];
  /** Whether its terms may be found in any order within a clause. */
  readonly unordered: boolean;
}

const questionPhrases = new WeakMap<KnowledgeIndex, QuestionPhrases>();

/** The index's keyword phrases in the form questions are read in, built once an index. */
function phrasesOf(index: KnowledgeIndex): QuestionPhrases {
  const cached = questionPhrases.get(index);
  if (cached) return cached;
  const phrases = index.phrases.map((record): QuestionPhrase => {
    const units: Unit[] = [];
    let negated = false;
    const terms = normalizeQuestion(record.phrase.text).split(/\s+/).filter(Boolean);
    terms.forEach((text, position) => {
      const ascii = /^[a-z0-9']+$/.test(text);
      if (ascii && isNegation(text) && position < terms.length - 1) negated = true;
      else {
        units.push({
          text,
          ascii,
          negated: ascii && negated,
          weak: WEAK_TERMS.has(text),
          first: text[0] ?? "",
        });
        negated = false;
      }
    });
    // Negations in Chinese and little words ("token is old", "token error") carry meaning by their place.
    const unordered = !units.some((unit) => HAN_NEGATION.test(unit.text) || STOP_WORDS.has(unit.text));
    return { record, units, unordered };
  });
  const vocabulary = new Set(
    phrases.flatMap((phrase) => phrase.units.filter((unit) => unit.ascii).map((unit) => unit.text)),
  );
  const vocabularyByLength = termsByLength(vocabulary);
  const byTerm = new Map<string, number[]>();
  phrases.forEach((phrase, position) => {
    for (const unit of phrase.units) {
      if (unit.weak) continue;
      const key = unit.ascii ? unit.text : unit.first;
      const list = byTerm.get(key);
      if (!list) byTerm.set(key, [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  });
  const built = {
    phrases,
    vocabulary,
    vocabularyByLength,
    byTerm,
    typoTerms: new Map<string, readonly string[]>(),
  };
  questionPhrases.set(index, built);
  return built;
}

interface PhraseResult {
  /** Every term found, in order or (for an unordered phrase) within one clause. */
  readonly complete: boolean;
  readonly ordered: boolean;
  readonly matchedLength: number;
  readonly typos: number;
  /** Significant terms found anywhere, for suggestions. */
  readonly strongTermsFound: number;
  readonly termCount: number;
}

interface Found {
  readonly start: number;
  readonly end: number;
  readonly length: number;
  readonly typo: boolean;
}

/** Every place a unit occurs at or after `from`, in text order. */
function occurrences(unit: Unit, query: ProseQuery, located: Map<string, WordHit[]>, from: number): Found[] {
  if (unit.ascii) {
    return (located.get(unit.text) ?? []).filter((hit) => hit.start >= from && hit.negated === unit.negated);
  }
  const found: Found[] = [];
  for (let at = query.text.indexOf(unit.text, from); at >= 0; at = query.text.indexOf(unit.text, at + 1)) {
    found.push({ start: at, end: at + unit.text.length, length: unit.text.length, typo: false });
  }
  return found;
}

/** The first place a unit occurs at or after `from`. */
function firstOccurrence(
  unit: Unit,
  query: ProseQuery,
  located: Map<string, WordHit[]>,
  from: number,
): Found | undefined {
  if (unit.ascii) {
    const hits = located.get(unit.text);
    if (!hits) return undefined;
    for (const hit of hits) if (hit.start >= from && hit.negated === unit.negated) return hit;
    return undefined;
  }
  const at = query.text.indexOf(unit.text, from);
  return at < 0
    ? undefined
    : { start: at, end: at + unit.text.length, length: unit.text.length, typo: false };
}

/** Greedy earliest-position subsequence match: optimal for "all terms, in order". */
function matchInOrder(units: readonly Unit[], query: ProseQuery, located: Map<string, WordHit[]>) {
  let position = 0;
  let matchedLength = 0;
  let typos = 0;
  let first = -1;
  for (const unit of units) {
    const found = firstOccurrence(unit, query, located, position);
    if (!found) return undefined;
    if (first < 0) first = found.start;
    position = found.end;
    matchedLength += found.length;
    if (found.typo) typos++;
  }
  return { matchedLength, typos, first };
}

/**
 * Every term within one clause, in any order, each at its own place and spelt right: "token for my app is
 * invalid" is "invalid token". The terms must stand close enough to be one statement.
 */
function matchUnordered(units: readonly Unit[], query: ProseQuery, located: Map<string, WordHit[]>) {
  const all = units.map((unit) => occurrences(unit, query, located, 0));
  for (const clause of query.clauses) {
    const used = new Set<number>();
    let matchedLength = 0;
    let typos = 0;
    let first = Number.POSITIVE_INFINITY;
    let last = 0;
    let complete = true;
    for (const list of all) {
      const found = list.find(
        (hit) => !hit.typo && hit.start >= clause.start && hit.end <= clause.end && !used.has(hit.start),
      );
      if (!found) {
        complete = false;
        break;
      }
      used.add(found.start);
      matchedLength += found.length;
      if (found.typo) typos++;
      first = Math.min(first, found.start);
      last = Math.max(last, found.end);
    }
    if (complete && last - first <= MAX_UNORDERED_SPAN) return { matchedLength, typos, first };
  }
  return undefined;
}

/** Whether a product word of another Agora product (RTM, Signaling, CDN push) comes right before a phrase: "RTM token invalid" is that product's. */
function ofOtherProduct(query: ProseQuery, start: number): boolean {
  return OTHER_PRODUCT_WORDS.test(query.text.slice(Math.max(0, start - PRODUCT_LOOKBACK_CHARS), start));
}

function matchPhrase(
  phrase: QuestionPhrase,
  query: ProseQuery,
  located: Map<string, WordHit[]>,
): PhraseResult {
  const termCount = phrase.units.length;
  let strongTermsFound = 0;
  let allFound = true;
  for (const unit of phrase.units) {
    const anywhere = unit.ascii
      ? located.has(unit.text)
      : query.hanCharacters.has(unit.first) && query.text.includes(unit.text);
    if (anywhere && !unit.weak) strongTermsFound++;
    if (!anywhere) allFound = false;
  }
  // Most phrases miss a term altogether: nothing to place.
  if (!allFound)
    return { complete: false, ordered: false, matchedLength: 0, typos: 0, strongTermsFound, termCount };
  const ordered = matchInOrder(phrase.units, query, located);
  if (ordered && !ofOtherProduct(query, ordered.first))
    return { complete: true, ordered: true, ...ordered, strongTermsFound, termCount };
  const unordered = phrase.unordered ? matchUnordered(phrase.units, query, located) : undefined;
  if (unordered && !ofOtherProduct(query, unordered.first))
    return { complete: true, ordered: false, ...unordered, strongTermsFound, termCount };
  return { complete: false, ordered: false, matchedLength: 0, typos: 0, strongTermsFound, termCount };
}

export interface WordsResult {
  readonly record: PhraseRecord;
  readonly score: number;
  readonly complete: boolean;
}

/**
 * Scores every entry by its best keyword phrase. A complete phrase scores 0.6 to 0.95 by how much
 * of the query it explains (a little less when its words come in another order); a phrase with
 * only some significant terms is a suggestion, below 0.6.
 */
export function matchWords(index: KnowledgeIndex, query: ProseQuery): WordsResult[] {
  if (query.contentLength === 0) return [];
  const phrases = phrasesOf(index);
  const located = locateTerms(phrases, query);
  // Only phrases with a strong term in the query can match or be suggested.
  const candidates = new Uint8Array(phrases.phrases.length);
  const mark = (key: string) => {
    for (const position of phrases.byTerm.get(key) ?? []) candidates[position] = 1;
  };
  for (const term of located.keys()) mark(term);
  for (const character of query.hanCharacters) mark(character);
  const best = new Map<string, WordsResult>();
  for (let position = 0; position < phrases.phrases.length; position++) {
    const phrase = phrases.phrases[position];
    if (!phrase || candidates[position] === 0) continue;
    const result = matchPhrase(phrase, query, located);
    let score: number;
    if (result.complete) {
      const coverage = Math.min(1, result.matchedLength / query.contentLength);
      score = 0.6 + (result.ordered ? 0.35 : UNORDERED_WEIGHT) * coverage - 0.02 * result.typos;
    } else if (result.strongTermsFound > 0) {
      score = 0.5 * (result.strongTermsFound / result.termCount);
    } else continue;
    const { record } = phrase;
    const previous = best.get(record.entry.id);
    if (!previous || score > previous.score) {
      best.set(record.entry.id, { record, score, complete: result.complete });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
