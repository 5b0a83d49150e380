import { type Answer, entryCodes, entryIdentifiers } from "../answer/answer.js";
import type { KnowledgeEntry } from "../knowledge/schema.js";
import type { Lang } from "../text/language.js";
import { redactSecrets } from "../text/redact.js";

/** An entry's text in one language: what the readable answer says, as data. */
export interface EntryTextJson {
  symptom: string;
  causes: string[];
  fix: string[];
  reportedBy: { platform: string; how: string }[];
  related: { callbacks: string[]; entries: string[] };
  docs: string;
}

export function entryTextJson(entry: KnowledgeEntry, lang: Lang): EntryTextJson {
  return {
    symptom: entry.symptom[lang],
    causes: [...entry.causes[lang]],
    fix: [...entry.fix[lang]],
    reportedBy: entry.reportedBy.map((report) => ({ platform: report.platform, how: report.how[lang] })),
    related: { callbacks: [...entry.related.callbacks], entries: [...entry.related.entries] },
    docs: entry.docs[lang],
  };
}

/**
 * The `lookup --json` contract: `query` and `matches` with id, title, codes, names, score, then
 * each match's text (symptom, causes, fix, reportedBy, related, docs) in `lang`.
 */
interface LookupJson {
  query: string;
  lang: string;
  matches: ({
    id: string;
    title: string;
    codes: number[];
    names: string[];
    score: number;
    via: string;
    matched: string;
    headline: { code: number | null; name: string };
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
  } & EntryTextJson)[];
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
      headline: { code: item.headline.code ?? null, name: item.headline.name },
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
      ...entryTextJson(item.entry, lang),
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
