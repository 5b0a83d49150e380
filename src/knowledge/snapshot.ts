import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { KnowledgeBase } from "./load.js";
import type { KnowledgeEntry } from "./schema.js";

/**
 * A validated copy of `knowledge/` written at build time, so start-up can skip YAML parsing and
 * schema validation (and loading both libraries). It is used only while every source file still
 * has the content it had when the snapshot was made; an edited entry is read and validated from
 * its YAML as usual. Content, not modification times: a fresh clone or a `git checkout` gives
 * every file a new time, and hashing the few small files costs well under a millisecond.
 */
interface Snapshot {
  readonly version: 2;
  readonly files: readonly { name: string; sha1: string }[];
  readonly entries: readonly KnowledgeEntry[];
}

function fingerprint(dir: string): Snapshot["files"] {
  return readdirSync(dir)
    .filter((name) => (extname(name) === ".yaml" || extname(name) === ".yml") && !name.startsWith("."))
    .sort()
    .map((name) => ({
      name,
      sha1: createHash("sha1")
        .update(readFileSync(join(dir, name)))
        .digest("hex"),
    }));
}

export function writeKnowledgeSnapshot(knowledge: KnowledgeBase, file: string): void {
  const snapshot: Snapshot = { version: 2, files: fingerprint(knowledge.dir), entries: knowledge.entries };
  writeFileSync(file, JSON.stringify(snapshot));
}

export function readKnowledgeSnapshot(dir: string, file: string): KnowledgeBase | undefined {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  } catch {
    return undefined;
  }
  if (snapshot.version !== 2) return undefined;
  const current = fingerprint(dir);
  const same =
    current.length === snapshot.files.length &&
    current.every((item, position) => {
      const saved = snapshot.files[position];
      return saved?.name === item.name && saved.sha1 === item.sha1;
    });
  if (!same) return undefined;
  return {
    dir,
    entries: snapshot.entries,
    byId: new Map(snapshot.entries.map((entry) => [entry.id, entry])),
  };
}
