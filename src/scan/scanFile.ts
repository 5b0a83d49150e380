import { read } from "node:fs";
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { Worker } from "node:worker_threads";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { decodeText } from "../text/decodeText.js";
import { lineStartAtOrAfter, type ReadBuffers, readBuffers, readFileChunks } from "./fileChunks.js";
import { createLogScanner, type ScanPart } from "./scanLog.js";
import { feedScanner, type StreamFeed } from "./scanStream.js";
import { inferSdkFamily } from "./sdkFamily.js";
import type { ScanResult, SdkFamily } from "./types.js";

// A file is scanned in blocks of whole lines that two threads take turns at; the parts are put
// back together in file order, so the result is the same as one scan from start to end.
const BLOCK_BYTES = 4 * 1024 * 1024;
// Below this a second thread costs more to start (~50 ms) than it saves.
const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;
const HEAD_BYTES = 1024 * 1024;

export interface FileScanOptions {
  /** Running total of bytes read, for a progress line. */
  readonly onRead?: (bytes: number) => void;
  /** The knowledge the worker thread loads (the same as the caller's). */
  readonly knowledgeDir?: string | undefined;
  /** For tests: smaller blocks, and whether a worker thread may help. */
  readonly blockBytes?: number;
  readonly threads?: boolean;
}

/** What the worker thread is given. */
export interface BlockJob {
  readonly fd: number;
  readonly blockBytes: number;
  readonly blocks: number;
  readonly family: SdkFamily;
  /** [next block to take, KB read]: shared by both threads. */
  readonly counters: Int32Array;
  readonly knowledgeDir: string | undefined;
}

export type BlockMessage = { readonly block: number; readonly part: ScanPart } | { readonly done: true };

/**
 * Scans a regular file (open as `fd`, `size` bytes long). Big files are read in blocks by this
 * thread and a worker thread together; each block is streamed, so memory stays flat.
 */
export async function scanFile(
  index: KnowledgeIndex,
  fd: number,
  size: number,
  options: FileScanOptions = {},
): Promise<(StreamFeed & { kind: "text"; result: ScanResult }) | { kind: "binary" }> {
  const blockBytes = options.blockBytes ?? BLOCK_BYTES;
  const parallel = (options.threads ?? availableParallelism() > 1) && size >= PARALLEL_MIN_BYTES;
  if (!parallel && options.blockBytes === undefined) {
    const scanner = createLogScanner(index);
    const fed = await feedScanner(scanner, readFileChunks(fd, { start: 0 }), {
      lentChunks: true,
      yieldBetweenChunks: false,
      ...(options.onRead ? { onRead: options.onRead } : {}),
    });
    return fed.kind === "binary" ? fed : { ...fed, result: scanner.finish() };
  }

  const head = await readHead(fd);
  if (head.subarray(0, 8192).includes(0)) return { kind: "binary" };
  const headText = decodeText(head.subarray(0, head.lastIndexOf(0x0a) + 1 || head.length));
  // As a one-thread scan infers it: from the head of its first piece.
  const family = inferSdkFamily(headText);
  const blocks = Math.max(1, Math.ceil(size / blockBytes));
  const counters = new Int32Array(new SharedArrayBuffer(8));
  const parts: (ScanPart | undefined)[] = new Array(blocks);
  const job: BlockJob = { fd, blockBytes, blocks, family, counters, knowledgeDir: options.knowledgeDir };
  const helper = parallel ? startWorker(job, parts) : undefined;
  const reportProgress = () => options.onRead?.(Atomics.load(counters, 1) * 1024);
  const buffers = readBuffers();
  for (let block = Atomics.add(counters, 0, 1); block < blocks; block = Atomics.add(counters, 0, 1)) {
    parts[block] = await scanBlock(index, job, block, buffers, reportProgress);
  }
  if (helper) {
    // Blocks the worker took are awaited; if it failed, this thread scans what it left.
    if (parts.includes(undefined)) await helper.finished;
    helper.stop();
    for (let block = 0; block < blocks; block++)
      parts[block] ??= await scanBlock(index, job, block, buffers, reportProgress);
  }
  const scanner = createLogScanner(index, { family });
  for (const part of parts) if (part) scanner.append(part);
  return {
    kind: "text",
    head: headText.slice(0, 4096),
    bytes: size,
    truncated: false,
    result: scanner.finish(),
  };
}

/** One block: the lines that start inside it, to the end of the last of them. */
export async function scanBlock(
  index: KnowledgeIndex,
  job: BlockJob,
  block: number,
  buffers: ReadBuffers,
  onProgress: () => void,
): Promise<ScanPart> {
  const scanner = createLogScanner(index, { family: job.family });
  const start = await lineStartAtOrAfter(job.fd, block * job.blockBytes, (block + 1) * job.blockBytes);
  if (start !== undefined) {
    let counted = 0;
    await feedScanner(
      scanner,
      readFileChunks(job.fd, { start, softEnd: (block + 1) * job.blockBytes - 1 }, buffers),
      {
        sniffBinary: false,
        lentChunks: true,
        yieldBetweenChunks: false,
        onRead: (bytes) => {
          Atomics.add(job.counters, 1, Math.floor(bytes / 1024) - counted);
          counted = Math.floor(bytes / 1024);
          onProgress();
        },
      },
    );
  }
  return scanner.part();
}

async function readHead(fd: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(HEAD_BYTES);
  const count = await new Promise<number>((resolve, reject) =>
    read(fd, buffer, 0, HEAD_BYTES, 0, (error, bytes) => (error ? reject(error) : resolve(bytes))),
  );
  return buffer.subarray(0, count);
}

function startWorker(
  job: BlockJob,
  parts: (ScanPart | undefined)[],
): { finished: Promise<void>; stop: () => void } {
  // The worker's file sits next to this one: .js when built, .ts when run through tsx.
  const url = new URL(`./scanWorker${extname(new URL(import.meta.url).pathname)}`, import.meta.url);
  let worker: Worker;
  try {
    worker = new Worker(url, {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
  } catch {
    return { finished: Promise.resolve(), stop: () => undefined };
  }
  worker.unref();
  const finished = new Promise<void>((resolve) => {
    worker.on("message", (message: BlockMessage) => {
      if ("done" in message) resolve();
      else parts[message.block] = message.part;
    });
    worker.on("error", () => resolve());
    worker.on("exit", () => resolve());
  });
  return { finished, stop: () => void worker.terminate() };
}
