import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readDefaultLang } from "../config/defaultLang.js";
import { ConfigError, KnowledgeError, UsageError } from "../errors.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { loadKnowledgeIndex } from "../index/loadIndex.js";
import { type CliIo, EXIT_KNOWLEDGE, EXIT_OK, EXIT_USAGE } from "./io.js";
import { runKbCheck } from "./kbCheck.js";
import { LOOKUP_USAGE, runLookup } from "./lookup.js";
import { runScan, SCAN_USAGE } from "./scan.js";

const USAGE = `agora-bot: answers Agora RTC token errors from codes, names, words and logs

Usage:
  ${LOOKUP_USAGE}
  ${SCAN_USAGE}
  agora-bot kb-check

Examples:
  agora-bot lookup 118
  agora-bot lookup ERR_NO_AUTHORIZED
  agora-bot lookup --lang zh token expired
  agora-bot lookup --json 109 110
  agora-bot scan console.log

Exit status: 0 found, 1 no match, 2 usage error, 3 knowledge base invalid.
Environment: DEFAULT_LANG=en|zh (language when the query has none), KNOWLEDGE_DIR (default ./knowledge).`;

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  let cached: KnowledgeIndex | undefined;
  const index = () => {
    cached ??= loadKnowledgeIndex(io.env.KNOWLEDGE_DIR || undefined);
    return cached;
  };
  try {
    const defaultLang = readDefaultLang(io.env);
    switch (command) {
      case "lookup":
        return await runLookup(rest, io, index, defaultLang);
      case "scan":
        return await runScan(rest, io, index, defaultLang);
      case "kb-check":
        return runKbCheck(io, index);
      case "help":
      case "--help":
      case "-h":
        io.stdout.write(`${USAGE}\n`);
        return EXIT_OK;
      case undefined:
        throw new UsageError("missing command", "run `agora-bot help` for usage");
      default:
        throw new UsageError(`unknown command "${command}"`, "commands: lookup, scan, kb-check, help");
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`agora-bot: ${error.message}\nusage: ${error.hint}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`agora-bot: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof KnowledgeError) {
      io.stderr.write(`agora-bot: ${error.message}\nhint: fix the files above, then run npm run kb:check\n`);
      return EXIT_KNOWLEDGE;
    }
    throw error;
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMainModule() || process.env.AGORA_BOT_CLI === "1") {
  const io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `agora-bot: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
