import { z } from "zod";
import { CATALOGUE_ID_PREFIXES } from "./catalogueIds.js";

/** Where a code carries this meaning: the native SDKs (Android, iOS, Windows, …) or the Web SDK. */
export const platformFamilySchema = z.enum(["native", "web"]);

/** The reference table's `platform` column: whose spelling a catalogue name is. */
export const referencePlatformSchema = z.enum([
  "native",
  "ios-objc",
  "rn-electron-4x",
  "rn-3x",
  "flutter-6x",
  "android",
  "unity-csharp",
  "web-3x",
  "web-4x",
  "web-internal",
]);

/**
 * Whose spelling a name is: the seed's three table columns, then the other SDKs that print it,
 * then the reference table's platforms (the catalogue uses only those).
 */
export const namePlatformSchema = z.enum([
  "java-cpp-csharp",
  "objective-c",
  "javascript",
  "swift",
  "web-3x",
  "web-4x",
  "react-native-electron-4x",
  "react-native-3x",
  "flutter",
  "unity",
  "legacy-native",
  ...referencePlatformSchema.options.filter((platform) => platform !== "web-3x" && platform !== "web-4x"),
]);

/**
 * Which list of numbers a code belongs to. The same number means different things in each
 * (native 9 is ERR_NO_PERMISSION as an error, TOKEN_EXPIRED as a connection reason).
 */
export const codeSpaceSchema = z.enum([
  "error",
  "warning",
  "connection-reason",
  "connection-state",
  "renew-result",
  "license",
  "exception",
  "enum",
]);

/** How an application learns about it (the answer says so for every entry). */
export const reportedAsSchema = z.enum([
  "error",
  "warning",
  "return-value",
  "exception",
  "connection-reason",
  "connection-state",
  "renew-result",
  "callback",
]);

export const entryKindSchema = z.enum(["error", "warning", "state", "callback"]);

const text = z.string().trim().min(1, "expected non-empty text");
const localizedTextSchema = z.strictObject({ en: text, zh: text });
const localizedListSchema = z.strictObject({
  en: z.array(text).min(1, "expected at least one item"),
  zh: z.array(text).min(1, "expected at least one item"),
});
const kebabId = (example: string) =>
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `expected a kebab-case id such as ${example}`);

const codeSchema = z.strictObject({
  code: z.number().int(),
  platforms: z.array(platformFamilySchema).min(1, "expected at least one platform family"),
  /** Which list the number is from; a token entry's connection reasons (8, 9) say `connection-reason`. */
  space: codeSpaceSchema.default("error"),
  otherMeanings: z
    .array(
      z.strictObject({
        platform: platformFamilySchema,
        name: text,
        meaning: localizedTextSchema,
      }),
    )
    .default([]),
});

const nameSchema = z.strictObject({
  name: text,
  platform: namePlatformSchema,
  code: z.number().int().optional(),
  seedTable: z.boolean().default(false),
  kind: z.enum(["error", "callback", "event"]).default("error"),
});

const messageSchema = z.strictObject({
  text: text,
  platform: namePlatformSchema,
  code: z.number().int().optional(),
});

const urlSchema = z.url({ protocol: /^https$/, error: "expected an https:// URL" });
const docsSchema = z.strictObject({ en: urlSchema, zh: urlSchema });

/**
 * A symptom people describe instead of quoting a code. Each pattern is groups of words separated
 * by `;`, alternatives by `|`; a text shows the symptom when every group appears within a few
 * lines of it, in any order. A finding from it is reported as likely, with the words shown.
 */
const symptomSchema = z.strictObject({
  /** What the symptom points to, for the person reading the finding. */
  reason: localizedTextSchema,
  /** The platforms this reading holds on; all when left out. */
  platforms: z.array(platformFamilySchema).optional(),
  en: z.array(text).default([]),
  zh: z.array(text).default([]),
});

