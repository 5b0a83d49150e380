import type { KnowledgeIndex, NameRecord, OtherMeaning } from "../index/knowledgeIndex.js";
import { familyOfPlatform } from "../knowledge/platformLabels.js";
import type { CodeSpace } from "../knowledge/schema.js";
import { editDistance } from "../text/editDistance.js";
import { coreIdentifierKey, identifierKey, identifierKeys } from "../text/identifier.js";
import { matchWords, readProseQuery } from "./matchWords.js";
import {
  CODE_CONTEXT_WORDS,
  CODE_FILLER_WORDS,
  parseNumberToken,
  type QueryToken,
  tokenizeQuery,
} from "./queryTokens.js";
import { MATCH_THRESHOLD, MAX_SUGGESTIONS, type Match, type MatchOutcome, type Suggestion } from "./types.js";

/** Longer queries are pastes, not questions: the scanner reads those; the matcher reads the head. */
export const MAX_QUERY_LENGTH = 2000;
/** Plain-word phrases are read from the first 400 characters: a question states its error early, and the rest of a long paste is the scanner's job. */
export const MAX_PROSE_LENGTH = 400;

/** The longest name in the reference is a callback signature of about a hundred characters. */
const MAX_WHOLE_NAME_LENGTH = 160;
const TYPO_MATCH_SIMILARITY = 0.84;
const TYPO_SUGGEST_SIMILARITY = 0.6;

/**
 * Finds the entries a query names: exact codes, names and SDK messages first (index lookups), then
 * typos of identifiers and plain-language phrases (scored), best first.
 */
export function matchQuery(index: KnowledgeIndex, rawQuery: string): MatchOutcome {
  const query = rawQuery.slice(0, MAX_QUERY_LENGTH);
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
  tokens.forEach((token, position) => {
    const number = parseNumberToken(token.text);
    if (number) {
      const previous = tokens[position - 1]?.text.toLowerCase();
      const inContext =
        codesOnly ||
        number.hash ||
        number.negative ||
        (previous !== undefined && CODE_CONTEXT_WORDS.has(previous));
      if (inContext) {
        matchCode(index, number.value, number.negative, token, add, notTokenErrors);
        explained.push(token);
      }
      return;
    }
    let isExplained = explainedWords.get(token.text);
    if (isExplained === undefined) {
      isExplained = explainWord(index, token.text, add, suggestions, notTokenErrors);
      explainedWords.set(token.text, isExplained);
    }
    if (isExplained) explained.push(token);
  });

  const lowered = query.toLowerCase();
  for (const record of index.messages) {
    if (lowered.includes(record.needle)) {
      add({
        entry: record.entry,
        score: 1,
        via: "message",
        matched: record.message.text,
        ...(record.message.code === undefined ? {} : { code: record.message.code }),
        platforms: [record.message.platform.startsWith("web") ? "web" : "native"],
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

  matches.sort((a, b) => b.score - a.score);
  return {
    query,
    matches,
    suggestions:
      matches.length > 0 || notTokenErrors.length > 0 ? [] : rankSuggestions(index, tokens, suggestions),
    notTokenErrors,
  };
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
  for (const [position, key] of keys.entries()) {
    // A long exact name typed in lower case ("warnadmglitchstate") is still that name.
    const allowed = written || (position === 0 && key.length >= 10);
    const records = (index.nameRecords.get(key) ?? []).filter(
      (record) => allowed || record.entry.depth === "deep",
    );
    if (records.length > 0) return records;
  }
  const deep = lookUpName(index, text, keys);
  return deep ? [deep] : [];
}

/** Exact name lookup on the whole token, then on each dotted or colon-separated part. */
function lookUpName(
  index: KnowledgeIndex,
  text: string,
  keys: readonly string[] = identifierKeys(text),
): NameRecord | undefined {
  for (const key of keys) {
    const record = index.byNameKey.get(key);
    if (record) return record;
  }
  if (!text.includes(".") && !text.includes(":")) return undefined;
  const parts = text.split(/[.:]/).filter(Boolean);
  if (parts.length > 1) {
    for (const part of parts.reverse()) {
      for (const key of identifierKeys(part)) {
        const record = index.byNameKey.get(key);
        if (record && key.length >= 6) return record;
      }
    }
  }
  return undefined;
}

function lookUpOtherMeaning(index: KnowledgeIndex, keys: readonly string[]): OtherMeaning | undefined {
  for (const key of keys) {
    const other = index.otherMeaningsByNameKey.get(key);
    if (other) return other;
  }
  return undefined;
}

function nameMatch(record: NameRecord, matched: string, score: number, via: "name" | "typo"): Match {
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
  let best: { record: NameRecord; similarity: number } | undefined;
  // Only keys close enough in length can reach the suggestion threshold; the bound keeps this a handful of short edit distances.
  const maxEdits = Math.floor(key.length * (1 - TYPO_SUGGEST_SIMILARITY));
  for (const candidate of index.coreKeys) {
    if (Math.abs(candidate.key.length - key.length) > maxEdits) continue;
    const longer = Math.max(key.length, candidate.key.length);
    // Once a close key is known, a candidate only matters if it can do better: a tighter limit lets the distance stop early.
    const limit = best ? Math.min(maxEdits, Math.floor((1 - best.similarity) * longer)) : maxEdits;
    const distance = editDistance(key, candidate.key, limit);
    if (distance > limit) continue;
    const value = 1 - distance / longer;
    if (!best || value > best.similarity) best = { record: candidate.record, similarity: value };
  }
  if (!best) return false;
  if (best.similarity >= TYPO_MATCH_SIMILARITY) {
    add(nameMatch(best.record, text, round(0.6 + (best.similarity - 0.5) * 0.7), "typo"));
    return true;
  }
  if (best.similarity >= TYPO_SUGGEST_SIMILARITY) {
    suggestions.push({ entry: best.record.entry, score: round(best.similarity * 0.7) });
  }
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
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, MAX_SUGGESTIONS);
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
