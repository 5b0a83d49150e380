/**
 * Scores the scanner on labelled corpus folders (the `labels.json` format of the real-posts
 * corpus): which token labels a scan names, which it misses, which it names wrongly, and how
 * many of the posts' other Agora errors it lists.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { KnowledgeIndex } from "../src/index/knowledgeIndex.js";
import { matchQuery } from "../src/match/matchQuery.js";
import { scanLog } from "../src/scan/scanLog.js";
import type { Finding } from "../src/scan/types.js";
import { identifierKey } from "../src/text/identifier.js";

const labelSchema = z.array(
  z.looseObject({
    file: z.string(),
    expect: z.array(z.string()),
    all: z.boolean().optional(),
    ok_also: z.array(z.string()).optional(),
    other: z.array(z.string()).default([]),
  }),
);

export type CaseLabel = z.infer<typeof labelSchema>[number];

export interface CaseScore {
  readonly file: string;
  readonly expected: readonly string[];
  readonly found: readonly string[];
  readonly missed: readonly string[];
  readonly wrong: readonly string[];
  readonly right: boolean;
  /** Undefined when the case lists no other errors. */
  readonly otherFound?: boolean;
  readonly otherExpected: readonly string[];
  readonly otherListed: readonly string[];
}

export interface CorpusScore {
  readonly dir: string;
  readonly cases: readonly CaseScore[];
  readonly positives: number;
  readonly recalled: number;
  readonly findings: number;
  readonly correctFindings: number;
  readonly right: number;
  readonly otherCases: number;
  readonly otherRecalled: number;
}

export function readLabels(dir: string): CaseLabel[] {
  return labelSchema.parse(JSON.parse(readFileSync(join(dir, "labels.json"), "utf8")));
}

/**
 * The corpus label of a token finding: its code when it carries one the entry has, else the
 * entry's first code; a callback entry by the tail of its id (`will-expire`, `did-expire`).
 */
export function tokenLabel(finding: Finding): string {
  const { entry } = finding;
  if (entry.kind === "callback") return entry.id.replace(/^token-privilege-/, "");
  const codes = entry.codes.filter((code) => code.space === "error").map((code) => code.code);
  if (finding.code !== undefined && codes.includes(finding.code)) return String(finding.code);
  return String(codes[0] ?? entry.id);
}

/** Whether an other-error finding shows one of a case's `other` items (a code, a name or words). */
function showsItem(index: KnowledgeIndex, finding: Finding, item: string): boolean {
  const number = /^-?\d+$/.test(item.trim()) ? Math.abs(Number(item)) : undefined;
  if (number !== undefined) return finding.code === number;
  const key = identifierKey(item);
  if (key.length === 0) return false;
  const names = [finding.name ?? "", finding.matchedText, ...finding.entry.names.map((name) => name.name)];
  if (names.some((name) => identifierKey(name) === key || identifierKey(name).endsWith(key))) return true;
  return matchQuery(index, item).matches.some((match) => match.entry.id === finding.entry.id);
}

export function scoreCase(index: KnowledgeIndex, label: CaseLabel, text: string): CaseScore {
  const result = scanLog(index, text);
  const found = [...new Set(result.findings.map(tokenLabel))];
  const acceptable = new Set([...label.expect, ...(label.ok_also ?? [])]);
  const missed = label.all
    ? label.expect.filter((wanted) => !found.includes(wanted))
    : label.expect.length > 0 && !label.expect.some((wanted) => found.includes(wanted))
      ? [...label.expect]
      : [];
  const wrong = found.filter((got) => !acceptable.has(got));
  const others = result.otherErrors ?? [];
  const otherListed = others.map((finding) => finding.name ?? finding.matchedText);
  return {
    file: label.file,
    expected: label.expect,
    found,
    missed,
    wrong,
    right: missed.length === 0 && wrong.length === 0,
    ...(label.other.length === 0
      ? {}
      : {
          // An item the scan shows as a token error (`invalid_appid` is 101) is shown all the same.
          otherFound: [...others, ...result.findings].some((finding) =>
            label.other.some((item) => showsItem(index, finding, item)),
          ),
        }),
    otherExpected: label.other,
    otherListed,
  };
}

export function scoreCorpus(index: KnowledgeIndex, dir: string): CorpusScore {
  const cases = readLabels(dir).map((label) =>
    scoreCase(index, label, readFileSync(join(dir, label.file), "utf8")),
  );
  const positives = cases.filter((item) => item.expected.length > 0);
  const otherCases = cases.filter((item) => item.otherFound !== undefined);
  return {
    dir,
    cases,
    positives: positives.length,
    recalled: positives.filter((item) => item.missed.length === 0).length,
    findings: cases.reduce((sum, item) => sum + item.found.length, 0),
    correctFindings: cases.reduce((sum, item) => sum + item.found.length - item.wrong.length, 0),
    right: cases.filter((item) => item.right).length,
    otherCases: otherCases.length,
    otherRecalled: otherCases.filter((item) => item.otherFound).length,
  };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)} %`;
}

/** A readable report of one corpus: the figures, then each miss and false finding. */
export function formatScore(score: CorpusScore): string {
  const lines = [
    `== ${score.dir}`,
    `cases right: ${score.right}/${score.cases.length}`,
    `token recall: ${percent(score.recalled, score.positives)} (${score.recalled}/${score.positives})`,
    `token precision: ${percent(score.correctFindings, score.findings)} (${score.correctFindings}/${score.findings})`,
    `other recall: ${percent(score.otherRecalled, score.otherCases)} (${score.otherRecalled}/${score.otherCases})`,
  ];
  for (const item of score.cases) {
    if (item.missed.length > 0)
      lines.push(
        `  miss   ${item.file}: expected ${item.missed.join(", ")}; found [${item.found.join(", ")}]`,
      );
    if (item.wrong.length > 0)
      lines.push(`  false  ${item.file}: ${item.wrong.join(", ")} (expected [${item.expected.join(", ")}])`);
    if (item.otherFound === false)
      lines.push(
        `  other  ${item.file}: expected one of ${item.otherExpected.join(" | ")}; listed [${item.otherListed.join(", ")}]`,
      );
  }
  return lines.join("\n");
}
