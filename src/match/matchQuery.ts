import { closestName } from "../index/closestName.js";
import type { KnowledgeIndex, NameRecord, OtherMeaning } from "../index/knowledgeIndex.js";
import { findMessage } from "../index/messages.js";
import { findNames, findTokenName } from "../index/nameLookup.js";
import {
  CATALOGUE_SUGGEST_SIMILARITY,
  CODE_VERB_SOURCE,
  COUNT_PREFIXES,
  COUNT_WORDS,
  HTTP_WORDS,
  IDENTITY_WORDS,
  isHttpStatus,
  MORE_CODE_VERBS,
  NAME_SUGGEST_SIMILARITY,
  NAME_TYPO_SIMILARITY,
  OS_ERROR_BEFORE,
  OTHER_PRODUCT_WORDS,
} from "../index/vocabulary.js";
import { familyOfPlatform } from "../knowledge/platformLabels.js";
import type { CodeSpace } from "../knowledge/schema.js";
import { coreIdentifierKey, identifierKey, identifierKeys } from "../text/identifier.js";
import { matchWords, readProseQuery } from "./matchWords.js";
import {
  CODE_CONTEXT_WORDS,
  CODE_FILLER_WORDS,
  type NumberToken,
  parseNumberToken,
  type QueryToken,
  tokenizeQuery,
} from "./queryTokens.js";
import { MATCH_THRESHOLD, MAX_SUGGESTIONS, type Match, type MatchOutcome, type Suggestion } from "./types.js";

/** Longer queries are pastes, not questions: the scanner reads those; the matcher reads the head. */
export const MAX_QUERY_LENGTH = 2000;
/** Plain-word phrases are read from the first 400 characters: a question states its error early, and the rest of a long paste is the scanner's job. */
export const MAX_PROSE_LENGTH = 400;

/** A verb people put before a code (`got 110`, `报110`), as a whole token. */
const CODE_VERB = new RegExp(`^(?:${CODE_VERB_SOURCE})$`);
const FAILURE_WORD = /^(?:fail(?:s|ed|ing)?|rejected|refused|errors?|errored|crash(?:es|ed)?|失败)$/;
const MIN_SPELT_WORDS = 3;
const MAX_SPELT_WORDS = 5;
/** Shorter runs of words ("set the role") spell names by accident. */
const MIN_SPELT_KEY = 12;
const SPELT_NAME_SCORE = 0.9;

/** The longest name in the reference is a callback signature of about a hundred characters. */
const MAX_WHOLE_NAME_LENGTH = 160;

/**
 * Finds the entries a query names: exact codes, names and SDK messages first (index lookups), then
 * typos of identifiers and plain-language phrases (scored), best first.
 */
