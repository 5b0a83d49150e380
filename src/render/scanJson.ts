import { entryCodes, entryIdentifiers } from "../answer/answer.js";
import type { Finding, ScanResult } from "../scan/types.js";
import type { Lang } from "../text/language.js";
import { findingName } from "./findingName.js";
import { type EntryTextJson, entryTextJson } from "./json.js";

type FindingJson = {
  id: string;
  title: string;
  codes: number[];
  names: string[];
  lines: number[];
  evidence: string;
  confidence: string;
  count: number;
  platform: string;
  code: number | null;
  /** The identifier the line names (error, callback or event), else null. */
  name: string | null;
} & EntryTextJson;

/**
 * The `scan --json` contract: `platform` and `findings` with id, title, codes, names, lines,
 * evidence, confidence, then each finding's text in `lang`.
 */
interface ScanJson {
  file?: string;
  lang: string;
  platform: string;
  findings: FindingJson[];
  /** Lines longer than the scanner reads in full: how many, the first, and what of them was skipped. */
  cut?: { lines: number; firstLine: number; skippedBytes: number; lineLimitBytes: number };
}

function findingJson(finding: Finding, lang: Lang): FindingJson {
  return {
    id: finding.entry.id,
    title: finding.entry.title[lang],
    codes: entryCodes(finding.entry),
    names: entryIdentifiers(finding.entry),
    lines: [...finding.lines],
    evidence: finding.evidence,
    confidence: finding.confidence,
    count: finding.count,
    platform: finding.platform,
    code: finding.code ?? null,
    name: findingName(finding) ?? null,
    ...entryTextJson(finding.entry, lang),
  };
}

export function toScanJson(result: ScanResult, lang: Lang, file?: string): ScanJson {
  return {
    ...(file === undefined ? {} : { file }),
    lang,
    platform: result.platform,
    findings: result.findings.map((finding) => findingJson(finding, lang)),
    ...(result.cut ? { cut: { ...result.cut } } : {}),
  };
}
