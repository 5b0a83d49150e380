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
  /** True when the finding rests on a described symptom: the error is likely, not certain. */
  likely: boolean;
  /** For a likely finding, the words that led there; null otherwise. */
  reason: string | null;
} & EntryTextJson;

/** Another Agora error in the text (the catalogue's errors and warnings), after the token errors. */
interface OtherErrorJson {
  id: string;
  title: string;
  kind: string;
  category: string;
  codes: number[];
  names: string[];
  lines: number[];
  evidence: string;
  count: number;
  platform: string;
  code: number | null;
  name: string | null;
  meaning: string;
  check: string;
  docs: string;
}

/**
 * The `scan --json` contract: `platform` and `findings` with id, title, codes, names, lines,
 * evidence, confidence, then each finding's text in `lang`; `otherErrors` after them.
 */
interface ScanJson {
  file?: string;
  lang: string;
  platform: string;
  findings: FindingJson[];
  otherErrors: OtherErrorJson[];
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
    likely: finding.likely !== undefined,
    reason: finding.likely ?? null,
    ...entryTextJson(finding.entry, lang),
  };
}

function otherErrorJson(finding: Finding, lang: Lang): OtherErrorJson {
  return {
    id: finding.entry.id,
    title: finding.entry.title[lang],
    kind: finding.entry.kind,
    category: finding.entry.category.id,
    codes: entryCodes(finding.entry),
    names: entryIdentifiers(finding.entry),
    lines: [...finding.lines],
    evidence: finding.evidence,
    count: finding.count,
    platform: finding.platform,
    code: finding.code ?? null,
    name: findingName(finding) ?? null,
    meaning: finding.entry.meaning[lang],
    check: finding.entry.check[lang],
    docs: finding.entry.docs[lang],
  };
}

export function toScanJson(result: ScanResult, lang: Lang, file?: string): ScanJson {
  return {
    ...(file === undefined ? {} : { file }),
    lang,
    platform: result.platform,
    findings: result.findings.map((finding) => findingJson(finding, lang)),
    otherErrors: (result.otherErrors ?? []).map((finding) => otherErrorJson(finding, lang)),
    ...(result.cut ? { cut: { ...result.cut } } : {}),
  };
}
