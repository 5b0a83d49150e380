import { loadKnowledgeIndex } from "./src/index/loadIndex.js";
import { matchQuery } from "./src/match/matchQuery.js";
const index = loadKnowledgeIndex();
for (const q of process.argv.slice(2)) { const o = matchQuery(index, q); console.log(JSON.stringify(q), o.matches.map((m) => `${m.entry.id}:${m.via}:${m.code ?? ""}`).join(" "), "| not:", o.notTokenErrors.map((n) => n.name).join(",")); }
