import type { OtherMeaning } from "../index/knowledgeIndex.js";
import type { CodeSpace, EntryName, KnowledgeEntry, PlatformFamily } from "../knowledge/schema.js";

/** How a query reached an entry, strongest first. */
export type MatchVia = "code" | "name" | "message" | "typo" | "words";

export interface Match {
  readonly entry: KnowledgeEntry;
  /** 1 for an exact code, name or message; below 1 for typos and plain words. */
  readonly score: number;
  readonly via: MatchVia;
  /** The part of the query that matched. */
  readonly matched: string;
  readonly code?: number;
  /** Which list the matched code is from (error, warning, connection reason, …). */
  readonly space?: CodeSpace;
  readonly name?: EntryName;
  /** Where the matched code or name has this meaning (118 is a token error on the Web only). */
  readonly platforms: readonly PlatformFamily[];
  /** Other meanings of the matched code on other platforms. */
  readonly otherMeanings: readonly OtherMeaning[];
}

export interface Suggestion {
  readonly entry: KnowledgeEntry;
  readonly score: number;
}

export interface MatchOutcome {
  readonly query: string;
  readonly matches: readonly Match[];
  readonly suggestions: readonly Suggestion[];
  /** Codes or names the query used that mean something other than a token error. */
  readonly notTokenErrors: readonly OtherMeaning[];
}

/** Matches at or above this score are answers; below it they become "did you mean" suggestions. */
export const MATCH_THRESHOLD = 0.6;
export const MAX_SUGGESTIONS = 3;
