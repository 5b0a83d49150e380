import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { NAME_PLATFORM_LABELS } from "../knowledge/platformLabels.js";
import {
  checkRow,
  languageProblems,
  parseReferenceTable,
  type ReferenceRow,
  type RowVerdict,
} from "../knowledge/referenceCoverage.js";
import { matchQuery } from "../match/matchQuery.js";
import { type CliIo, EXIT_NO_MATCH, EXIT_OK, UsageError } from "./io.js";
import { KB_CHECK_USAGE } from "./usage.js";

/** Where the reference table is looked for when neither `--reference` nor AGORA_REFERENCE says. */
const REFERENCE_CANDIDATES = [
  "../shared/reference/agora-error-codes.tsv",
  "test/fixtures/reference/agora-error-codes.tsv",
];

interface CoverageRow {
  readonly kind: "code" | "name";
  readonly query: string;
  readonly platform: string;
  readonly expected: string;
  readonly resolved: readonly string[];
  readonly seedTable: boolean;
  /** A token entry is the first answer for its error codes and names; others are one of the answers. */
  readonly first: boolean;
}

/**
 * Every code and name the knowledge declares, looked up through the real matcher. A token entry
 * must be the first answer for its error codes and names; any other entry one of the answers
 * (a number or name can mean something else on another platform or list, and the answer shows
 * each meaning).
 */
export function coverageRows(index: KnowledgeIndex): CoverageRow[] {
  const rows: CoverageRow[] = [];
  const resolve = (query: string) => matchQuery(index, query).matches.map((match) => match.entry.id);
  for (const entry of index.entries) {
    for (const code of entry.codes) {
      rows.push({
        kind: "code",
        query: String(code.code),
        platform: code.platforms.join("+"),
        expected: entry.id,
        resolved: resolve(String(code.code)),
        seedTable: entry.depth === "deep" && code.space === "error",
        first: entry.depth === "deep" && code.space === "error",
      });
    }
    for (const name of entry.names) {
      rows.push({
        kind: "name",
        query: name.name,
        platform: NAME_PLATFORM_LABELS[name.platform],
        expected: entry.id,
        resolved: resolve(name.name),
        seedTable: name.seedTable,
        first: entry.depth === "deep",
      });
    }
  }
  return rows;
}

function resolves(row: CoverageRow): boolean {
  return row.first ? row.resolved[0] === row.expected : row.resolved.includes(row.expected);
}

export async function runKbCheck(
  args: readonly string[],
  io: CliIo,
  index: () => Promise<KnowledgeIndex>,
): Promise<number> {
  const referenceFile = parseReferenceOption(args, io);
  const knowledge = await index();
  const rows = coverageRows(knowledge);
  const widths = {
    query: Math.min(Math.max(...rows.map((row) => row.query.length), 4), 48),
    platform: Math.max(...rows.map((row) => row.platform.length), 8),
  };
  const line = (row: CoverageRow) => {
    const ok = resolves(row);
    const got = row.resolved.length === 0 ? "(no match)" : row.resolved.slice(0, 4).join(", ");
    return `${ok ? "ok  " : "FAIL"}  ${row.query.padEnd(widths.query)}  ${row.platform.padEnd(widths.platform)}  -> ${ok ? row.expected : got}${ok ? "" : ` (expected ${row.expected})`}`;
  };
  const deepCount = knowledge.entries.filter((entry) => entry.depth === "deep").length;
  const out: string[] = [
    `knowledge: ${knowledge.entries.length} entries valid (${knowledge.knowledge.dir}): ${deepCount} token entries in depth, ${knowledge.entries.length - deepCount} catalogue entries in ${knowledge.knowledge.categories.length - 1} categories`,
    "",
    "Seed table (codes and names) -> entry",
  ];
  out.push(...rows.filter((row) => row.seedTable).map(line));
  const others = rows.filter((row) => !row.seedTable);
  const otherFailures = others.filter((row) => !resolves(row));
  out.push(
    "",
    `Other codes, spellings, callbacks and events -> entry: ${others.length - otherFailures.length} of ${others.length} resolve`,
  );
  out.push(...otherFailures.map(line));
  const failures = rows.filter((row) => !resolves(row));
  out.push(
    "",
    failures.length === 0
      ? `all ${rows.length} codes and names resolve to their entry`
      : `${failures.length} of ${rows.length} do not resolve to their entry`,
  );

  const languages = languageProblems(knowledge.entries);
  out.push(
    "",
    languages.length === 0
      ? `languages: every entry has its text in English and Chinese`
      : `languages: ${languages.length} problems`,
    ...languages.map((problem) => `  ${problem}`),
  );

  let coverageComplete = true;
  if (referenceFile === undefined) {
    out.push("", "reference: agora-error-codes.tsv not found (pass --reference FILE); coverage not checked");
  } else {
    const report = referenceCoverage(knowledge, referenceFile);
    coverageComplete = report.complete;
    out.push("", ...report.lines);
  }
  io.stdout.write(`${out.join("\n")}\n`);
  return failures.length === 0 && languages.length === 0 && coverageComplete ? EXIT_OK : EXIT_NO_MATCH;
}

function parseReferenceOption(args: readonly string[], io: CliIo): string | undefined {
  let values: { reference?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: { reference: { type: "string" } },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), KB_CHECK_USAGE);
  }
  const asked = values.reference ?? (io.env.AGORA_REFERENCE || undefined);
  if (asked !== undefined) {
    if (!existsSync(asked)) throw new UsageError(`reference table not found: ${asked}`, KB_CHECK_USAGE);
    return asked;
  }
  return REFERENCE_CANDIDATES.map((candidate) => resolve(candidate)).find((candidate) =>
    existsSync(candidate),
  );
}

/** Every row of the reference against the knowledge: the percentage, then each row that does not resolve. */
function referenceCoverage(index: KnowledgeIndex, file: string): { lines: string[]; complete: boolean } {
  const { rows, problems } = parseReferenceTable(readFileSync(file, "utf8"));
  const verdicts: { row: ReferenceRow; verdict: RowVerdict }[] = rows.map((row) => ({
    row,
    verdict: checkRow(index, row),
  }));
  const unresolved = verdicts.filter((item) => !item.verdict.ok);
  const resolved = rows.length - unresolved.length;
  const percent = rows.length === 0 ? 0 : (resolved / rows.length) * 100;
  const byPlatform = new Map<string, { total: number; resolved: number }>();
  for (const { row, verdict } of verdicts) {
    const counts = byPlatform.get(row.platform) ?? { total: 0, resolved: 0 };
    counts.total++;
    if (verdict.ok) counts.resolved++;
    byPlatform.set(row.platform, counts);
  }
  const lines = [
    `reference: ${file} (${rows.length} rows)`,
    `coverage: ${resolved} of ${rows.length} reference rows resolve to their entry (${percent.toFixed(1)} %)`,
    `  by platform: ${[...byPlatform].map(([platform, counts]) => `${platform} ${counts.resolved}/${counts.total}`).join(", ")}`,
    ...problems.map((problem) => `  unreadable ${problem}`),
  ];
  if (unresolved.length > 0) {
    lines.push(`unresolved rows (${unresolved.length}):`);
    for (const { row, verdict } of unresolved) {
      lines.push(
        `  line ${row.line}: ${row.code ?? "-"}  ${row.name}  ${row.platform}: ${verdict.ok ? "" : verdict.reason}`,
      );
    }
  }
  return { lines, complete: unresolved.length === 0 && problems.length === 0 && rows.length > 0 };
}
