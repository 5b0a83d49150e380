import { readdirSync, readFileSync } from "node:fs";
import { basename, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { KnowledgeError, type KnowledgeProblem } from "../errors.js";
import { identifierKeys } from "../text/identifier.js";
import { type KnowledgeEntry, knowledgeEntrySchema } from "./schema.js";

export interface KnowledgeBase {
  readonly dir: string;
  readonly entries: readonly KnowledgeEntry[];
  readonly byId: ReadonlyMap<string, KnowledgeEntry>;
}

/** Source text of one knowledge file, as read from disk or made by a test. */
export interface KnowledgeSource {
  file: string;
  text: string;
}

const KNOWLEDGE_EXTENSIONS = new Set([".yaml", ".yml"]);

/** `knowledge/` at the package root: two levels above both `src/knowledge` and `dist/knowledge`. */
export function defaultKnowledgeDir(): string {
  return resolve(fileURLToPath(new URL("../../knowledge", import.meta.url)));
}

export function readKnowledgeSources(dir: string): KnowledgeSource[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new KnowledgeError([
      { file: dir, field: "", message: `cannot read directory (${describe(error)})` },
    ]);
  }
  return names
    .filter((name) => KNOWLEDGE_EXTENSIONS.has(extname(name)) && !name.startsWith("."))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      return { file, text: readFileSync(file, "utf8") };
    });
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
  const parsed: { file: string; entry: KnowledgeEntry }[] = [];
  if (sources.length === 0) {
    problems.push({ file: dir, field: "", message: "no knowledge files (*.yaml) found" });
  }
  for (const source of sources) {
    const result = parseKnowledgeSource(source);
    if ("problems" in result) problems.push(...result.problems);
    else parsed.push({ file: source.file, entry: result.entry });
  }
  // Entries that failed to parse still exist by file name: no second error for pointing at them.
  const knownIds = new Set(sources.map((source) => basename(source.file, extname(source.file))));
  problems.push(...crossCheck(parsed, knownIds));
  if (problems.length > 0) throw new KnowledgeError(problems);
  const entries = parsed.map((item) => item.entry);
  return { dir, entries, byId: new Map(entries.map((entry) => [entry.id, entry])) };
}

export function parseKnowledgeSource(
  source: KnowledgeSource,
): { entry: KnowledgeEntry } | { problems: KnowledgeProblem[] } {
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
    return { problems: [{ file, field: "", message: "expected a mapping of fields (id, title, codes, …)" }] };
  }
  const result = knowledgeEntrySchema.safeParse(data);
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => ({
        file,
        field: issuePath(issue),
        message: issue.message,
      })),
    };
  }
  const stem = basename(file, extname(file));
  if (result.data.id !== stem) {
    return {
      problems: [{ file, field: "id", message: `id "${result.data.id}" must match the file name "${stem}"` }],
    };
  }
  return { entry: result.data };
}

function issuePath(issue: z.core.$ZodIssue): string {
  return issue.path
    .map((part) => (typeof part === "number" ? `[${part}]` : String(part)))
    .join(".")
    .replace(/\.\[/g, "[");
}

/** Problems that only show across files: two entries claiming the same id, name, code or message. */
function crossCheck(
  parsed: readonly { file: string; entry: KnowledgeEntry }[],
  knownIds: ReadonlySet<string>,
): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const ids = new Map<string, string>();
  const nameOwners = new Map<string, { id: string; name: string }>();
  const codeOwners = new Map<string, string>();
  const messageOwners = new Map<string, string>();

  for (const { file, entry } of parsed) {
    const previousFile = ids.get(entry.id);
    if (previousFile)
      problems.push({ file, field: "id", message: `id "${entry.id}" is also used by ${previousFile}` });
    ids.set(entry.id, file);

    entry.names.forEach((name, index) => {
      // One report a name, even when both its full and its core key collide.
      const clash = identifierKeys(name.name)
        .map((key) => nameOwners.get(key))
        .find((owner) => owner !== undefined && owner.id !== entry.id);
      if (clash) {
        problems.push({
          file,
          field: `names[${index}].name`,
          message: `"${name.name}" is ambiguous: it reads the same as "${clash.name}" in entry ${clash.id}`,
        });
      }
      for (const key of identifierKeys(name.name)) {
        if (!nameOwners.has(key)) nameOwners.set(key, { id: entry.id, name: name.name });
      }
      if (name.code !== undefined && !entry.codes.some((code) => code.code === name.code)) {
        problems.push({
          file,
          field: `names[${index}].code`,
          message: `code ${name.code} is not listed in this entry's codes`,
        });
      }
    });

    entry.codes.forEach((code, index) => {
      for (const platform of code.platforms) {
        const key = `${platform}:${code.code}`;
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

    entry.messages.forEach((message, index) => {
      const key = message.text.toLowerCase();
      const owner = messageOwners.get(key);
      if (owner && owner !== entry.id) {
        problems.push({
          file,
          field: `messages[${index}].text`,
          message: `"${message.text}" is ambiguous: entry ${owner} claims it too`,
        });
      } else messageOwners.set(key, entry.id);
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
