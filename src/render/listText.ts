import type { CategoryPage, CategorySummary, EntryLine } from "../answer/catalogueList.js";
import type { Lang } from "../text/language.js";
import { LIST_STRINGS } from "./strings.js";
import { safeForTerminal, type TerminalStyle } from "./terminal.js";

export function renderCategoriesText(
  categories: readonly CategorySummary[],
  lang: Lang,
  style: TerminalStyle,
): string {
  const strings = LIST_STRINGS[lang];
  const width = Math.max(...categories.map(({ category }) => category.id.length));
  const out = [style.bold(strings.categoriesTitle), ""];
  for (const { category, count } of categories) {
    out.push(
      `  ${style.accent(category.id.padEnd(width))}  ${String(count).padStart(3)}  ${category.title[lang]}`,
    );
  }
  out.push("", style.dim(strings.cliHint));
  return `${out.join("\n")}\n`;
}

export function renderCategoryText(page: CategoryPage, lang: Lang, style: TerminalStyle): string {
  const strings = LIST_STRINGS[lang];
  const out = [`${style.bold(page.category.title[lang])}  ${style.dim(strings.entries(page.total))}`, ""];
  for (const line of page.lines) out.push(`  ${entryLineText(line, lang, style)}`);
  out.push("", style.dim(strings.lookupHint));
  return `${out.join("\n")}\n`;
}

function entryLineText(line: EntryLine, lang: Lang, style: TerminalStyle): string {
  const codes = line.codes.length > 0 ? `${line.codes.join(" / ")} ` : "";
  const warning = line.kind === "warning" ? `${style.warn(LIST_STRINGS[lang].warningTag)} ` : "";
  return `${style.accent(`${codes}${safeForTerminal(line.name)}`)}  ${warning}${line.summary}`;
}
