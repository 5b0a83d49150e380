// Run as its own process so the figure is the scanner's, not the bench harness's: scan a file, report RSS.
import { readFileSync } from "node:fs";
import { loadKnowledgeIndex } from "../dist/index/loadIndex.js";
import { scanLog } from "../dist/scan/scanLog.js";

const index = loadKnowledgeIndex();
const text = readFileSync(process.argv[2], "utf8");
const result = scanLog(index, text);
globalThis.gc?.();
process.stdout.write(
  JSON.stringify({ rssMb: process.memoryUsage().rss / 1048576, findings: result.findings.length }),
);
