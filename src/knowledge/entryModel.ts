import { CATALOGUE_ID_PREFIXES } from "./catalogueIds.js";
import { familyOfPlatform } from "./platformLabels.js";
import type {
  CatalogueEntry,
  CatalogueFile,
  Category,
  CodeSpace,
  DeepEntry,
  EntryCode,
  KnowledgeEntry,
  ReportedAs,
} from "./schema.js";

/** The category the seven deep token entries are listed under. */
export const TOKEN_CATEGORY: Category = {
  id: "token",
  title: { en: "Token and App ID errors (in depth)", zh: "Token 与 App ID 错误（详解）" },
};

/** The list a catalogue entry's numbers come from, read from its id prefix, kind and reporting. */
export function codeSpaceOf(entry: Pick<CatalogueEntry, "id" | "kind" | "reportedAs">): CodeSpace {
  if (entry.kind === "warning") return "warning";
  const prefix = (entry.id.split("-")[0] ?? "") as keyof typeof CATALOGUE_ID_PREFIXES;
  const space: CodeSpace = CATALOGUE_ID_PREFIXES[prefix] ?? "error";
  if (prefix === "web" && entry.reportedAs.includes("exception") && !entry.reportedAs.includes("error"))
    return "exception";
  return space;
}

/** A catalogue entry in the model the index and the answers read. */
export function fromCatalogueEntry(entry: CatalogueEntry, file: CatalogueFile): KnowledgeEntry {
  const space = codeSpaceOf(entry);
  const entryFamilies = [...new Set(entry.names.map((name) => familyOfPlatform(name.platform)))];
  const codes: EntryCode[] = entry.codes.map((code) => {
    const families = new Set(
      entry.names.filter((name) => name.code === code).map((name) => familyOfPlatform(name.platform)),
    );
    const platforms = families.size > 0 ? [...families] : entryFamilies;
    return { code, platforms: platforms.sort(), space, otherMeanings: [] };
  });
  const docs = entry.docs ?? file.docs;
  return {
    id: entry.id,
    kind: entry.kind,
    depth: "catalogue",
    title: { en: primaryName(entry), zh: primaryName(entry) },
    codes,
    names: entry.names.map((name) => ({
      name: name.name,
      platform: name.platform,
      ...(name.code === undefined ? {} : { code: name.code }),
      seedTable: false,
      kind: entry.kind === "callback" ? "callback" : "error",
    })),
    // Where it is reported, by family; how it is reported is `reportedAs`, which answers show.
    reportedBy: entryFamilies.map((platform) => ({
      platform,
      how: { en: entry.meaning.en, zh: entry.meaning.zh },
    })),
    reportedAs: entry.reportedAs,
    symptom: entry.meaning,
    causes: { en: [], zh: [] },
    fix: { en: [entry.check.en], zh: [entry.check.zh] },
    related: { callbacks: [], entries: [] },
    docs,
    keywords: { en: [], zh: [] },
    messages: entry.messages,
    meaning: entry.meaning,
    check: entry.check,
    category: file.category,
  };
}

/** The name an entry is best known by: the native spelling, else the first listed. */
function primaryName(entry: CatalogueEntry): string {
  return (entry.names.find((name) => name.platform === "native") ?? entry.names[0])?.name ?? entry.id;
}

/** A deep token entry in the same model: its symptom is the meaning, its first fix step the check. */
export function fromDeepEntry(entry: DeepEntry): KnowledgeEntry {
  const { reportedAs, ...rest } = entry;
  return {
    ...rest,
    depth: "deep",
    reportedAs: reportedAs ?? deriveReportedAs(entry),
    meaning: entry.symptom,
    check: { en: entry.fix.en[0] ?? "", zh: entry.fix.zh[0] ?? "" },
    category: TOKEN_CATEGORY,
  };
}

function deriveReportedAs(entry: DeepEntry): ReportedAs[] {
  if (entry.kind === "callback") return ["callback"];
  const out: ReportedAs[] = ["error"];
  if (entry.codes.some((code) => code.platforms.includes("native") && code.space === "error"))
    out.push("return-value");
  if (entry.codes.some((code) => code.space === "connection-reason")) out.push("connection-reason");
  return out;
}
