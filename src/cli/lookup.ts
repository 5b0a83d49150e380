import { answerQuery } from "../answer/answer.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { toLookupJson } from "../render/json.js";
import { COLOR_STYLE, PLAIN_STYLE, renderAnswerText } from "../render/terminal.js";
import type { Lang } from "../text/language.js";
import { type CliIo, EXIT_NO_MATCH, EXIT_OK, readLines, UsageError, useColor } from "./io.js";
import { parseOutputOptions } from "./options.js";
import { LOOKUP_USAGE } from "./usage.js";

export async function runLookup(
  args: readonly string[],
  io: CliIo,
  index: () => Promise<KnowledgeIndex>,
  defaultLang: Lang,
): Promise<number> {
  const values = parseOutputOptions(args, LOOKUP_USAGE);
  const { positionals } = values;
  const options = { lang: values.lang, defaultLang };

  if (values.jsonl) {
    if (positionals.length > 0)
      throw new UsageError("--jsonl reads queries from stdin, one a line; drop the arguments", LOOKUP_USAGE);
    const knowledge = await index();
    let anyFound = false;
    for await (const line of readLines(io.stdin)) {
      const answer = answerQuery(knowledge, line, options);
      if (answer.items.length > 0) anyFound = true;
      io.stdout.write(`${JSON.stringify(toLookupJson(answer))}\n`);
    }
    // As grep does: 0 when anything matched.
    return anyFound ? EXIT_OK : EXIT_NO_MATCH;
  }

  const query = positionals.join(" ").trim();
  if (query === "")
    throw new UsageError("lookup needs a query: a code, an error name or a few words", LOOKUP_USAGE);
  const answer = answerQuery(await index(), query, options);
  if (values.json) io.stdout.write(`${JSON.stringify(toLookupJson(answer), null, 2)}\n`);
  else io.stdout.write(renderAnswerText(answer, useColor(io) ? COLOR_STYLE : PLAIN_STYLE));
  return answer.items.length > 0 ? EXIT_OK : EXIT_NO_MATCH;
}
