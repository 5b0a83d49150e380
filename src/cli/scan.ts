import { constants, fstatSync, open as openDescriptor } from "node:fs";
import { type FileHandle, open, stat } from "node:fs/promises";
import { Socket } from "node:net";
import { isatty } from "node:tty";
import { promisify } from "node:util";
import { chooseLanguage } from "../answer/answer.js";
import { UsageError } from "../errors.js";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { toScanJson } from "../render/scanJson.js";
import { renderScanText } from "../render/scanText.js";
import { COLOR_STYLE, PLAIN_STYLE, safeForTerminal } from "../render/terminal.js";
import { readFileChunks } from "../scan/fileChunks.js";
import { scanStream } from "../scan/scanStream.js";
import type { Lang } from "../text/language.js";
import { type CliIo, EXIT_NO_MATCH, EXIT_OK, EXIT_USAGE, outputWidth, useColor } from "./io.js";
import { parseOutputOptions } from "./options.js";
import { startProgress } from "./progress.js";
import { COMMAND_HELP, SCAN_USAGE } from "./usage.js";

interface ScanSource {
  readonly name: string;
  readonly chunks: AsyncIterable<Uint8Array | string>;
  /** Read from a descriptor by readFileChunks, whose chunks are lent. */
  readonly lent: boolean;
  /** Known for a regular file: the progress line then shows the time left. */
  readonly size: number | undefined;
  close(): Promise<void>;
}

export async function runScan(
  args: readonly string[],
  io: CliIo,
  index: () => Promise<KnowledgeIndex>,
  defaultLang: Lang,
): Promise<number> {
  const values = parseOutputOptions(args, SCAN_USAGE, { quiet: true });
  if (values.help) {
    io.stdout.write(`${COMMAND_HELP.scan}\n`);
    return EXIT_OK;
  }
  const { positionals } = values;
  const forced = values.lang;
  const sources = positionals.length === 0 ? ["-"] : positionals;
  if (sources.filter((source) => source === "-").length > 1)
    throw new UsageError("stdin (-) can be read only once", SCAN_USAGE);

  const knowledge = await index();
  const style = useColor(io) ? COLOR_STYLE : PLAIN_STYLE;
  const width = outputWidth(io);
  let anyFinding = false;
  let unreadable = false;
  for (const path of sources) {
    const source = await openSource(path, io);
    if ("error" in source) {
      io.stderr.write(`agora-bot: ${source.error}\n`);
      unreadable = true;
      continue;
    }
    const progress = startProgress(io, safeForTerminal(source.name), source.size, {
      quiet: values.quiet || values.json || values.jsonl,
    });
    let scanned: Awaited<ReturnType<typeof scanStream>>;
    try {
      scanned = await scanStream(knowledge, source.chunks, {
        onRead: (bytes) => progress.update(bytes),
        lentChunks: source.lent,
        // Nothing else waits on the event loop here: each piece is scanned in one go.
        yieldBetweenChunks: false,
      });
    } catch (error) {
      io.stderr.write(`agora-bot: cannot read ${source.name} (${reasonOf(error)})\n`);
      unreadable = true;
      continue;
    } finally {
      progress.stop();
      await source.close();
    }
    if (scanned.kind === "binary") {
      io.stderr.write(
        `agora-bot: ${source.name} looks like a binary file, not a text log; nothing scanned\n`,
      );
      unreadable = true;
      continue;
    }
    const { result } = scanned;
    const lang = chooseLanguage(scanned.head, { lang: forced, defaultLang });
    if (result.findings.length > 0 || result.otherErrors.length > 0) anyFinding = true;
    const label = sources.length > 1 ? source.name : undefined;
    if (values.json) io.stdout.write(`${JSON.stringify(toScanJson(result, lang, label), null, 2)}\n`);
    else if (values.jsonl) io.stdout.write(`${JSON.stringify(toScanJson(result, lang, source.name))}\n`);
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

async function openSource(path: string, io: CliIo): Promise<ScanSource | { error: string }> {
  if (path === "-") return stdinSource(io);
  let handle: FileHandle;
  try {
    if ((await stat(path)).isFIFO()) return await namedPipeSource(path);
    handle = await open(path, "r");
    const info = await handle.stat();
    if (info.isDirectory()) {
      await handle.close();
      return { error: `cannot read ${path} (EISDIR); pass a readable text file, or - for stdin` };
    }
    return {
      name: path,
      chunks: readFileChunks(handle.fd),
      lent: true,
      size: info.isFile() ? info.size : undefined,
      close: () => handle.close(),
    };
  } catch (error) {
    return { error: `cannot read ${path} (${reasonOf(error)}); pass a readable text file, or - for stdin` };
  }
}

const openNonBlocking = promisify(openDescriptor);

/**
 * A named pipe is opened without waiting for a writer and read on the event loop, as a stream
 * (libuv polls it): an open or a read waiting on a thread of libuv's pool for a writer that
 * stays quiet would keep the process from ending on Ctrl-C, because Node waits for the pool's
 * threads on exit. The stream still waits for a writer to come, and ends when the last one goes.
 */
async function namedPipeSource(path: string): Promise<ScanSource> {
  const descriptor = await openNonBlocking(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const pipe = new Socket({ fd: descriptor, readable: true, writable: false });
  return {
    name: path,
    chunks: pipe,
    lent: false,
    size: undefined,
    close: async () => {
      pipe.destroy();
    },
  };
}

/**
 * The process's own stdin, when it is a file or a device, is read straight from its file
 * descriptor in megabyte reads (the stream would hand it over 64 KB at a time). A pipe, a
 * terminal, or the stream a test passes in, is read as a stream: a pipe through the event loop,
 * so that Ctrl-C ends the process at once even while the pipe is quiet (see namedPipeSource).
 */
function stdinSource(io: CliIo): ScanSource {
  const base = { name: "stdin", close: async () => undefined };
  if (io.stdin === process.stdin && !isatty(0)) {
    try {
      const stat = fstatSync(0);
      if (stat.isFile() || stat.isCharacterDevice())
        return {
          ...base,
          chunks: readFileChunks(0),
          lent: true,
          size: stat.isFile() ? stat.size : undefined,
        };
    } catch {
      // Not a descriptor we can read directly: the stream below.
    }
  }
  return { ...base, chunks: io.stdin as AsyncIterable<Uint8Array | string>, lent: false, size: undefined };
}

function reasonOf(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : String(error);
}
