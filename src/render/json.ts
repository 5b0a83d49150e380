import { type Answer, entryCodes, entryIdentifiers } from "../answer/answer.js";

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
    /** Added with the catalogue: the entry's depth, kind, category and its compact answer. */
    depth: "deep" | "catalogue";
    kind: string;
    category: { id: string; title: string };
    platforms: string[];
    space?: string;
    namesByPlatform: { platform: string; name: string; code?: number }[];
    reportedAs: string[];
    meaning: string;
    check: string;
    docs: string;
  }[];
  suggestions: { id: string; title: string; score: number }[];
  notTokenErrors: { code: number; platform: string; name: string; meaning: string }[];
}

export function toLookupJson(answer: Answer): LookupJson {
  const { lang } = answer;
  return {
    query: answer.query,
    lang,
    matches: answer.items.map((item) => ({
      id: item.entry.id,
      title: item.entry.title[lang],
      codes: entryCodes(item.entry),
      names: entryIdentifiers(item.entry),
      score: item.score,
      via: item.via,
      matched: item.matched,
      depth: item.entry.depth,
      kind: item.entry.kind,
      category: { id: item.entry.category.id, title: item.entry.category.title[lang] },
      platforms: [...item.platforms],
      ...(item.space === undefined ? {} : { space: item.space }),
      namesByPlatform: item.entry.names.map((name) => ({
        platform: name.platform,
        name: name.name,
        ...(name.code === undefined ? {} : { code: name.code }),
      })),
      reportedAs: [...item.entry.reportedAs],
      meaning: item.entry.meaning[lang],
      check: item.entry.check[lang],
      docs: item.entry.docs[lang],
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
