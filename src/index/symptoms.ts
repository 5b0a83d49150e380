import type { KnowledgeEntry, LocalizedText, PlatformFamily } from "../knowledge/schema.js";
import type { Lang } from "../text/language.js";

/** One symptom of an entry's `likelyWhen`, compiled: every group must match a stretch of text. */
export interface SymptomRecord {
  readonly entry: KnowledgeEntry;
  readonly reason: LocalizedText;
  readonly platforms?: readonly PlatformFamily[];
  readonly lang: Lang;
  /** One pattern a group of alternatives, read over text in normalizeProse form. */
  readonly groups: readonly RegExp[];
}

// Short ASCII words (`ok`, `uid`, `fail`) must start a word; longer ones may sit inside one
// (`willexpire` in `ontokenprivilegewillexpire`).
const SHORT_WORD = 4;

function alternative(text: string): string {
  const escaped = text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  return /^[a-z0-9]/.test(text) && text.length <= SHORT_WORD ? `(?<![a-z0-9])${escaped}` : escaped;
}

/** Compiles the knowledge's symptom patterns (`a|b ; c|d`): one regex a group. */
export function buildSymptoms(entries: readonly KnowledgeEntry[]): SymptomRecord[] {
  const records: SymptomRecord[] = [];
  for (const entry of entries) {
    for (const symptom of entry.likelyWhen ?? []) {
      for (const lang of ["en", "zh"] as const) {
        for (const pattern of symptom[lang]) {
          const groups = pattern.split(";").map(
            (group) =>
              new RegExp(
                group
                  .split("|")
                  .map((item) => item.trim().toLowerCase())
                  .filter(Boolean)
                  .map(alternative)
                  .join("|"),
              ),
          );
          records.push({
            entry,
            reason: symptom.reason,
            ...(symptom.platforms ? { platforms: symptom.platforms } : {}),
            lang,
            groups,
          });
        }
      }
    }
  }
  return records;
}
