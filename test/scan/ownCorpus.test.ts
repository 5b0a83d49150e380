/**
 * Our own corpora, written in our own words (test/corpus): every lookup question finds its entry
 * first, and the scanner's figures on the reports do not fall below what they are today.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scoreCorpus } from "../../eval/score.js";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { matchQuery } from "../../src/match/matchQuery.js";

const index = loadKnowledgeIndex();
const CORPUS = fileURLToPath(new URL("../corpus/", import.meta.url));

interface Query {
  readonly query: string;
  readonly expect: string | readonly string[] | null;
}

describe("lookup questions of our own", () => {
  const queries = JSON.parse(readFileSync(`${CORPUS}queries/queries.json`, "utf8")) as Query[];
  it.each(queries.map((item) => [item.query, item] as const))("%s", (_query, item) => {
    const top = matchQuery(index, item.query).matches[0]?.entry.id ?? null;
    if (Array.isArray(item.expect)) expect(item.expect).toContain(top);
    else expect(top).toBe(item.expect);
  });
});

describe("scan on our own reports", () => {
  it("keeps its recall, precision and other-error recall", () => {
    const score = scoreCorpus(index, `${CORPUS}reports`);
    expect(score.recalled / score.positives).toBeGreaterThanOrEqual(0.95);
    expect(score.correctFindings / score.findings).toBeGreaterThanOrEqual(0.98);
    expect(score.right / score.cases.length).toBeGreaterThanOrEqual(0.97);
  });
});
