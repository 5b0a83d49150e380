import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readDefaultLang } from "../config/defaultLang.js";
import { ConfigError, KnowledgeError, UsageError } from "../errors.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { loadKnowledgeIndex } from "../index/loadIndex.js";
import { type CliIo, EXIT_KNOWLEDGE, EXIT_OK, EXIT_USAGE } from "./io.js";
import { runKbCheck } from "./kbCheck.js";
import { LOOKUP_HELP, LOOKUP_USAGE, runLookup } from "./lookup.js";
import { runScan, SCAN_HELP, SCAN_USAGE } from "./scan.js";

const KB_CHECK_HELP = `Usage: agora-bot kb-check

Validates the knowledge base and prints every code and name with the entry it resolves to.
Exit status: 0 all resolve, 1 some do not, 3 knowledge base invalid.`;

const USAGE = `agora-bot: answers Agora RTC token errors from codes, names, words and logs

Usage:
  ${LOOKUP_USAGE}
  ${SCAN_USAGE}
  agora-bot kb-check
  agora-bot help [COMMAND]
  agora-bot --version

Examples:
  agora-bot lookup 118
  agora-bot lookup -110
  agora-bot lookup ERR_NO_AUTHORIZED
  agora-bot lookup --lang zh token expired
  agora-bot lookup --json 109 110
  agora-bot scan console.log

Exit status: 0 found, 1 no match, 2 usage error, 3 knowledge base invalid.
Environment: DEFAULT_LANG=en|zh (language when the query has none), KNOWLEDGE_DIR (default ./knowledge),
COLUMNS (output width), NO_COLOR / FORCE_COLOR.
Run \`agora-bot help COMMAND\` (or COMMAND --help) for a command's options.`;

const COMMAND_HELP: Readonly<Record<string, string>> = {
  lookup: LOOKUP_HELP,
  scan: SCAN_HELP,
  "kb-check": KB_CHECK_HELP,
};

function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return manifest && typeof manifest === "object" && "version" in manifest
    ? String(manifest.version)
    : "unknown";
}

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
        if (rest.includes("--help") || rest.includes("-h")) {
          io.stdout.write(`${KB_CHECK_HELP}\n`);
          return EXIT_OK;
        }
        return runKbCheck(io, index);
      case "help":
      case "--help":
      case "-h": {
        const topic = rest[0];
        if (topic === undefined) {
          io.stdout.write(`${USAGE}\n`);
          return EXIT_OK;
        }
        const help = COMMAND_HELP[topic];
        if (help === undefined)
          throw new UsageError(`no help for "${topic}"`, "commands: lookup, scan, kb-check, help");
        io.stdout.write(`${help}\n`);
        return EXIT_OK;
      }
      case "--version":
      case "-V":
      case "version":
        io.stdout.write(`agora-bot ${version()}\n`);
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
