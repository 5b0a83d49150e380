import { readdirSync, readFileSync } from "node:fs";
import { basename, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { KnowledgeError, type KnowledgeProblem } from "../errors.js";
import { identifierKey, identifierKeys } from "../text/identifier.js";
import { fromCatalogueEntry, fromDeepEntry, TOKEN_CATEGORY } from "./entryModel.js";
import { CATALOGUE_DIR, isCatalogueFile, isKnowledgeFileName } from "./files.js";
import { familyOfPlatform } from "./platformLabels.js";
import {
  type CatalogueFile,
  type Category,
  catalogueFileSchema,
  type KnowledgeEntry,
  knowledgeEntrySchema,
} from "./schema.js";

export interface KnowledgeBase {
  readonly dir: string;
  /** The deep token entries first, then the catalogue by category: the order answers and lists use. */
  readonly entries: readonly KnowledgeEntry[];
  readonly byId: ReadonlyMap<string, KnowledgeEntry>;
  /** The token category, then one a catalogue file, in file-name order. */
  readonly categories: readonly Category[];
  /** The catalogue files as validated: what the start-up snapshot stores (compact, no repeated text). */
  readonly catalogue: readonly CatalogueFile[];
}

/** Source text of one knowledge file, as read from disk or made by a test. */
export interface KnowledgeSource {
  file: string;
  text: string;
}

/** `knowledge/` at the package root: two levels above both `src/knowledge` and `dist/knowledge`. */
export function defaultKnowledgeDir(): string {
  return resolve(fileURLToPath(new URL("../../knowledge", import.meta.url)));
}

/** The deep entries (`*.yaml`), then the catalogue files (`catalogue/*.yaml`), each in name order. */
export function readKnowledgeSources(dir: string): KnowledgeSource[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new KnowledgeError([
      { file: dir, field: "", message: `cannot read directory (${describe(error)})` },
    ]);
  }
  const catalogueDir = join(dir, CATALOGUE_DIR);
  let catalogueNames: string[] = [];
  try {
    catalogueNames = readdirSync(catalogueDir);
  } catch {
    // No catalogue yet: the deep entries alone are a valid knowledge base.
  }
  const read = (folder: string, list: string[]) =>
    list
      .filter(isKnowledgeFileName)
      .sort()
      .map((name) => {
        const file = join(folder, name);
        return { file, text: readFileSync(file, "utf8") };
      });
  return [...read(dir, names), ...read(catalogueDir, catalogueNames)];
}

/** Reads, validates and cross-checks every entry; throws one KnowledgeError listing every problem. */
export function loadKnowledge(dir: string = defaultKnowledgeDir()): KnowledgeBase {
  const sources = readKnowledgeSources(dir);
  const displayRoot = process.cwd();
  return buildKnowledgeBase(
    dir,
    sources.map((source) => ({ ...source, file: relative(displayRoot, source.file) || source.file })),
  );
}

export function buildKnowledgeBase(dir: string, sources: readonly KnowledgeSource[]): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const parsed: ParsedEntry[] = [];
  const categories: Category[] = [];
  const catalogue: CatalogueFile[] = [];
  if (sources.filter((source) => !isCatalogueFile(source.file)).length === 0) {
    problems.push({ file: dir, field: "", message: "no knowledge files (*.yaml) found" });
  }
  for (const source of sources) {
    if (isCatalogueFile(source.file)) {
      const result = parseCatalogueSource(source);
      if ("problems" in result) problems.push(...result.problems);
      else {
        categories.push(result.file.category);
        catalogue.push(result.file);
        result.file.entries.forEach((entry, index) => {
          parsed.push({
            file: source.file,
            field: `entries[${index}]`,
            entry: fromCatalogueEntry(entry, result.file),
          });
        });
      }
      continue;
    }
    const result = parseKnowledgeSource(source);
    if ("problems" in result) problems.push(...result.problems);
    else parsed.push({ file: source.file, field: "", entry: result.entry });
  }
  // Entries that failed to parse still exist by file name: no second error for pointing at them.
  const knownIds = new Set(sources.map((source) => basename(source.file, extname(source.file))));
  problems.push(...crossCheck(parsed, knownIds));
  if (problems.length > 0) throw new KnowledgeError(problems);
  const entries = parsed.map((item) => item.entry);
  return {
    dir,
    entries,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    categories: [TOKEN_CATEGORY, ...categories],
    catalogue,
  };
}

