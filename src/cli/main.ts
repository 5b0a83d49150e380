import { readFileSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readDefaultLang } from "../config/defaultLang.js";
import { ConfigError, KnowledgeError, UsageError } from "../errors.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { type CliIo, EXIT_KNOWLEDGE, EXIT_OK, EXIT_USAGE } from "./io.js";
import { COMMAND_HELP, KB_CHECK_USAGE, LIST_USAGE, LOOKUP_USAGE, REPORT_USAGE, SCAN_USAGE } from "./usage.js";

const USAGE = `agora-bot: answers Agora RTC errors (token errors in depth) from codes, names, words and logs

Usage:
  ${LOOKUP_USAGE}
  ${SCAN_USAGE}
  ${LIST_USAGE}
  ${KB_CHECK_USAGE}
  ${REPORT_USAGE}
  agora-bot help [COMMAND]
  agora-bot --version

Examples:
  agora-bot lookup 118
  agora-bot lookup -110
  agora-bot lookup ERR_NO_AUTHORIZED
  agora-bot lookup --lang zh token expired
  agora-bot lookup --json 109 110
  agora-bot lookup 17
  agora-bot scan console.log
  agora-bot list
  agora-bot list native-errors-join
  agora-bot report --days 7

Exit status: 0 found, 1 no match, 2 usage error, 3 knowledge base invalid, 4 database unreachable
(report), 130 interrupted.
Environment: DEFAULT_LANG=en|zh (language when the query has none), KNOWLEDGE_DIR (default ./knowledge),
COLUMNS (output width), NO_COLOR / FORCE_COLOR; report reads DATABASE_URL or DATA_DIR (default ./data),
as the bot does.
Run \`agora-bot help COMMAND\` (or COMMAND --help) for a command's options.`;

function version(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return manifest && typeof manifest === "object" && "version" in manifest
    ? String(manifest.version)
    : "unknown";
}

/**
 * Each command imports only its own modules, and lookup and scan read the build's knowledge
 * snapshot while knowledge/ is unchanged (YAML and zod load only when it changed): a whole
 * `agora-bot lookup` then costs little more than starting node.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  const dir = io.env.KNOWLEDGE_DIR || undefined;
  let cached: Promise<KnowledgeIndex> | undefined;
  const index = () => {
    cached ??= import("../index/loadIndexFast.js").then((module) => module.loadKnowledgeIndexFast(dir));
    return cached;
  };
  try {
    const defaultLang = readDefaultLang(io.env);
    switch (command) {
      case "lookup":
        return await (await import("./lookup.js")).runLookup(rest, io, index, defaultLang);
      case "scan":
        return await (await import("./scan.js")).runScan(rest, io, index, defaultLang);
      case "list":
        return (await import("./list.js")).runList(rest, io, index, defaultLang);
      case "kb-check": {
        if (rest.includes("--help") || rest.includes("-h")) {
          io.stdout.write(`${COMMAND_HELP["kb-check"]}\n`);
          return EXIT_OK;
        }
        // kb-check is the validation itself: always the YAML and the schema, never the snapshot.
        const { loadKnowledgeIndex } = await import("../index/loadIndex.js");
        const { runKbCheck } = await import("./kbCheck.js");
        // Awaited here so that an invalid knowledge base is caught below (exit 3), not a crash.
        return await runKbCheck(rest, io, async () => loadKnowledgeIndex(dir));
      }
      case "report":
        return await (await import("./report.js")).runReport(rest, io);
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
          throw new UsageError(
            `no help for "${topic}"`,
            "commands: lookup, scan, list, kb-check, report, help",
          );
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
        throw new UsageError(
          `unknown command "${command}"`,
          "commands: lookup, scan, list, kb-check, report, help",
        );
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
  // Ctrl-C ends at once with the shell's 130, after wiping a progress line off the terminal.
  process.once("SIGINT", () => {
    if (process.stderr.isTTY) process.stderr.write("\r\u001b[K");
    process.exit(130);
  });
  const io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    // Made on first read: setting up the stream of a piped stdin costs a few ms that lookup and
    // list never need.
    get stdin() {
      return process.stdin;
    },
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
