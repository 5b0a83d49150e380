// Its own process running the compiled scanner, as the bot and CLI do: read and decode the log
// file once the way the CLI does (timed), then scan it `runs` times (the first run is the cold
// one), and report each.
import { readFileSync } from "node:fs";
import { loadKnowledgeIndex } from "../../dist/index/loadIndex.js";
import { scanLog } from "../../dist/scan/scanLog.js";
import { decodeText } from "../../dist/text/decodeText.js";

const [file, runsText] = process.argv.slice(2);
const runs = Math.max(1, Math.min(20, Number(runsText) || 5));
const index = loadKnowledgeIndex();
const readStart = performance.now();
const text = decodeText(readFileSync(file));
const readMs = performance.now() - readStart;
const scanMs = [];
let result;
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  result = scanLog(index, text);
  scanMs.push(performance.now() - start);
}
process.stdout.write(
  JSON.stringify({
    chars: text.length,
    readMs,
    scanMs,
    lineCount: result.lineCount,
    findings: result.findings.map((finding) => ({
      id: finding.entry.id,
      count: finding.count,
      confidence: finding.confidence,
    })),
  }),
);
