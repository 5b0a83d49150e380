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
import { type CliIo, EXIT_NO_MATCH, EXIT_OK, EXIT_USAGE, outputWidth, useColor } from "./io.js";
import { parseOutputOptions } from "./options.js";

export const SCAN_USAGE = "agora-bot scan [--lang en|zh] [--json | --jsonl | --blocks] [FILE… | -]";

export const SCAN_HELP = `Usage: ${SCAN_USAGE}

Finds every Agora token error in a log (browser console, logcat, Xcode, Flutter, Unity, Electron)
and says where, how sure, and how to fix it. Reads stdin when no FILE is given, or for -.

Options:
  --lang en|zh  answer in this language (default: the log's, else DEFAULT_LANG)
  --json        the findings as JSON: platform, and each finding with its line, evidence and text
  --jsonl       one JSON object a file, one a line, with "file"
  --blocks      the Slack Block Kit JSON of the reply, for Slack's Block Kit Builder
  -h, --help    this help

Examples:
  agora-bot scan console.log
  adb logcat -d | agora-bot scan
  agora-bot scan --json app.log

Exit status: 0 found, 1 nothing found, 2 usage error or unreadable file, 3 knowledge base invalid.`;

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
  if (values.help) {
    io.stdout.write(`${SCAN_HELP}\n`);
    return EXIT_OK;
  }
  const { positionals } = values;
  const forced = values.lang;
  const sources = positionals.length === 0 ? ["-"] : positionals;
  if (sources.filter((source) => source === "-").length > 1)
    throw new UsageError("stdin (-) can be read only once", SCAN_USAGE);

  const knowledge = index();
  const style = useColor(io) ? COLOR_STYLE : PLAIN_STYLE;
  const width = outputWidth(io);
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
    else if (values.blocks) {
      // Block Kit (and zod with it) loads only for --blocks.
      const { renderScanBlocks } = await import("../render/blocks/scanBlocks.js");
      io.stdout.write(`${JSON.stringify({ blocks: renderScanBlocks(result, lang).blocks }, null, 2)}\n`);
    } else
      io.stdout.write(
        `${renderScanText(result, lang, style, label, width)}${sources.length > 1 ? "\n" : ""}`,
      );
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
