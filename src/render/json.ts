import { type Answer, entryCodes, entryIdentifiers } from "../answer/answer.js";
import { redactSecrets } from "../text/redact.js";

/** The `lookup --json` contract: `query` and `matches` with id, title, codes, names, score. */
export interface LookupJson {
  query: string;
  lang: string;
  matches: {
    id: string;
    title: string;
    codes: number[];
    names: string[];
    score: number;
    via: string;
    matched: string;
  }[];
  suggestions: { id: string; title: string; score: number }[];
  notTokenErrors: { code: number; platform: string; name: string; meaning: string }[];
}

export function toLookupJson(answer: Answer): LookupJson {
  const { lang } = answer;
  return {
    query: redactSecrets(answer.query),
    lang,
    matches: answer.items.map((item) => ({
      id: item.entry.id,
      title: item.entry.title[lang],
      codes: entryCodes(item.entry),
      names: entryIdentifiers(item.entry),
      score: item.score,
      via: item.via,
      matched: redactSecrets(item.matched),
    })),
    suggestions: answer.suggestions.map((suggestion) => ({
      id: suggestion.entry.id,
      title: suggestion.entry.title[lang],
      score: suggestion.score,
    })),
    notTokenErrors: answer.notTokenErrors.map((other) => ({
      code: other.code,
      platform: other.platform,
      name: other.name,
      meaning: other.meaning[lang],
    })),
  };
}
