import { parentPort, workerData } from "node:worker_threads";
import { loadKnowledgeIndexFast } from "../index/loadIndexFast.js";
import { readBuffers } from "./fileChunks.js";
import { type BlockJob, type BlockMessage, scanBlock } from "./scanFile.js";

// The second thread of a big file's scan: takes blocks until none are left, sends back each part.
const job = workerData as BlockJob;
const index = await loadKnowledgeIndexFast(job.knowledgeDir);
const buffers = readBuffers();
for (
  let block = Atomics.add(job.counters, 0, 1);
  block < job.blocks;
  block = Atomics.add(job.counters, 0, 1)
) {
  const part = await scanBlock(index, job, block, buffers, () => undefined);
  parentPort?.postMessage({ block, part } satisfies BlockMessage);
}
parentPort?.postMessage({ done: true } satisfies BlockMessage);
