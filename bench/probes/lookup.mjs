// Its own process running the compiled matcher: every query of the mix (a JSON file of
// { category, text }) is warmed up, then timed one call at a time, round-robin, `rounds` times.
import { readFileSync } from "node:fs";
import { loadKnowledgeIndex } from "../../dist/index/loadIndex.js";
import { matchQuery } from "../../dist/match/matchQuery.js";

const [file, roundsText] = process.argv.slice(2);
const queries = JSON.parse(readFileSync(file, "utf8"));
const rounds = Math.max(1, Math.min(5000, Number(roundsText) || 500));
const index = loadKnowledgeIndex();
for (let warm = 0; warm < 100; warm++) for (const query of queries) matchQuery(index, query.text);
const micros = queries.map(() => []);
const matched = queries.map((query) => matchQuery(index, query.text).matches.length);
for (let round = 0; round < rounds; round++) {
  for (let at = 0; at < queries.length; at++) {
    const start = process.hrtime.bigint();
    matchQuery(index, queries[at].text);
    micros[at].push(Number(process.hrtime.bigint() - start) / 1000);
  }
}
process.stdout.write(JSON.stringify({ micros, matched }));
