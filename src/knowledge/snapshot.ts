import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fromCatalogueEntry, TOKEN_CATEGORY } from "./entryModel.js";
import { CATALOGUE_DIR, isKnowledgeFileName } from "./files.js";
import type { KnowledgeBase } from "./load.js";
import type { CatalogueFile, KnowledgeEntry } from "./schema.js";

/**
 * A validated copy of `knowledge/` (the deep entries and the catalogue) written at build time,
 * so start-up can skip YAML parsing and schema validation (and loading both libraries). It is
 * used only while every source file still has the content it had when the snapshot was made; an
 * edited entry is read and validated from its YAML as usual. Content, not modification times: a
 * fresh clone or a `git checkout` gives every file a new time, and hashing the files (under
 * half a megabyte) costs about a millisecond. The catalogue is stored as its files were
 * validated and mapped again on reading, which keeps the snapshot less than half the size of
 * the mapped entries (their texts appear several times).
 */
interface Snapshot {
  readonly version: 5;
  readonly files: readonly { name: string; bytes: number; hash: string }[];
  readonly deep: readonly KnowledgeEntry[];
  readonly catalogue: readonly CatalogueFile[];
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter(isKnowledgeFileName).sort();
  } catch {
    return [];
  }
}

function fingerprint(dir: string): Snapshot["files"] {
  const names = [
    ...listFiles(dir),
    ...listFiles(join(dir, CATALOGUE_DIR)).map((name) => `${CATALOGUE_DIR}/${name}`),
  ];
  return names.map((name) => {
    const content = readFileSync(join(dir, name));
    return { name, bytes: content.length, hash: contentHash(content) };
  });
}

/**
 * Two 32-bit FNV-1a hashes of the bytes, with different offsets. It detects an edited file, not an
 * attacker (the files are the project's own), and it spares the CLI's cold path loading node:crypto.
 */
function contentHash(bytes: Uint8Array): string {
  let first = 0x811c9dc5;
  let second = 0x01000193 ^ bytes.length;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at] ?? 0;
    first = Math.imul(first ^ byte, 0x01000193);
    second = Math.imul(second ^ byte, 0x01000193) ^ (second >>> 15);
  }
  return `${(first >>> 0).toString(16)}${(second >>> 0).toString(16)}`;
}

export function writeKnowledgeSnapshot(knowledge: KnowledgeBase, file: string): void {
  const snapshot: Snapshot = {
    version: 5,
    files: fingerprint(knowledge.dir),
    deep: knowledge.entries.filter((entry) => entry.depth === "deep"),
    catalogue: knowledge.catalogue,
  };
  writeFileSync(file, JSON.stringify(snapshot));
}

export function readKnowledgeSnapshot(dir: string, file: string): KnowledgeBase | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  } catch {
    return undefined;
  }
  if (snapshot.version !== 5) return undefined;
  let current: Snapshot["files"];
  try {
    current = fingerprint(dir);
  } catch {
    return undefined;
  }
  const same =
    current.length === snapshot.files.length &&
    current.every((item, position) => {
      const saved = snapshot.files[position];
      return saved?.name === item.name && saved.bytes === item.bytes && saved.hash === item.hash;
    });
  if (!same) return undefined;
  const entries = [
    ...snapshot.deep,
    ...snapshot.catalogue.flatMap((catalogueFile) =>
      catalogueFile.entries.map((entry) => fromCatalogueEntry(entry, catalogueFile)),
    ),
  ];
  return {
    dir,
    entries,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    categories: [TOKEN_CATEGORY, ...snapshot.catalogue.map((catalogueFile) => catalogueFile.category)],
    catalogue: snapshot.catalogue,
  };
}
