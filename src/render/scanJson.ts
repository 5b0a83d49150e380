import { entryCodes, entryIdentifiers } from "../answer/answer.js";
import type { ScanResult } from "../scan/types.js";
import type { Lang } from "../text/language.js";

/** The `scan --json` contract: `platform` and `findings` with id, title, codes, names, lines, evidence, confidence. */
export interface ScanJson {
  file?: string;
  platform: string;
  findings: {
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
    name: string | null;
  }[];
  /** Lines longer than the scanner reads in full: how many, the first, and what of them was skipped. */
  cut?: { lines: number; firstLine: number; skippedBytes: number; lineLimitBytes: number };
}

export function toScanJson(result: ScanResult, lang: Lang, file?: string): ScanJson {
  return {
    ...(file === undefined ? {} : { file }),
    platform: result.platform,
    findings: result.findings.map((finding) => ({
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
      name: finding.name ?? null,
    })),
    ...(result.cut ? { cut: { ...result.cut } } : {}),
  };
}
