import type { Answer, AnswerItem } from "../answer/answer.js";
import type { Lang } from "../text/language.js";
import { REPORTED_AS_LABELS, UI_STRINGS } from "./strings.js";

/** How the item's entry reaches an application, every way in one line. */
export function reportedAsText(item: AnswerItem, lang: Lang): string {
  const context = { code: item.headline.code, web: isWebOnly(item), numbered: item.entry.codes.length > 0 };
  return item.entry.reportedAs.map((way) => REPORTED_AS_LABELS[lang][way](context)).join("; ");
}

function isWebOnly(item: AnswerItem): boolean {
  const families =
    item.platforms.length > 0 ? item.platforms : item.entry.codes.flatMap((code) => code.platforms);
  return families.length > 0
    ? families.every((family) => family === "web")
    : item.entry.id.startsWith("web-");
}

/** The platform families the matched code or name has this meaning on ("Native", "Web"). */
export function platformsText(item: AnswerItem, lang: Lang): string {
  const families =
    item.platforms.length > 0 ? item.platforms : [...new Set(item.entry.codes.flatMap((c) => c.platforms))];
  return families.map((family) => UI_STRINGS[lang].platformFamilies[family]).join(" / ");
}

/**
 * When one code or name of the query has several meanings (native 17 is an error and a
 * connection reason; 2 is a Web token error and a native error), a line that says so.
 */
export function severalMeaningsNote(answer: Answer): string | undefined {
  const counts = new Map<string, number>();
  for (const item of answer.items) {
    if (item.via !== "code" && item.via !== "name") continue;
    counts.set(item.matched, (counts.get(item.matched) ?? 0) + 1);
  }
  const [matched, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  if (count < 2) return undefined;
  return UI_STRINGS[answer.lang].severalMeanings(matched, count);
}
