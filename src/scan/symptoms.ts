/**
 * Token errors described by their symptom, with no code or name: "the console token works, the
 * one from our server does not". Such a finding is only likely, and says which words led there.
 */
import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import { normalizeProse } from "../index/phrases.js";
import { OTHER_PRODUCT_WORDS } from "../index/vocabulary.js";
import { evidenceFor } from "./evidence.js";
import { platformFamilyOf } from "./otherErrors.js";
import type { Finding, SdkFamily } from "./types.js";

/** How many lines (a title and its first sentences, a paragraph) one described symptom may span. */
const WINDOW_LINES = 3;

export function likelyFindings(index: KnowledgeIndex, text: string, family: SdkFamily): Finding[] {
  const lines = text.split("\n");
  const numbered = lines
    .map((line, position) => ({ line, number: position + 1 }))
    .filter((item) => item.line.trim() !== "");
  // With the platform unknown, a symptom that reads differently per platform takes the native reading.
  const platform = platformFamilyOf(family) ?? "native";
  const findings: Finding[] = [];
  const found = new Set<string>();
  for (let start = 0; start < numbered.length; start++) {
    const window = numbered.slice(start, start + WINDOW_LINES);
    const normalized = normalizeProse(window.map((item) => item.line).join(" "));
    if (OTHER_PRODUCT_WORDS.test(normalized)) continue;
    for (const symptom of index.symptoms) {
      if (found.has(symptom.entry.id)) continue;
      if (symptom.platforms && !symptom.platforms.includes(platform)) continue;
      const words: string[] = [];
      for (const group of symptom.groups) {
        const match = group.exec(normalized);
        if (!match) break;
        words.push(match[0]);
      }
      if (words.length < symptom.groups.length) continue;
      found.add(symptom.entry.id);
      const first = window[0] ?? { line: "", number: 1 };
      findings.push({
        entry: symptom.entry,
        matchedText: words.join(" … "),
        evidence: evidenceFor(first.line, 0, first.line.slice(0, 1)),
        lines: [first.number],
        count: 1,
        platform: family,
        confidence: "low",
        likely: `${words.join(" … ")} (${symptom.reason[symptom.lang]})`,
      });
    }
  }
  return findings;
}
