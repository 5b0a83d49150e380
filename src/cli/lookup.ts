import { answerQuery } from "../answer/answer.js";
import { UsageError } from "../errors.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { toLookupJson } from "../render/json.js";
import { COLOR_STYLE, PLAIN_STYLE, renderAnswerText } from "../render/terminal.js";
import type { Lang } from "../text/language.js";
import { type CliIo, EXIT_NO_MATCH, EXIT_OK, outputWidth, readLines, useColor } from "./io.js";
import { parseOutputOptions } from "./options.js";

export const LOOKUP_USAGE = "agora-bot lookup [--lang en|zh] [--json | --jsonl | --blocks] <query…>";

export const LOOKUP_HELP = `Usage: ${LOOKUP_USAGE}

Answers one query: an error code (110, -110, #109), an error, callback or event name in any SDK's
spelling (ERR_NO_AUTHORIZED, onTokenPrivilegeWillExpire), or a few words in English or Chinese.

Options:
  --lang en|zh  answer in this language (default: the query's, else DEFAULT_LANG)
  --json        the answer as JSON: matches with their text, suggestions, other meanings
  --jsonl       read one query a line from stdin, print one JSON object a line
  --blocks      the Slack Block Kit JSON of the answer, for Slack's Block Kit Builder
  -h, --help    this help

Examples:
  agora-bot lookup 110
  agora-bot lookup -110
  agora-bot lookup --lang zh token expired
  agora-bot lookup --json 109 110

Exit status: 0 found, 1 no match, 2 usage error, 3 knowledge base invalid.`;

export async function runLookup(
  args: readonly string[],
  io: CliIo,
  index: () => KnowledgeIndex,
  defaultLang: Lang,
): Promise<number> {
  const values = parseOutputOptions(args, LOOKUP_USAGE);
  if (values.help) {
    io.stdout.write(`${LOOKUP_HELP}\n`);
    return EXIT_OK;
  }
  const { positionals } = values;
  const options = { lang: values.lang, defaultLang };

  if (values.jsonl) {
    if (positionals.length > 0)
      throw new UsageError("--jsonl reads queries from stdin, one a line; drop the arguments", LOOKUP_USAGE);
    const knowledge = index();
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
  const answer = answerQuery(index(), query, options);
  if (values.json) io.stdout.write(`${JSON.stringify(toLookupJson(answer), null, 2)}\n`);
  else if (values.blocks) {
    // Block Kit (and zod with it) loads only for --blocks.
    const { renderAnswerBlocks } = await import("../render/blocks/answerBlocks.js");
    const message = renderAnswerBlocks(answer, { shareable: true });
    io.stdout.write(`${JSON.stringify({ blocks: message.blocks }, null, 2)}\n`);
  } else io.stdout.write(renderAnswerText(answer, useColor(io) ? COLOR_STYLE : PLAIN_STYLE, outputWidth(io)));
  return answer.items.length > 0 ? EXIT_OK : EXIT_NO_MATCH;
}
