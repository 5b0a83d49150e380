import { readFileSync } from "node:fs";
import { chooseLanguage } from "../answer/answer.js";
import { UsageError } from "../errors.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { toScanJson } from "../render/scanJson.js";
import { renderScanText } from "../render/scanText.js";
import { COLOR_STYLE, PLAIN_STYLE } from "../render/terminal.js";
import { scanLog } from "../scan/scanLog.js";
import { decodeText } from "../text/decodeText.js";
import type { Lang } from "../text/language.js";
import { type CliIo, EXIT_NO_MATCH, EXIT_OK, EXIT_USAGE, useColor } from "./io.js";
import { parseOutputOptions } from "./options.js";

export const SCAN_USAGE = "agora-bot scan [--lang en|zh] [--json | --jsonl] [FILE… | -]";

interface ScanInput {
  readonly name: string;
  readonly text: string;
}

export async function runScan(
  args: readonly string[],
  io: CliIo,
  index: () => KnowledgeIndex,
  defaultLang: Lang,
): Promise<number> {
  const values = parseOutputOptions(args, SCAN_USAGE);
  const { positionals } = values;
  const forced = values.lang;
  const sources = positionals.length === 0 ? ["-"] : positionals;
  if (sources.filter((source) => source === "-").length > 1)
    throw new UsageError("stdin (-) can be read only once", SCAN_USAGE);

  const knowledge = index();
  const style = useColor(io) ? COLOR_STYLE : PLAIN_STYLE;
  let anyFinding = false;
  let unreadable = false;
  for (const source of sources) {
    const input = await readInput(source, io);
    if ("error" in input) {
      io.stderr.write(`agora-bot: ${input.error}\n`);
      unreadable = true;
      continue;
    }
    const result = scanLog(knowledge, input.text);
    const lang = chooseLanguage(input.text.slice(0, 4096), { lang: forced, defaultLang });
    if (result.findings.length > 0) anyFinding = true;
    const label = sources.length > 1 ? input.name : undefined;
    if (values.json) io.stdout.write(`${JSON.stringify(toScanJson(result, lang, label), null, 2)}\n`);
    else if (values.jsonl) io.stdout.write(`${JSON.stringify(toScanJson(result, lang, input.name))}\n`);
    else io.stdout.write(`${renderScanText(result, lang, style, label)}${sources.length > 1 ? "\n" : ""}`);
  }
  if (unreadable) return EXIT_USAGE;
  return anyFinding ? EXIT_OK : EXIT_NO_MATCH;
}

async function readInput(source: string, io: CliIo): Promise<ScanInput | { error: string }> {
  let bytes: Buffer;
  try {
    bytes = source === "-" ? await readAll(io.stdin) : readFileSync(source);
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    return { error: `cannot read ${source} (${reason}); pass a readable text file, or - for stdin` };
  }
  const name = source === "-" ? "stdin" : source;
  if (looksBinary(bytes))
    return { error: `${name} looks like a binary file, not a text log; nothing scanned` };
  return { name, text: decodeText(bytes) };
}

/** NUL bytes in the first 8 KB: what git and grep take as "binary" too. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
