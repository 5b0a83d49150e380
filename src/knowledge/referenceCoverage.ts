import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { matchQuery } from "../match/matchQuery.js";
import { familyOfPlatform } from "./platformLabels.js";
import type { KnowledgeEntry, NamePlatform, ReferencePlatform } from "./schema.js";

/** One row of the reference table `agora-error-codes.tsv`: a code and name on one platform. */
export interface ReferenceRow {
  readonly line: number;
  readonly code?: number;
  readonly name: string;
  readonly platform: string;
}

export type RowVerdict =
  | { readonly ok: true; readonly entry: string }
  | { readonly ok: false; readonly reason: string };

/** Reads the reference table; rows with an unreadable code or no name are reported, not dropped. */
export function parseReferenceTable(text: string): { rows: ReferenceRow[]; problems: string[] } {
  const rows: ReferenceRow[] = [];
  const problems: string[] = [];
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const header = lines[0]?.split("\t") ?? [];
  const column = (name: string) => header.indexOf(name);
  const [codeAt, nameAt, platformAt] = [column("code"), column("name"), column("platform")];
  if (codeAt < 0 || nameAt < 0 || platformAt < 0) {
    return { rows, problems: ["expected a header with the columns code, name and platform"] };
  }
  lines.slice(1).forEach((line, position) => {
    if (line.trim() === "") return;
    const cells = line.split("\t");
    const codeText = (cells[codeAt] ?? "").trim();
    const name = (cells[nameAt] ?? "").trim();
    const platform = (cells[platformAt] ?? "").trim();
    const lineNumber = position + 2;
    if (name === "" || platform === "" || (codeText !== "" && !/^-?\d+$/.test(codeText))) {
      problems.push(`line ${lineNumber}: expected a name, a platform and a numeric or empty code`);
      return;
    }
    rows.push({
      line: lineNumber,
      name,
      platform,
      ...(codeText === "" ? {} : { code: Number(codeText) }),
    });
  });
  return { rows, problems };
}

/**
 * The seed's platform spellings that are the same SDK as a reference platform. The seed's
 * `javascript` column is the Web SDK of either major version; the reference files the 1.x/2.x
 * native names under `native`.
 */
const SAME_PLATFORM: Partial<Record<ReferencePlatform, readonly NamePlatform[]>> = {
  native: ["java-cpp-csharp", "legacy-native"],
  "web-3x": ["javascript"],
  "web-4x": ["javascript"],
  "ios-objc": ["objective-c"],
  "rn-electron-4x": ["react-native-electron-4x"],
  "rn-3x": ["react-native-3x"],
  "flutter-6x": ["flutter"],
  "unity-csharp": ["unity"],
};

function samePlatform(reference: string, platform: NamePlatform): boolean {
  return (
    reference === platform || (SAME_PLATFORM[reference as ReferencePlatform]?.includes(platform) ?? false)
  );
}

/** The entries that hold this row: its name on its platform, with its code on that platform's family. */
export function entriesHoldingRow(index: KnowledgeIndex, row: ReferenceRow): KnowledgeEntry[] {
  const family = familyOfPlatform(row.platform as NamePlatform);
  return index.entries.filter(
    (entry) =>
      entry.names.some(
        (name) =>
          name.name === row.name &&
          samePlatform(row.platform, name.platform) &&
          // A row without a number is held by the name whatever number the entry gives it.
          (row.code === undefined || name.code === row.code),
      ) &&
      (row.code === undefined ||
        entry.codes.some((code) => code.code === row.code && code.platforms.includes(family))),
  );
}

/**
 * A row resolves when an entry holds it (name, platform and code as the reference has them) and
 * looking up the name as written, and the code, both answer with that entry.
 */
export function checkRow(index: KnowledgeIndex, row: ReferenceRow): RowVerdict {
  const holders = entriesHoldingRow(index, row);
  const holder = holders[0];
  if (!holder) {
    const named = index.entries.filter((entry) => entry.names.some((name) => name.name === row.name));
    return {
      ok: false,
      reason:
        named.length === 0
          ? "no entry has this name"
          : `no entry has it on ${row.platform}${row.code === undefined ? " without a code" : ` with code ${row.code}`} (named in ${named.map((entry) => entry.id).join(", ")})`,
    };
  }
  if (holders.length > 1)
    return { ok: false, reason: `held by several entries: ${holders.map((entry) => entry.id).join(", ")}` };
  const found = (query: string) => matchQuery(index, query).matches.some((match) => match.entry === holder);
  if (!found(row.name))
    return { ok: false, reason: `lookup "${row.name}" does not answer with ${holder.id}` };
  if (row.code !== undefined && !found(String(row.code)))
    return { ok: false, reason: `lookup ${row.code} does not answer with ${holder.id}` };
  return { ok: true, entry: holder.id };
}

/** Entries whose English or Chinese text is missing or not in that language. */
export function languageProblems(entries: readonly KnowledgeEntry[]): string[] {
  const han = /[\u3400-\u9fff]/;
  const problems: string[] = [];
  for (const entry of entries) {
    const texts: [string, { en: string; zh: string }][] = [
      ["meaning", entry.meaning],
      ["check", entry.check],
      ["title", entry.title],
    ];
    for (const [field, text] of texts) {
      if (text.en.trim() === "") problems.push(`${entry.id}: ${field}.en is empty`);
      else if (han.test(text.en) && field !== "title")
        problems.push(`${entry.id}: ${field}.en is not English`);
      if (text.zh.trim() === "") problems.push(`${entry.id}: ${field}.zh is empty`);
      else if (!han.test(text.zh) && field !== "title")
        problems.push(`${entry.id}: ${field}.zh has no Chinese`);
    }
  }
  return problems;
}
