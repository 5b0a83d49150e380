import { z } from "zod";

/** Where a code carries this meaning: the native SDKs (Android, iOS, Windows, …) or the Web SDK. */
export const platformFamilySchema = z.enum(["native", "web"]);

/** Whose spelling a name is: the seed's three table columns, then the other SDKs that print it. */
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
]);

const text = z.string().trim().min(1, "expected non-empty text");
const localizedTextSchema = z.strictObject({ en: text, zh: text });
const localizedListSchema = z.strictObject({
  en: z.array(text).min(1, "expected at least one item"),
  zh: z.array(text).min(1, "expected at least one item"),
});

const codeSchema = z.strictObject({
  code: z.number().int(),
  platforms: z.array(platformFamilySchema).min(1, "expected at least one platform family"),
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

export const knowledgeEntrySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "expected a kebab-case id such as invalid-token"),
    kind: z.enum(["error", "callback"]),
    title: localizedTextSchema,
    codes: z.array(codeSchema).default([]),
    names: z.array(nameSchema).min(1, "expected at least one name"),
    reportedBy: z
      .array(z.strictObject({ platform: platformFamilySchema, how: localizedTextSchema }))
      .min(1, "expected at least one platform"),
    symptom: localizedTextSchema,
    causes: localizedListSchema,
    fix: localizedListSchema,
    related: z
      .strictObject({
        callbacks: z.array(text).default([]),
        entries: z.array(text).default([]),
      })
      .default({ callbacks: [], entries: [] }),
    docs: z.strictObject({ en: urlSchema, zh: urlSchema }),
    keywords: localizedListSchema,
    messages: z.array(messageSchema).default([]),
  })
  .refine((entry) => entry.kind === "callback" || entry.codes.length > 0, {
    message: "an error entry needs at least one code",
    path: ["codes"],
  });

export type KnowledgeEntry = z.infer<typeof knowledgeEntrySchema>;
export type PlatformFamily = z.infer<typeof platformFamilySchema>;
export type NamePlatform = z.infer<typeof namePlatformSchema>;
export type EntryName = KnowledgeEntry["names"][number];
export type EntryCode = KnowledgeEntry["codes"][number];
export type EntryMessage = KnowledgeEntry["messages"][number];
export type LocalizedText = z.infer<typeof localizedTextSchema>;
