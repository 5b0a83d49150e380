import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
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
 * fresh clone or a `git checkout` gives every file a new time. A file whose size, modification
 * and change times are still the ones recorded is not read again: any write moves the change
 * time (which no tool can set back), and hashing the half megabyte was a few milliseconds of a
 * whole `agora-bot lookup`. Times are recorded only for files last changed a while before the
 * snapshot: file times tick coarsely, so an edit just after the build could keep the times seen. The catalogue is stored as its files were
 * validated and mapped again on reading, which keeps the snapshot less than half the size of
 * the mapped entries (their texts appear several times).
 */
interface FileFingerprint {
  readonly name: string;
  readonly bytes: number;
  readonly hash: string;
  /** Modification and change times (ms): while both and the size are the same, so is the content. */
  readonly times: readonly [number, number] | null;
}

/** How long before the snapshot a file must have last changed for its times to be recorded. */
const SETTLED_MS = 2000;

interface Snapshot {
  readonly version: 6;
  readonly files: readonly FileFingerprint[];
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

/**
 * The files of `dir` now. Reading a snapshot, a file that `known` holds with the same size and
 * times keeps its hash unread; writing one, `settledBefore` is the time before which a file's
 * change must lie for its times to be kept.
 */
function fingerprint(dir: string, known: readonly FileFingerprint[], settledBefore = 0): FileFingerprint[] {
  const names = [
    ...listFiles(dir),
    ...listFiles(join(dir, CATALOGUE_DIR)).map((name) => `${CATALOGUE_DIR}/${name}`),
  ];
  const saved = new Map(known.map((file) => [file.name, file]));
  return names.map((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    const times: [number, number] = [stat.mtimeMs, stat.ctimeMs];
    const same = saved.get(name);
    if (same?.times && same.bytes === stat.size && same.times[0] === times[0] && same.times[1] === times[1])
      return same;
    const content = readFileSync(path);
    const settled = Math.max(...times) < settledBefore;
    return { name, bytes: content.length, hash: contentHash(content), times: settled ? times : null };
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

/** `now` is when the snapshot is taken (a test may move it to treat files just copied as settled). */
export function writeKnowledgeSnapshot(knowledge: KnowledgeBase, file: string, now = Date.now()): void {
  const snapshot: Snapshot = {
    version: 6,
    files: fingerprint(knowledge.dir, [], now - SETTLED_MS),
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
  if (snapshot.version !== 6) return undefined;
  let current: FileFingerprint[];
  try {
    current = fingerprint(dir, snapshot.files);
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
