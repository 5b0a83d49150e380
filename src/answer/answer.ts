import type { KnowledgeIndex, OtherMeaning } from "../index/knowledgeIndex.js";
import type { EntryName, KnowledgeEntry, PlatformFamily } from "../knowledge/schema.js";
import { matchQuery } from "../match/matchQuery.js";
import type { Match, Suggestion } from "../match/types.js";
import { detectLanguage, type Lang, looksLikeEnglishProse } from "../text/language.js";

/** A matched entry, with what a reader needs first: the code and name as this query put it. */
export interface AnswerItem {
  readonly entry: KnowledgeEntry;
  readonly score: number;
  readonly via: Match["via"];
  readonly matched: string;
  readonly headline: { readonly code?: number; readonly name: string };
  /** The one platform family where the matched code is this error; empty when it is on both. */
  readonly onlyOn: readonly PlatformFamily[];
  readonly otherMeanings: readonly OtherMeaning[];
}

/** The whole answer to a lookup, as plain data: renderers turn it into text, JSON or Block Kit. */
export interface Answer {
  readonly query: string;
  readonly lang: Lang;
  readonly items: readonly AnswerItem[];
  readonly suggestions: readonly Suggestion[];
  readonly notTokenErrors: readonly OtherMeaning[];
}

export interface AnswerOptions {
  /** Forces the language (`--lang`, a `zh`/`en` word in a Slack query). */
  readonly lang?: Lang | undefined;
  /** The language when the query gives no sign of one (a bare code or name). */
  readonly defaultLang: Lang;
}

export function chooseLanguage(text: string, options: AnswerOptions): Lang {
  if (options.lang) return options.lang;
  const detected = detectLanguage(text);
  if (detected) return detected;
  return looksLikeEnglishProse(text) ? "en" : options.defaultLang;
}

export function answerQuery(index: KnowledgeIndex, query: string, options: AnswerOptions): Answer {
  const outcome = matchQuery(index, query);
  return {
    query: outcome.query,
    lang: chooseLanguage(outcome.query, options),
    items: outcome.matches.map(toAnswerItem),
    suggestions: outcome.suggestions,
    notTokenErrors: outcome.notTokenErrors,
  };
}

export function toAnswerItem(match: Match): AnswerItem {
  return {
    entry: match.entry,
    score: match.score,
    via: match.via,
    matched: match.matched,
    headline: headlineFor(match.entry, match.code, match.name),
    // A code that is a token error on one side only (118 on the Web) says so, even when the entry is one-sided too.
    onlyOn: match.code !== undefined && match.platforms.length === 1 ? match.platforms : [],
    otherMeanings: match.otherMeanings,
  };
}

/** The code and the name that best label an entry: the matched ones, else the seed table's first. */
export function headlineFor(
  entry: KnowledgeEntry,
  code?: number,
  name?: EntryName,
): { code?: number; name: string } {
  const chosenCode = code ?? name?.code ?? entry.codes[0]?.code;
  const candidates = entry.names.filter((item) => chosenCode === undefined || item.code === chosenCode);
  const chosenName =
    name?.name ??
    candidates.find((item) => item.seedTable)?.name ??
    candidates[0]?.name ??
    entry.names[0]?.name ??
    entry.id;
  return chosenCode === undefined ? { name: chosenName } : { code: chosenCode, name: chosenName };
}

/** Every identifier of an entry, once each, in knowledge order: error, callback and event names. */
export function entryIdentifiers(entry: KnowledgeEntry): string[] {
  return [...new Set(entry.names.map((name) => name.name))];
}

export function entryCodes(entry: KnowledgeEntry): number[] {
  return entry.codes.map((code) => code.code);
}

/** An answer naming one entry directly: what a "did you mean" button leads to. */
export function answerForEntry(index: KnowledgeIndex, id: string, lang: Lang): Answer | undefined {
  const entry = index.knowledge.byId.get(id);
  if (!entry) return undefined;
  return {
    query: `entry:${id}`,
    lang,
    items: [
      {
        entry,
        score: 1,
        via: "name",
        matched: id,
        headline: headlineFor(entry),
        onlyOn: [],
        otherMeanings: [],
      },
    ],
    suggestions: [],
    notTokenErrors: [],
  };
}
