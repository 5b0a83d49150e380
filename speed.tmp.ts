import { loadKnowledgeIndex } from "./src/index/loadIndex.js";
import { scanLog } from "./src/scan/scanLog.js";
import { generateLog } from "./bench/generateLog.js";
const index = loadKnowledgeIndex();
const text = generateLog(10 * 1024 * 1024).text ?? generateLog(10 * 1024 * 1024);
const t = typeof text === "string" ? text : (text as any).text;
let r;
for (let i = 0; i < 4; i++) { const s = performance.now(); r = scanLog(index, t); const ms = performance.now() - s; console.log((t.length / 1048576 / (ms / 1000)).toFixed(0), "MB/s"); }
console.log(r!.findings.map((f) => `${f.entry.id}:${f.count}`).join(" "), "| other:", r!.otherErrors.map((f) => `${f.entry.id}:${f.count}`).join(" "));
