import { categoryPage, findCategory, listCategories } from "../answer/catalogueList.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { renderCategoryBlocks, renderListBlocks } from "../render/blocks/helpBlocks.js";
import { renderCategoriesText, renderCategoryText } from "../render/listText.js";
import { COLOR_STYLE, PLAIN_STYLE } from "../render/terminal.js";
import type { Lang } from "../text/language.js";
import { type CliIo, EXIT_NO_MATCH, EXIT_OK, useColor } from "./io.js";
import { parseOutputOptions } from "./options.js";
import { COMMAND_HELP, LIST_USAGE } from "./usage.js";

/** `list`: the categories with their entry counts; `list CATEGORY`: every entry of one category. */
export async function runList(
  args: readonly string[],
  io: CliIo,
  index: () => Promise<KnowledgeIndex>,
  defaultLang: Lang,
): Promise<number> {
  const values = parseOutputOptions(args, LIST_USAGE);
  if (values.help) {
    io.stdout.write(`${COMMAND_HELP.list}\n`);
    return EXIT_OK;
  }
  const lang = values.lang ?? defaultLang;
  const style = useColor(io) ? COLOR_STYLE : PLAIN_STYLE;
  const knowledge = await index();
  const query = values.positionals.join(" ").trim();
  const json = values.json || values.jsonl;
  if (query === "") {
    const categories = listCategories(knowledge);
    if (values.blocks) io.stdout.write(`${JSON.stringify(renderListBlocks(knowledge, lang), null, 2)}\n`);
    else if (json)
      io.stdout.write(
        `${JSON.stringify({
          categories: categories.map(({ category, count }) => ({
            id: category.id,
            title: category.title[lang],
            count,
          })),
        })}\n`,
      );
    else io.stdout.write(renderCategoriesText(categories, lang, style));
    return EXIT_OK;
  }
  const category = findCategory(knowledge, query);
  if (!category) {
    io.stderr.write(
      `agora-bot: no category "${query.slice(0, 80)}"; categories: ${knowledge.knowledge.categories.map((item) => item.id).join(", ")}\n`,
    );
    return EXIT_NO_MATCH;
  }
  if (values.blocks) {
    io.stdout.write(`${JSON.stringify(renderCategoryBlocks(knowledge, category, lang), null, 2)}\n`);
    return EXIT_OK;
  }
  const page = categoryPage(knowledge, category, lang);
  io.stdout.write(
    json
      ? `${JSON.stringify({
          category: { id: category.id, title: category.title[lang] },
          entries: page.lines.map((line) => ({ ...line, codes: [...line.codes] })),
        })}\n`
      : renderCategoryText(page, lang, style),
  );
  return EXIT_OK;
}
