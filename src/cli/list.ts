import { categoryPage, findCategory, listCategories } from "../answer/catalogueList.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { renderCategoriesText, renderCategoryText } from "../render/listText.js";
import { COLOR_STYLE, PLAIN_STYLE } from "../render/terminal.js";
import type { Lang } from "../text/language.js";
import { type CliIo, EXIT_NO_MATCH, EXIT_OK, useColor } from "./io.js";
import { parseOutputOptions } from "./options.js";
import { LIST_USAGE } from "./usage.js";

/** `list`: the categories with their entry counts; `list CATEGORY`: every entry of one category. */
export function runList(
  args: readonly string[],
  io: CliIo,
  knowledge: KnowledgeIndex,
  defaultLang: Lang,
): number {
  const values = parseOutputOptions(args, LIST_USAGE);
  const lang = values.lang ?? defaultLang;
  const style = useColor(io) ? COLOR_STYLE : PLAIN_STYLE;
  const query = values.positionals.join(" ").trim();
  if (query === "") {
    const categories = listCategories(knowledge);
    io.stdout.write(
      values.json || values.jsonl
        ? `${JSON.stringify({
            categories: categories.map(({ category, count }) => ({
              id: category.id,
              title: category.title[lang],
              count,
            })),
          })}\n`
        : renderCategoriesText(categories, lang, style),
    );
    return EXIT_OK;
  }
  const category = findCategory(knowledge, query);
  if (!category) {
    io.stderr.write(
      `agora-bot: no category "${query.slice(0, 80)}"; categories: ${knowledge.knowledge.categories.map((item) => item.id).join(", ")}\n`,
    );
    return EXIT_NO_MATCH;
  }
  const page = categoryPage(knowledge, category, lang);
  io.stdout.write(
    values.json || values.jsonl
      ? `${JSON.stringify({
          category: { id: category.id, title: category.title[lang] },
          entries: page.lines.map((line) => ({ ...line, codes: [...line.codes] })),
        })}\n`
      : renderCategoryText(page, lang, style),
  );
  return EXIT_OK;
}
