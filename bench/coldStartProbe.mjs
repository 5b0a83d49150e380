// Run as its own process: how long from process start until the knowledge is loaded and indexed.
import { loadKnowledgeIndex } from "../dist/index/loadIndex.js";

const index = loadKnowledgeIndex();
process.stdout.write(JSON.stringify({ ms: performance.now(), entries: index.entries.length }));
