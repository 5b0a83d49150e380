import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import type { Category, KnowledgeEntry } from "../knowledge/schema.js";
import type { Lang } from "../text/language.js";
import { headlineFor } from "./answer.js";

/** A category of the knowledge and how many entries it holds. */
export interface CategorySummary {
  readonly category: Category;
  readonly count: number;
}

/** One line of a category listing: codes, the best-known name, and a short description. */
export interface EntryLine {
  readonly id: string;
  readonly codes: readonly number[];
  readonly name: string;
  readonly kind: KnowledgeEntry["kind"];
  readonly summary: string;
}

export interface CategoryPage {
  readonly category: Category;
  readonly lines: readonly EntryLine[];
  /** Zero-based page number, and the number of pages. */
  readonly page: number;
  readonly pages: number;
  readonly total: number;
}

/** The categories in knowledge order (the token entries first), each with its entry count. */
export function listCategories(index: KnowledgeIndex): CategorySummary[] {
  const counts = new Map<string, number>();
  for (const entry of index.entries) counts.set(entry.category.id, (counts.get(entry.category.id) ?? 0) + 1);
  return index.knowledge.categories.map((category) => ({ category, count: counts.get(category.id) ?? 0 }));
}

/**
 * The category a user means: its id, or a title in either language, compared without case or
 * punctuation; a unique start of an id ("web-errors-join") or a part of one title ("加入频道",
 * "renewToken") will do.
 */
export function findCategory(index: KnowledgeIndex, query: string): Category | undefined {
  const key = simplify(query);
  if (key === "") return undefined;
  const categories = index.knowledge.categories;
  const exact = categories.find(
    (category) =>
      simplify(category.id) === key ||
      simplify(category.title.en) === key ||
      simplify(category.title.zh) === key,
  );
  if (exact) return exact;
  const prefixed = categories.filter((category) => simplify(category.id).startsWith(key));
  if (prefixed.length === 1) return prefixed[0];
  const inTitle = categories.filter(
    (category) => simplify(category.title.en).includes(key) || simplify(category.title.zh).includes(key),
  );
  return inTitle.length === 1 ? inTitle[0] : undefined;
}

function simplify(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const SUMMARY_LENGTH = 90;

/** The entries of one category, `perPage` at a time; a page past the end is the last page. */
export function categoryPage(
  index: KnowledgeIndex,
  category: Category,
  lang: Lang,
  page = 0,
  perPage = Number.POSITIVE_INFINITY,
): CategoryPage {
  const entries = index.entries.filter((entry) => entry.category.id === category.id);
  const pages = Math.max(1, Math.ceil(entries.length / perPage));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const start = Number.isFinite(perPage) ? current * perPage : 0;
  const slice = Number.isFinite(perPage) ? entries.slice(start, start + perPage) : entries;
  return {
    category,
    lines: slice.map((entry) => entryLine(entry, lang)),
    page: current,
    pages,
    total: entries.length,
  };
}

function entryLine(entry: KnowledgeEntry, lang: Lang): EntryLine {
  const text = entry.depth === "deep" ? entry.title[lang] : entry.meaning[lang];
  return {
    id: entry.id,
    codes: entry.codes.filter((code) => code.space === entry.codes[0]?.space).map((code) => code.code),
    name: headlineFor(entry).name,
    kind: entry.kind,
    summary: shorten(text, SUMMARY_LENGTH),
  };
}

/** The first sentence, cut at a word (or a character, for Chinese) if still too long. */
function shorten(text: string, max: number): string {
  const sentence = /^.+?[.!?。！？](?=\s|$)/u.exec(text)?.[0] ?? text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
