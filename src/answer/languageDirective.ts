import type { Lang } from "../text/language.js";

const DIRECTIVES: Record<string, Lang> = {
  zh: "zh",
  cn: "zh",
  中文: "zh",
  en: "en",
  english: "en",
  英文: "en",
};

/** A `zh` / `en` word at the start or end of a query forces the answer's language; it is not part of the query. */
export function extractLanguageDirective(text: string): { text: string; lang?: Lang } {
  const words = text.trim().split(/\s+/);
  if (words.length < 2) {
    const only = DIRECTIVES[(words[0] ?? "").toLowerCase()];
    return only ? { text: "", lang: only } : { text: text.trim() };
  }
  const first = DIRECTIVES[(words[0] ?? "").toLowerCase()];
  if (first) return { text: words.slice(1).join(" "), lang: first };
  const last = DIRECTIVES[(words[words.length - 1] ?? "").toLowerCase()];
  if (last) return { text: words.slice(0, -1).join(" "), lang: last };
  return { text: text.trim() };
}
