import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load.js";
import { readKnowledgeSnapshot, writeKnowledgeSnapshot } from "../../src/knowledge/snapshot.js";

/** Enough to make files copied just now count as settled. */
const SETTLED = 10_000;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function copyOfKnowledge(): { dir: string; snapshot: string } {
  const root = mkdtempSync(join(tmpdir(), "agora-snapshot-"));
  dirs.push(root);
  const dir = join(root, "knowledge");
  cpSync(defaultKnowledgeDir(), dir, { recursive: true });
  return { dir, snapshot: join(root, "snapshot.json") };
}

describe("the start-up snapshot of the knowledge base", () => {
  it("gives back exactly the validated entries while the files are unchanged", () => {
    const { dir, snapshot } = copyOfKnowledge();
    const knowledge = loadKnowledge(dir);
    writeKnowledgeSnapshot(knowledge, snapshot);
    expect(readKnowledgeSnapshot(dir, snapshot)?.entries).toEqual(knowledge.entries);
  });

  it("is ignored as soon as a knowledge file is edited, added or removed", () => {
    const { dir, snapshot } = copyOfKnowledge();
    writeKnowledgeSnapshot(loadKnowledge(dir), snapshot);
    appendFileSync(join(dir, "invalid-token.yaml"), "# edited\n");
    expect(readKnowledgeSnapshot(dir, snapshot)).toBeUndefined();

    writeKnowledgeSnapshot(loadKnowledge(dir), snapshot);
    writeFileSync(join(dir, "new-entry.yaml"), "id: new-entry\n");
    expect(readKnowledgeSnapshot(dir, snapshot)).toBeUndefined();
  });

  it("still holds when only the files' times changed (a fresh clone or a checkout)", () => {
    for (const now of [Date.now(), Date.now() + SETTLED]) {
      const { dir, snapshot } = copyOfKnowledge();
      writeKnowledgeSnapshot(loadKnowledge(dir), snapshot, now);
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(dir, "invalid-token.yaml"), later, later);
      expect(readKnowledgeSnapshot(dir, snapshot)?.entries.length).toBeGreaterThan(0);
    }
  });

  it("notices an edit that keeps the file's size and puts its modification time back", () => {
    const { dir, snapshot } = copyOfKnowledge();
    const file = join(dir, "invalid-token.yaml");
    // A whole second, which utimes can set back exactly.
    const modified = 1_700_000_000;
    utimesSync(file, modified, modified);
    // Taken as if later, so that the copied files count as settled and their times are relied on.
    writeKnowledgeSnapshot(loadKnowledge(dir), snapshot, Date.now() + SETTLED);
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, "utf8").replace("110", "111"));
    utimesSync(file, modified, modified);
    const after = statSync(file);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    expect(readKnowledgeSnapshot(dir, snapshot)).toBeUndefined();
  });

  it("records times only for files changed a while before it was taken", () => {
    const { dir, snapshot } = copyOfKnowledge();
    const timesOf = () =>
      (JSON.parse(readFileSync(snapshot, "utf8")) as { files: { times: unknown }[] }).files.map(
        (file) => file.times,
      );
    writeKnowledgeSnapshot(loadKnowledge(dir), snapshot);
    expect(timesOf().every((times) => times === null)).toBe(true);
    writeKnowledgeSnapshot(loadKnowledge(dir), snapshot, Date.now() + SETTLED);
    expect(timesOf().every((times) => Array.isArray(times))).toBe(true);
    expect(readKnowledgeSnapshot(dir, snapshot)?.entries.length).toBeGreaterThan(0);
  });

  it("is ignored when missing or damaged", () => {
    const { dir, snapshot } = copyOfKnowledge();
    expect(readKnowledgeSnapshot(dir, snapshot)).toBeUndefined();
    writeFileSync(snapshot, "{not json");
    expect(readKnowledgeSnapshot(dir, snapshot)).toBeUndefined();
  });
});