export function matchQuery(index: KnowledgeIndex, rawQuery: string): MatchOutcome {
  const query = rawQuery.slice(0, MAX_QUERY_LENGTH);
  if (isNotText(query)) return { query, matches: [], suggestions: [], notTokenErrors: [] };
  const tokens = tokenizeQuery(query);
  const matches: Match[] = [];
  const suggestions: Suggestion[] = [];
  const notTokenErrors: OtherMeaning[] = [];
  const seen = new Set<string>();
  const add = (match: Match) => {
    if (seen.has(match.entry.id)) return;
    seen.add(match.entry.id);
    matches.push(match);
  };

  // A name pasted whole, signature and all ("onError(int err)"), is that name.
  if (query.length <= MAX_WHOLE_NAME_LENGTH && /[("]|\w:/.test(query)) {
    for (const record of index.nameRecords.get(identifierKey(query)) ?? [])
      add(nameMatch(record, query.trim(), 1, "name"));
  }

  // Codes stand alone when every other word is filler or a name: "101 109 onRequestToken" is three lookups.
  const codesOnly =
    tokens.length > 0 &&
    tokens.every((token) => isCodeOrFiller(token.text) || lookUpNames(index, token.text).length > 0);
  // Tokens already explained by a code or name are blanked before the plain-words pass, so
  // "token-privilege-did-expire" is not read again as the words "token … expire".
  const explained: QueryToken[] = [];
  // A pasted paragraph repeats its words: each distinct word is looked up once, and its verdict
  // (explained by a name or not) reused.
  const explainedWords = new Map<string, boolean>();
  // Positions of the numbers read as codes: a number listed after one ("110 and 109") is one too.
  const codePositions = new Set<number>();
  const inert = inertWordsOf(index);
  // The query in the form token offsets index (NFKC): made once, for the first number that needs it.
  let nfkcQuery: string | undefined;
  tokens.forEach((token, position) => {
    const number = parseNumberToken(token.text);
    if (number) {
      if (!codesOnly) {
        nfkcQuery ??= query.normalize("NFKC");
        if (saidOfAnotherSystem(nfkcQuery, token)) return;
        // `error 404 from my token server` is the server's answer, not an Agora code.
        if (!number.negative && isHttpStatus(number.value) && HTTP_WORDS.test(nfkcQuery)) return;
      }
      const listed =
        codePositions.has(position - 2) && LIST_WORDS.has(tokens[position - 1]?.text.toLowerCase() ?? "");
      if (codesOnly || listed || isCodeInQuestion(index, tokens, position, number)) {
        codePositions.add(position);
        matchCode(index, number.value, number.negative, token, add, notTokenErrors);
        explained.push(token);
      }
      return;
    }
    // "onError 101", "错误码 110": the word only says that a code follows; the code is the answer.
    const next = tokens[position + 1];
    if (next && parseNumberToken(next.text) && CODE_CONTEXT_WORDS.has(token.text.toLowerCase())) {
      explained.push(token);
      return;
    }
    let isExplained = explainedWords.get(token.text);
    if (isExplained === undefined) {
      if (inert.has(token.text)) isExplained = false;
      else {
        const suggested = suggestions.length;
        isExplained = explainWord(index, token.text, add, suggestions, notTokenErrors);
        // Only a word that explains nothing and suggests nothing leaves no trace: it is remembered.
        if (!isExplained && suggestions.length === suggested) rememberInert(inert, token.text);
      }
      explainedWords.set(token.text, isExplained);
    }
    if (isExplained) explained.push(token);
  });

  const lowered = query.toLowerCase();
  let normalizedLower: string | undefined;
  // Longest first, as the scanner reads them: a message inside a longer one is the longer one's.
  const matchedNeedles: string[] = [];
  // One pass for whether any message can be there, as the scanner does, before a search each.
  const messageCandidates =
    index.messagePattern.test(lowered) || index.messagePatternNonAscii.test(lowered)
      ? index.messagesLongestFirst
      : [];
  for (const record of messageCandidates) {
    const span = findMessage(record, lowered);
    if (span === undefined) continue;
    const text = lowered.slice(span[0], span[1]);
    if (!matchedNeedles.some((needle) => needle !== text && needle.includes(text))) {
      matchedNeedles.push(text);
      // The message's words are explained by it: not read again as plain words for another entry.
      normalizedLower ??= query.normalize("NFKC").toLowerCase();
      const at = normalizedLower.indexOf(text);
      if (at >= 0) explained.push({ text, start: at });
      add({
        entry: record.entry,
        score: 1,
        via: "message",
        matched: record.message.text,
        ...(record.message.code === undefined ? {} : { code: record.message.code }),
        platforms: [familyOfPlatform(record.message.platform)],
        otherMeanings: [],
      });
    }
  }

  if (!codesOnly) {
    for (const result of matchWords(
      index,
      readProseQuery(blankOut(query, explained).slice(0, MAX_PROSE_LENGTH)),
    )) {
      if (result.complete && result.score >= MATCH_THRESHOLD) {
        add({
          entry: result.record.entry,
          score: round(result.score),
          via: "words",
          matched: result.record.phrase.text,
          platforms: result.record.entry.reportedBy.map((report) => report.platform),
          otherMeanings: [],
        });
      } else suggestions.push({ entry: result.record.entry, score: round(result.score) });
    }
  }

  for (const spelt of findSpeltOutNames(index, tokens, explained)) add(spelt);

  matches.sort((a, b) => b.score - a.score);
  return {
    query,
    matches,
    suggestions:
      matches.length > 0 || notTokenErrors.length > 0 ? [] : rankSuggestions(index, tokens, suggestions),
    notTokenErrors,
  };
}

/**
 * Words that are no name, no other meaning and no typo of one, kept between queries: a stream
 * of garbage repeats its short words endlessly. Bounded; emptied when full.
 */
const MAX_INERT_WORDS = 8192;
const inertWords = new WeakMap<KnowledgeIndex, Set<string>>();

function inertWordsOf(index: KnowledgeIndex): Set<string> {
  let words = inertWords.get(index);
  if (!words) {
    words = new Set();
    inertWords.set(index, words);
  }
  return words;
}

function rememberInert(words: Set<string>, word: string): void {
  if (words.size >= MAX_INERT_WORDS) words.clear();
  words.add(word);
}

/** Looks a word up as a name, a name that is not a token error, or a typo of a name; true when one explains it. */
function explainWord(
  index: KnowledgeIndex,
  text: string,
  add: (match: Match) => void,
  suggestions: Suggestion[],
  notTokenErrors: OtherMeaning[],
): boolean {
  const keys = identifierKeys(text);
  const named = lookUpNames(index, text, keys);
  if (named.length > 0) {
    for (const record of named) add(nameMatch(record, text, 1, "name"));
    return true;
  }
  const other = lookUpOtherMeaning(index, keys);
  if (other) {
    if (!notTokenErrors.includes(other)) notTokenErrors.push(other);
    return true;
  }
  const core = keys[keys.length - 1] ?? ""; // identifierKeys puts the core key last
  return looksLikeIdentifier(text, core) && matchIdentifierTypo(index, text, core, add, suggestions);
}

/**
 * Whether a number in a question is an error code: marked as one (`#110`, `-110`), after an error
 * word (`error 110`, `onError: 110`), after a verb (`got 110`, `报110`) or before an error word
 * (`110 error`), or leading the question with words after it (`110 when joining`, `109 通话一小时后`).
 * A unit or count after it (`109 minutes`, `2 users`) or an identity word before it (`uid 110`,
 * `port 110`) leaves it a number.
 */
function isCodeInQuestion(
  index: KnowledgeIndex,
  tokens: readonly QueryToken[],
  position: number,
  number: NumberToken,
): boolean {
  if (number.hash || number.negative) return true;
  const previous = tokens[position - 1]?.text.toLowerCase();
  const next = tokens[position + 1]?.text.toLowerCase();
  if (previous !== undefined && saysCodeBefore(previous)) return true;
  if (previous !== undefined && endsWithAny(previous, IDENTITY_WORDS)) return false;
  if (next !== undefined && isCount(next)) return false;
  // "2 and 3 users", "2 to 3 seconds": the unit after a run of numbers counts them all.
  const afterRun = wordAfterNumbers(tokens, position);
  if (afterRun !== undefined && isCount(afterRun)) return false;
  if (next !== undefined && saysCodeAfter(next)) return true;
  if (previous !== undefined) {
    const before = tokens[position - 2]?.text.toLowerCase();
    // "fails with 110", "rejected with 110": the failure names the code.
    if (previous === "with") return before !== undefined && FAILURE_WORD.test(before);
    // "the error code is 119", "the code was 110".
    if (LINKING_WORDS.has(previous)) return before !== undefined && CODE_CONTEXT_WORDS.has(before);
    return CODE_VERB.test(previous) || MORE_CODE_VERBS.has(previous) || endsWithAny(previous, HAN_CODE_VERBS);
  }
  return next !== undefined && index.codeRecords.has(number.value);
}

/**
 * Whether the words just before a number give it to another product or to the operating system
 * (`RTM error code 5`, `socket error 110`): the scanner's rule, for questions.
 */
function saidOfAnotherSystem(nfkcQuery: string, token: QueryToken): boolean {
  const before = nfkcQuery.slice(Math.max(0, token.start - 40), token.start).toLowerCase();
  if (OTHER_PRODUCT_WORDS.test(before)) return true;
  return OS_ERROR_BEFORE.test(before.replace(/(?:error|err)[\s_]*(?:code)?[\s:=#]*$/, ""));
}

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
const HAN_CODE_WORDS = [...CODE_CONTEXT_WORDS].filter((word) => HAN.test(word));
const HAN_CODE_VERBS = new Set(
  [...MORE_CODE_VERBS].filter((word) => HAN.test(word)).concat(["报", "返回", "出现"]),
);
/** Words that list one code after another: "110 and 109", "110 or 119", "101 / 110". */
const LIST_WORDS: ReadonlySet<string> = new Set(["and", "or", "vs", "then", "和", "或", "或者", "还有"]);
/** Words between an error word and its code: "the error code is 119", "onError 回调 1027". */
const LINKING_WORDS: ReadonlySet<string> = new Set([
  "is",
  "was",
  "are",
  "were",
  "equals",
  "of",
  "callback",
  "回调",
]);

/** An error word right before a number; in Chinese, at the end of the run before it (`报错码是110`). */
function saysCodeBefore(word: string): boolean {
  if (CODE_CONTEXT_WORDS.has(word)) return true;
  if (!HAN.test(word)) return false;
  const stem = word.replace(/[是为]$/, "");
  return HAN_CODE_WORDS.some((context) => stem.endsWith(context));
}

/** An error word right after a number; in Chinese, at the start of the run after it (`110错误怎么办`). */
function saysCodeAfter(word: string): boolean {
  if (CODE_CONTEXT_WORDS.has(word)) return true;
  return HAN.test(word) && HAN_CODE_WORDS.some((context) => word.startsWith(context));
}

/** The word, or for a run of Chinese its end (`进入房间 110`, `我遇到了 110`), is one of the words. */
function endsWithAny(word: string, words: ReadonlySet<string>): boolean {
  if (words.has(word)) return true;
  if (!HAN.test(word)) return false;
  const stem = word.replace(/[了过]$/, "");
  for (const item of words) if (HAN.test(item) && stem.endsWith(item)) return true;
  return false;
}

/**
 * Names written as words with spaces ("join channel rejected", "no server resources"): three to
 * five plain words in a row that together spell a name are that name, a little below an exact hit.
 */
function findSpeltOutNames(
  index: KnowledgeIndex,
  tokens: readonly QueryToken[],
  explained: readonly QueryToken[],
): Match[] {
  const found: Match[] = [];
  // Words a code, name or SDK message already explains are not read again.
  const covered = new Uint8Array(MAX_PROSE_LENGTH);
  for (const item of explained) {
    covered.fill(
      1,
      Math.min(item.start, MAX_PROSE_LENGTH),
      Math.min(item.start + item.text.length, MAX_PROSE_LENGTH),
    );
  }
  const isExplained = (token: QueryToken) => covered[token.start] === 1;
  // Spelt-out names are prose: read where the plain-word pass reads.
  const words: (string | undefined)[] = [];
  for (const token of tokens) {
    if (token.start >= MAX_PROSE_LENGTH) break;
    words.push(isPlainWord(token.text) && !isExplained(token) ? token.text.toLowerCase() : undefined);
  }
  if (words.length < MIN_SPELT_WORDS) return found;
  const starts = nameKeyStarts(index);
  for (let first = 0; first + MIN_SPELT_WORDS <= words.length; first++) {
    let key = "";
    for (let last = first; last < words.length && last < first + MAX_SPELT_WORDS; last++) {
      const word = words[last];
      if (word === undefined) break;
      key += word;
      if (key.length >= SPELT_START && !starts.has(key.slice(0, SPELT_START))) break;
      if (last - first + 1 < MIN_SPELT_WORDS || key.length < MIN_SPELT_KEY) continue;
      const records = index.nameRecords.get(key);
      if (!records) continue;
      const spelt = tokens
        .slice(first, last + 1)
        .map((item) => item.text)
        .join(" ");
      for (const record of records) found.push(nameMatch(record, spelt, SPELT_NAME_SCORE, "name"));
    }
  }
  return found;
}

/** Letters only (no digits, separators or Han): a word that can be part of a spelt-out name. */
function isPlainWord(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at) | 32;
    if (code < 97 || code > 122) return false;
  }
  return text.length > 0;
}
/** How many letters of a name key are kept to rule a run of words out early. */
const SPELT_START = 5;
const keyStarts = new WeakMap<KnowledgeIndex, ReadonlySet<string>>();

/** The first letters of every name key, built once an index. */
function nameKeyStarts(index: KnowledgeIndex): ReadonlySet<string> {
  let starts = keyStarts.get(index);
  if (!starts) {
    starts = new Set([...index.nameRecords.keys()].map((key) => key.slice(0, SPELT_START)));
    keyStarts.set(index, starts);
  }
  return starts;
}

function wordAfterNumbers(tokens: readonly QueryToken[], position: number): string | undefined {
  let at = position + 1;
  for (; at < tokens.length; at++) {
    const text = tokens[at]?.text.toLowerCase() ?? "";
    if (!parseNumberToken(text) && !LIST_WORDS.has(text) && text !== "to") break;
  }
  return tokens[at]?.text.toLowerCase();
}

function isCount(word: string): boolean {
  return COUNT_WORDS.has(word) || COUNT_PREFIXES.some((prefix) => word.startsWith(prefix));
}

function isCodeOrFiller(text: string): boolean {
  return parseNumberToken(text) !== undefined || CODE_FILLER_WORDS.has(text.toLowerCase());
}

/** The order a number's meanings are shown in when the query does not say which list it is from. */
const SPACE_ORDER: readonly CodeSpace[] = [
  "error",
  "warning",
  "exception",
  "connection-reason",
  "connection-state",
  "renew-result",
  "license",
  "enum",
];

function matchCode(
  index: KnowledgeIndex,
  value: number,
  negative: boolean,
  token: QueryToken,
  add: (match: Match) => void,
  notTokenErrors: OtherMeaning[],
): void {
  const records = (index.codeRecords.get(value) ?? [])
    // A negative number is a native return value: only native error codes come back that way.
    .filter(
      (record) => !negative || (record.code.platforms.includes("native") && record.code.space === "error"),
    )
    .sort((a, b) => SPACE_ORDER.indexOf(a.code.space) - SPACE_ORDER.indexOf(b.code.space));
  const others = index.otherMeaningsByCode.get(value) ?? [];
  for (const record of records) {
    add({
      entry: record.entry,
      score: 1,
      via: "code",
      matched: token.text,
      code: value,
      space: record.code.space,
      platforms: record.code.platforms,
      otherMeanings: record.entry.depth === "deep" ? others : [],
    });
  }
  if (records.length > 0) return;
  for (const other of others) {
    if (other.platform === "native" && !notTokenErrors.includes(other)) notTokenErrors.push(other);
  }
}

/**
 * Every entry a token names: the entries with this exact name (full key) or, failing that, this
 * name without its SDK prefix (core key). A catalogue name is only taken from a token written
 * like an identifier (`ERR_FAILED`, `FAILED`, `joinFailed`), so everyday words stay words.
 */
function lookUpNames(
  index: KnowledgeIndex,
  text: string,
  keys: readonly string[] = identifierKeys(text),
): readonly NameRecord[] {
  const written = looksWrittenAsName(text);
  // A long exact name typed in lower case ("warnadmglitchstate") is still that name.
  const named = findNames(
    index,
    keys,
    (record, position, key) =>
      written || (position === 0 && key.length >= 10) || record.entry.depth === "deep",
  );
  if (named) return named;
  const deep = findTokenName(index, text, keys);
  return deep ? [deep] : [];
}

function lookUpOtherMeaning(index: KnowledgeIndex, keys: readonly string[]): OtherMeaning | undefined {
  for (const key of keys) {
    const other = index.otherMeaningsByNameKey.get(key);
    if (other) return other;
  }
  return undefined;
}

function nameMatch(
  record: NameRecord,
  matched: string,
  score: number,
  via: "name" | "typo" | "words",
): Match {
  const code = record.name.code;
  const codeRecord = code === undefined ? undefined : record.entry.codes.find((item) => item.code === code);
  return {
    entry: record.entry,
    score,
    via,
    matched,
    ...(code === undefined ? {} : { code }),
    ...(codeRecord ? { space: codeRecord.space } : {}),
    name: record.name,
    platforms: codeRecord?.platforms ?? platformsOfName(record),
    otherMeanings:
      codeRecord?.otherMeanings.map((other) => ({ ...other, code: codeRecord.code, entry: record.entry })) ??
      [],
  };
}

function platformsOfName(record: NameRecord): Match["platforms"] {
  return [familyOfPlatform(record.name.platform)];
}

/** Written the way code spells a name: separators inside, camelCase, or capitals (`FAILED`). */
function looksWrittenAsName(text: string): boolean {
  return (
    /[_.:]/.test(text) ||
    /[a-z][A-Z]/.test(text) ||
    /^[A-Z0-9]{4,}$/.test(text) ||
    /[A-Za-z0-9]-[A-Za-z0-9]/.test(text)
  );
}

/** Identifiers look like code: underscores, dots, colons, camelCase, or a run of capitals. */
export function looksLikeIdentifier(text: string, coreKey: string = coreIdentifierKey(text)): boolean {
  if (coreKey.length < 5) return false;
  return /[_.:]/.test(text) || /[a-z][A-Z]/.test(text) || /^[A-Z]{6,}$/.test(text);
}

function matchIdentifierTypo(
  index: KnowledgeIndex,
  text: string,
  key: string,
  add: (match: Match) => void,
  suggestions: Suggestion[],
): boolean {
  const best = closestName(index.tokenNameKeys, key, NAME_SUGGEST_SIMILARITY);
  if (best && best.similarity >= NAME_TYPO_SIMILARITY) {
    add(nameMatch(best.record, text, round(0.6 + (best.similarity - 0.5) * 0.7), "typo"));
    return true;
  }
  if (best) suggestions.push({ entry: best.record.entry, score: round(best.similarity * 0.7) });
  // A slip in a catalogue name is offered, never assumed: among a thousand names the closest is
  // often another error (`…START_RECORDING`, `…STOP_RECORDING`).
  const catalogue = closestName(index.catalogueNameKeys, key, CATALOGUE_SUGGEST_SIMILARITY);
  if (catalogue)
    suggestions.push({ entry: catalogue.record.entry, score: round(catalogue.similarity * 0.7) });
  return false;
}

function blankOut(query: string, tokens: readonly QueryToken[]): string {
  if (tokens.length === 0) return query;
  // Token offsets are into the NFKC form, so blank that form.
  let text = query.normalize("NFKC");
  for (const token of tokens) {
    text = `${text.slice(0, token.start)}${" ".repeat(token.text.length)}${text.slice(token.start + token.text.length)}`;
  }
  return text;
}

function rankSuggestions(
  index: KnowledgeIndex,
  tokens: readonly QueryToken[],
  found: readonly Suggestion[],
): Suggestion[] {
  const best = new Map<string, Suggestion>();
  for (const suggestion of found) {
    const previous = best.get(suggestion.entry.id);
    if (!previous || suggestion.score > previous.score) best.set(suggestion.entry.id, suggestion);
  }
  // A lone fragment of a name ("DYNAMIC_KEY", "authorized") is worth a fuzzy look for suggestions.
  const key = tokens.length === 1 && tokens[0] ? coreIdentifierKey(tokens[0].text) : "";
  if (best.size === 0 && key.length >= 5 && key.length <= 32 && sharedTrigrams(index, key) >= 3) {
    for (const result of index.nameSuggestions.search(key, { limit: MAX_SUGGESTIONS * 2 })) {
      const score = 1 - (result.score ?? 1);
      if (!best.has(result.item.record.entry.id)) {
        best.set(result.item.record.entry.id, { entry: result.item.record.entry, score: round(score * 0.5) });
      }
    }
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score);
  // One far weaker than the best (a word shared with a token phrase, beside a name one letter off) is noise.
  const floor = (ranked[0]?.score ?? 0) * 0.5;
  return ranked.filter((suggestion) => suggestion.score >= floor).slice(0, MAX_SUGGESTIONS);
}

function sharedTrigrams(index: KnowledgeIndex, key: string): number {
  let shared = 0;
  for (let start = 0; start + 3 <= key.length; start++) {
    if (index.coreKeyTrigrams.has(key.slice(start, start + 3))) shared++;
  }
  return shared;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Bytes that are not text are never a question: a NUL, or a line where undecodable (U+FFFD) and
 * control characters make up a tenth or more. Real questions, in any language, have almost none,
 * and reading random bytes as words cost the matcher more than any question does.
 */
function isNotText(query: string): boolean {
  let odd = 0;
  for (let at = 0; at < query.length; at++) {
    const code = query.charCodeAt(at);
    if (code === 0) return true;
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) odd++;
  }
  return odd >= 3 && odd * 10 >= query.length;
}
