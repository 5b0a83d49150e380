import type { KnowledgeIndex, OtherMeaning } from "../index/knowledgeIndex.js";
import type { CodeSpace, EntryName, KnowledgeEntry, PlatformFamily } from "../knowledge/schema.js";
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
  /** The one platform family where the matched code is this token error; empty when it is on both. */
  readonly onlyOn: readonly PlatformFamily[];
  readonly otherMeanings: readonly OtherMeaning[];
  /** Where the matched code or name has this meaning. */
  readonly platforms: readonly PlatformFamily[];
  /** Which list the matched number is from (error, warning, connection reason, …). */
  readonly space?: CodeSpace;
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
  /** The platform the asker is on, when known; otherwise read from the query's words. */
  readonly platform?: PlatformFamily | undefined;
}

const WEB_WORDS =
  /\b(?:web|browser|javascript|js|chrome|safari|firefox|edge|agorartc|agora-rtc-sdk(?:-ng)?|sdk-ng)\b|浏览器|网页/i;
const NATIVE_WORDS =
  /\b(?:native|android|ios|iphone|ipad|swift|objective-c|objc|flutter|dart|unity|electron|react[- ]native|windows|macos|java|kotlin|c\+\+|cpp)\b|安卓|原生/i;

/** The platform family a query names ("17 on android", "web 2"), when it names exactly one. */
export function platformOfQuery(text: string): PlatformFamily | undefined {
  const web = WEB_WORDS.test(text);
  const native = NATIVE_WORDS.test(text);
  return web === native ? undefined : web ? "web" : "native";
}

export function chooseLanguage(text: string, options: AnswerOptions): Lang {
  if (options.lang) return options.lang;
  const detected = detectLanguage(text);
  if (detected) return detected;
  return looksLikeEnglishProse(text) ? "en" : options.defaultLang;
}

export function answerQuery(index: KnowledgeIndex, query: string, options: AnswerOptions): Answer {
  const outcome = matchQuery(index, query);
  const platform = options.platform ?? platformOfQuery(outcome.query);
  const items = outcome.matches.map(toAnswerItem);
  return {
    query: outcome.query,
    lang: chooseLanguage(outcome.query, options),
    // A number or name with a meaning on each platform: the asker's platform's meaning first.
    items:
      platform === undefined ? items : stablePartition(items, (item) => item.platforms.includes(platform)),
    suggestions: outcome.suggestions,
    notTokenErrors: outcome.notTokenErrors,
  };
}

function stablePartition<T>(items: readonly T[], first: (item: T) => boolean): T[] {
  return [...items.filter(first), ...items.filter((item) => !first(item))];
}

export function toAnswerItem(match: Match): AnswerItem {
  const deep = match.entry.depth === "deep";
  return {
    entry: match.entry,
    score: match.score,
    via: match.via,
    matched: match.matched,
    headline: headlineFor(match.entry, match.code, match.name),
    // A code that is a token error on one side only (118 on the Web) says so, even when the entry is one-sided too.
    onlyOn: deep && match.code !== undefined && match.platforms.length === 1 ? match.platforms : [],
    otherMeanings: match.otherMeanings,
    platforms: match.platforms,
    ...(match.space === undefined ? {} : { space: match.space }),
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
        platforms: [...new Set(entry.codes.flatMap((code) => code.platforms))],
      },
    ],
    suggestions: [],
    notTokenErrors: [],
  };
}