interface ParsedEntry {
  file: string;
  /** Where the entry sits in its file (`entries[3]`), empty for a file that is one entry. */
  field: string;
  entry: KnowledgeEntry;
}

function readYaml(
  source: KnowledgeSource,
  expected: string,
): { data: unknown } | { problems: KnowledgeProblem[] } {
  const { file } = source;
  if (source.text.includes("\u0000")) {
    return { problems: [{ file, field: "", message: "binary content: expected a UTF-8 YAML text file" }] };
  }
  const document = parseDocument(source.text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => ({
        file,
        field: "",
        message: `YAML syntax error${error.linePos ? ` at line ${error.linePos[0].line}` : ""}: ${firstLine(error.message)}`,
      })),
    };
  }
  const data: unknown = document.toJS();
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { problems: [{ file, field: "", message: `expected a mapping of fields (${expected})` }] };
  }
  return { data };
}

/** Parses and validates one `catalogue/<category-id>.yaml`, with the checks that stay inside the file. */
export function parseCatalogueSource(
  source: KnowledgeSource,
): { file: CatalogueFile } | { problems: KnowledgeProblem[] } {
  const { file } = source;
  const yaml = readYaml(source, "category, docs, entries");
  if ("problems" in yaml) return yaml;
  const result = catalogueFileSchema.safeParse(yaml.data);
  if (!result.success) return { problems: schemaProblems(file, result.error.issues) };
  const problems: KnowledgeProblem[] = [];
  const stem = basename(file, extname(file));
  if (result.data.category.id !== stem) {
    problems.push({
      file,
      field: "category.id",
      message: `category id "${result.data.category.id}" must match the file name "${stem}"`,
    });
  }
  result.data.entries.forEach((entry, index) => {
    const at = `entries[${index}]`;
    if (entry.id.startsWith("warn-") && entry.kind !== "warning")
      problems.push({ file, field: `${at}.kind`, message: `a warn- entry must have kind: warning` });
    if (new Set(entry.codes).size !== entry.codes.length)
      problems.push({ file, field: `${at}.codes`, message: "a code is listed twice" });
    entry.names.forEach((name, nameIndex) => {
      if (name.code !== undefined && !entry.codes.includes(name.code))
        problems.push({
          file,
          field: `${at}.names[${nameIndex}].code`,
          message: `code ${name.code} is not listed in this entry's codes`,
        });
    });
    const seen = new Set<string>();
    entry.names.forEach((name, nameIndex) => {
      const key = `${name.platform}:${name.name}:${name.code ?? ""}`;
      if (seen.has(key))
        problems.push({
          file,
          field: `${at}.names[${nameIndex}]`,
          message: `"${name.name}" is listed twice`,
        });
      seen.add(key);
    });
  });
  return problems.length > 0 ? { problems } : { file: result.data };
}

export function parseKnowledgeSource(
  source: KnowledgeSource,
): { entry: KnowledgeEntry } | { problems: KnowledgeProblem[] } {
  const { file } = source;
  const yaml = readYaml(source, "id, title, codes, …");
  if ("problems" in yaml) return yaml;
  const result = knowledgeEntrySchema.safeParse(yaml.data);
  if (!result.success) return { problems: schemaProblems(file, result.error.issues) };
  const stem = basename(file, extname(file));
  if (result.data.id !== stem) {
    return {
      problems: [{ file, field: "id", message: `id "${result.data.id}" must match the file name "${stem}"` }],
    };
  }
  return { entry: fromDeepEntry(result.data) };
}

/** A schema's complaints about one file, each with the field it is about. */
function schemaProblems(file: string, issues: readonly z.core.$ZodIssue[]): KnowledgeProblem[] {
  return issues.map((issue) => ({ file, field: issuePath(issue), message: issue.message }));
}

function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path
    .map((part) => (typeof part === "number" ? `[${part}]` : String(part)))
    .join(".")
    .replace(/\.\[/g, "[");
}

/**
 * Problems that only show across entries: two entries claiming the same id, or the same name in
 * one platform family. The deep token entries are held to more: no two share a code, a name's
 * core key or a message, since each of those picks exactly one of them. Catalogue entries may
 * share a number (the same number means different things per platform and per list), and a
 * message when each gives it its own number.
 */
