// Run as its own process: how long from process start until the knowledge is loaded and indexed.
import { loadKnowledgeIndexFast } from "../dist/index/loadIndexFast.js";

const index = await loadKnowledgeIndexFast();
process.stdout.write(JSON.stringify({ ms: performance.now(), entries: index.entries.length }));
