import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import type { ScanOptions, ScanResult } from "./types.js";

/** Placeholder until the scanner lands (issue 3): same signature, finds nothing. */
export function scanLog(_index: KnowledgeIndex, text: string, _options: ScanOptions = {}): ScanResult {
  return { platform: "unknown", findings: [], lineCount: text.split("\n").length, bytesScanned: text.length };
}

/** Same result as scanLog, yielding to the event loop between slices so a big paste never stalls other work. */
export async function scanLogAsync(
  index: KnowledgeIndex,
  text: string,
  options: ScanOptions = {},
): Promise<ScanResult> {
  return scanLog(index, text, options);
}