/** One of the seven deep token entries: `knowledge/<id>.yaml`. */
export const knowledgeEntrySchema = z
  .strictObject({
    id: kebabId("invalid-token"),
    kind: z.enum(["error", "callback"]),
    title: localizedTextSchema,
    codes: z.array(codeSchema).default([]),
    names: z.array(nameSchema).min(1, "expected at least one name"),
    reportedBy: z
      .array(z.strictObject({ platform: platformFamilySchema, how: localizedTextSchema }))
      .min(1, "expected at least one platform"),
    /** How it reaches the app; derived from the codes and names when left out. */
    reportedAs: z.array(reportedAsSchema).min(1).optional(),
    symptom: localizedTextSchema,
    causes: localizedListSchema,
    fix: localizedListSchema,
    related: z
      .strictObject({
        callbacks: z.array(text).default([]),
        entries: z.array(text).default([]),
      })
      .default({ callbacks: [], entries: [] }),
    docs: docsSchema,
    keywords: localizedListSchema,
    messages: z.array(messageSchema).default([]),
    /** Symptoms described in words, without a code, that make this entry likely (see symptomSchema). */
    likelyWhen: z.array(symptomSchema).optional(),
  })
  .refine((entry) => entry.kind === "callback" || entry.codes.length > 0, {
    message: "an error entry needs at least one code",
    path: ["codes"],
  });

const catalogueMessageSchema = z.strictObject({
  text: text,
  platform: referencePlatformSchema,
  code: z.number().int().optional(),
});

const catalogueNameSchema = z.strictObject({
  name: text,
  platform: referencePlatformSchema,
  code: z.number().int().optional(),
});

export const catalogueEntrySchema = z.strictObject({
  id: kebabId("err-join-channel-rejected").refine(
    (id) => Object.hasOwn(CATALOGUE_ID_PREFIXES, id.split("-")[0] ?? ""),
    { message: `expected the id to start with one of: ${Object.keys(CATALOGUE_ID_PREFIXES).join("-, ")}-` },
  ),
  kind: entryKindSchema,
  reportedAs: z.array(reportedAsSchema).min(1, "expected at least one way it is reported"),
  codes: z.array(z.number().int()).default([]),
  names: z.array(catalogueNameSchema).min(1, "expected at least one name"),
  meaning: localizedTextSchema,
  check: localizedTextSchema,
  docs: docsSchema.optional(),
  /**
   * What the SDK or the browser prints for it in words, where a log shows no name or code
   * (`Permission denied`); ` … ` stands for a few words of anything (`access … denied`).
   */
  messages: z.array(catalogueMessageSchema).default([]),
});

/** One category of the catalogue: `knowledge/catalogue/<category-id>.yaml`. */
export const catalogueFileSchema = z.strictObject({
  category: z.strictObject({ id: kebabId("native-errors-join"), title: localizedTextSchema }),
  docs: docsSchema,
  entries: z.array(catalogueEntrySchema).min(1, "expected at least one entry"),
});

export type DeepEntry = z.infer<typeof knowledgeEntrySchema>;
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
export type PlatformFamily = z.infer<typeof platformFamilySchema>;
export type NamePlatform = z.infer<typeof namePlatformSchema>;
export type ReferencePlatform = z.infer<typeof referencePlatformSchema>;
export type CodeSpace = z.infer<typeof codeSpaceSchema>;
export type ReportedAs = z.infer<typeof reportedAsSchema>;
export type EntryKind = z.infer<typeof entryKindSchema>;
export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type EntryName = DeepEntry["names"][number];
export type EntryCode = DeepEntry["codes"][number];
export type EntryMessage = DeepEntry["messages"][number];

export interface Category {
  readonly id: string;
  readonly title: LocalizedText;
}

/**
 * The one model every later stage reads, for a deep token entry and a catalogue entry alike.
 * A catalogue entry has no causes or keywords (empty lists), its `meaning` as the
 * symptom and its `check` as the one fix step.
 */
export interface KnowledgeEntry extends Omit<DeepEntry, "kind" | "reportedAs"> {
  readonly kind: EntryKind;
  readonly depth: "deep" | "catalogue";
  readonly reportedAs: readonly ReportedAs[];
  /** What it means, in one to three sentences. */
  readonly meaning: LocalizedText;
  /** The first thing to check or do. */
  readonly check: LocalizedText;
  readonly category: Category;
}