function crossCheck(parsed: readonly ParsedEntry[], knownIds: ReadonlySet<string>): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const ids = new Map<string, string>();
  const nameOwners = new Map<string, { id: string; name: string }>();
  const familyNameOwners = new Map<
    string,
    { id: string; name: string; code: number | undefined; deep: boolean }[]
  >();
  const codeOwners = new Map<string, string>();
  const messageOwners = new Map<string, { id: string; code: number | undefined; deep: boolean }[]>();
  const at = (item: ParsedEntry, field: string) => (item.field ? `${item.field}.${field}` : field);

  for (const item of parsed) {
    const { file, entry } = item;
    const previousFile = ids.get(entry.id);
    if (previousFile)
      problems.push({
        file,
        field: at(item, "id"),
        message: `id "${entry.id}" is also used by ${previousFile}`,
      });
    ids.set(entry.id, file);
    const deep = entry.depth === "deep";

    entry.names.forEach((name, index) => {
      // One name may stand for two numbers in two entries (Web 3.x calls both 2003 and 2012
      // WARN_REPEAT_JOIN); the same name and number twice, or a token entry's name again, is a clash.
      const familyKey = `${familyOfPlatform(name.platform)}:${identifierKey(name.name)}`;
      const owners = familyNameOwners.get(familyKey) ?? [];
      const sameName = owners.find(
        (owner) => owner.id !== entry.id && (owner.code === name.code || owner.deep || deep),
      );
      if (sameName) {
        problems.push({
          file,
          field: at(item, `names[${index}].name`),
          message: `"${name.name}" is ambiguous: it reads the same as "${sameName.name}" in entry ${sameName.id}`,
        });
      }
      owners.push({ id: entry.id, name: name.name, code: name.code, deep });
      familyNameOwners.set(familyKey, owners);
      if (deep) {
        // One report a name, even when both its full and its core key collide.
        const clash = identifierKeys(name.name)
          .map((key) => nameOwners.get(key))
          .find((owner) => owner !== undefined && owner.id !== entry.id);
        if (clash && !sameName) {
          problems.push({
            file,
            field: at(item, `names[${index}].name`),
            message: `"${name.name}" is ambiguous: it reads the same as "${clash.name}" in entry ${clash.id}`,
          });
        }
        for (const key of identifierKeys(name.name)) {
          if (!nameOwners.has(key)) nameOwners.set(key, { id: entry.id, name: name.name });
        }
        if (name.code !== undefined && !entry.codes.some((code) => code.code === name.code)) {
          problems.push({
            file,
            field: at(item, `names[${index}].code`),
            message: `code ${name.code} is not listed in this entry's codes`,
          });
        }
      }
    });

    entry.messages.forEach((message, index) => {
      // Two catalogue entries may print one message with their own numbers (a device malfunction
      // is a playback or a recording one); a token entry's message, or one number twice, picks one.
      const key = message.text.toLowerCase();
      const owners = messageOwners.get(key) ?? [];
      const clash = owners.find(
        (owner) => owner.id !== entry.id && (owner.deep || deep || owner.code === message.code),
      );
      if (clash) {
        problems.push({
          file,
          field: at(item, `messages[${index}].text`),
          message: `"${message.text}" is ambiguous: entry ${clash.id} claims it too`,
        });
      }
      owners.push({ id: entry.id, code: message.code, deep });
      messageOwners.set(key, owners);
    });

    if (!deep) continue;
    entry.codes.forEach((code, index) => {
      for (const platform of code.platforms) {
        const key = `${platform}:${code.space}:${code.code}`;
        const owner = codeOwners.get(key);
        if (owner && owner !== entry.id) {
          problems.push({
            file,
            field: `codes[${index}]`,
            message: `${platform} code ${code.code} is ambiguous: entry ${owner} claims it too`,
          });
        } else codeOwners.set(key, entry.id);
      }
    });
  }

  for (const { file, entry } of parsed) {
    entry.related.entries.forEach((id, index) => {
      if (!ids.has(id) && !knownIds.has(id))
        problems.push({ file, field: `related.entries[${index}]`, message: `no entry with id "${id}"` });
    });
  }
  return problems;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
