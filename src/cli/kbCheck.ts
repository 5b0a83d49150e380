import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { NAME_PLATFORM_LABELS } from "../knowledge/platformLabels.js";
import { matchQuery } from "../match/matchQuery.js";
import { type CliIo, EXIT_NO_MATCH, EXIT_OK } from "./io.js";

interface CoverageRow {
  readonly kind: "code" | "name";
  readonly query: string;
  readonly platform: string;
  readonly expected: string;
  readonly resolved: string;
  readonly seedTable: boolean;
}

/** Every code and name the knowledge declares, looked up through the real matcher. */
export function coverageRows(index: KnowledgeIndex): CoverageRow[] {
  const rows: CoverageRow[] = [];
  const resolve = (query: string) => matchQuery(index, query).matches[0]?.entry.id ?? "(no match)";
  for (const entry of index.entries) {
    for (const code of entry.codes) {
      rows.push({
        kind: "code",
        query: String(code.code),
        platform: code.platforms.join("+"),
        expected: entry.id,
        resolved: resolve(String(code.code)),
        seedTable: true,
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
      });
    }
  }
  return rows;
}

export async function runKbCheck(io: CliIo, index: () => Promise<KnowledgeIndex>): Promise<number> {
  const knowledge = await index();
  const rows = coverageRows(knowledge);
  const widths = {
    query: Math.max(...rows.map((row) => row.query.length), 4),
    platform: Math.max(...rows.map((row) => row.platform.length), 8),
  };
  const line = (row: CoverageRow) => {
    const ok = row.resolved === row.expected;
    return `${ok ? "ok  " : "FAIL"}  ${row.query.padEnd(widths.query)}  ${row.platform.padEnd(widths.platform)}  -> ${row.resolved}${ok ? "" : ` (expected ${row.expected})`}`;
  };
  const out: string[] = [
    `knowledge: ${knowledge.entries.length} entries valid (${knowledge.knowledge.dir})`,
    "",
    "Seed table (codes and names) -> entry",
  ];
  out.push(...rows.filter((row) => row.seedTable).map(line));
  out.push("", "Other spellings, callbacks and events -> entry");
  out.push(...rows.filter((row) => !row.seedTable).map(line));
  const failures = rows.filter((row) => row.resolved !== row.expected);
  out.push(
    "",
    failures.length === 0
      ? `all ${rows.length} codes and names resolve to their entry`
      : `${failures.length} of ${rows.length} do not resolve to their entry`,
  );
  io.stdout.write(`${out.join("\n")}\n`);
  return failures.length === 0 ? EXIT_OK : EXIT_NO_MATCH;
}
