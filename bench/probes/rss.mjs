// Its own process, so the figure is the scanner's and not the bench harness's: read a log file,
// scan it with the compiled scanner, collect garbage, report resident memory (now and peak).
import { readFileSync } from "node:fs";
import { loadKnowledgeIndex } from "../../dist/index/loadIndex.js";
import { scanLog } from "../../dist/scan/scanLog.js";

const mb = (bytes) => bytes / 1048576;
const peakMb = () => {
  const line = readFileSync("/proc/self/status", "utf8").match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : null;
};
const index = loadKnowledgeIndex();
const text = readFileSync(process.argv[2], "utf8");
globalThis.gc?.();
const beforeMb = mb(process.memoryUsage().rss);
const result = scanLog(index, text);
globalThis.gc?.();
const memory = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    rssBeforeScanMb: beforeMb,
    rssMb: mb(memory.rss),
    heapUsedMb: mb(memory.heapUsed),
    peakRssMb: peakMb(),
    findings: result.findings.length,
  }),
);
