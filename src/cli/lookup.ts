import { answerQuery } from "../answer/answer.js";
import { UsageError } from "../errors.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { toLookupJson } from "../render/json.js";
import { COLOR_STYLE, PLAIN_STYLE, renderAnswerText } from "../render/terminal.js";
import type { Lang } from "../text/language.js";
import { type CliIo, EXIT_NO_MATCH, EXIT_OK, outputWidth, readLines, useColor } from "./io.js";
import { parseOutputOptions } from "./options.js";
import { COMMAND_HELP, LOOKUP_USAGE } from "./usage.js";

export async function runLookup(
  args: readonly string[],
  io: CliIo,
  index: () => Promise<KnowledgeIndex>,
  defaultLang: Lang,
): Promise<number> {
  const values = parseOutputOptions(args, LOOKUP_USAGE);
  if (values.help) {
    io.stdout.write(`${COMMAND_HELP.lookup}\n`);
    return EXIT_OK;
  }
  const { positionals } = values;
  const options = { lang: values.lang, defaultLang };

  if (values.jsonl) {
    if (positionals.length > 0)
      throw new UsageError("--jsonl reads queries from stdin, one a line; drop the arguments", LOOKUP_USAGE);
    const knowledge = await index();
    let anyFound = false;
    // Answers go out in batches, each written once the lines read so far are answered: one write
    // a line cost more than the matching, and a query typed by hand is still answered at once.
    let batch = "";
    let flushing = false;
    const flush = () => {
      flushing = false;
      if (batch === "") return;
      io.stdout.write(batch);
      batch = "";
    };
    for await (const line of readLines(io.stdin)) {
      const answer = answerQuery(knowledge, line, options);
      if (answer.items.length > 0) anyFound = true;
      batch += `${JSON.stringify(toLookupJson(answer))}\n`;
      if (batch.length >= 256 * 1024) flush();
      else if (!flushing) {
        flushing = true;
        setImmediate(flush);
      }
    }
    flush();
    // As grep does: 0 when anything matched.
    return anyFound ? EXIT_OK : EXIT_NO_MATCH;
  }

  const query = positionals.join(" ").trim();
  if (query === "")
    throw new UsageError("lookup needs a query: a code, an error name or a few words", LOOKUP_USAGE);
  const answer = answerQuery(await index(), query, options);
  if (values.json) io.stdout.write(`${JSON.stringify(toLookupJson(answer), null, 2)}\n`);
  else if (values.blocks) {
    // Block Kit (and zod with it) loads only for --blocks.
    const { renderAnswerBlocks } = await import("../render/blocks/answerBlocks.js");
    const message = renderAnswerBlocks(answer, { shareable: true });
    io.stdout.write(`${JSON.stringify({ blocks: message.blocks }, null, 2)}\n`);
  } else io.stdout.write(renderAnswerText(answer, useColor(io) ? COLOR_STYLE : PLAIN_STYLE, outputWidth(io)));
  return answer.items.length > 0 ? EXIT_OK : EXIT_NO_MATCH;
}
