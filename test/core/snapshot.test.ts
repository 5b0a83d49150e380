import { appendFileSync, cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load.js";
import { readKnowledgeSnapshot, writeKnowledgeSnapshot } from "../../src/knowledge/snapshot.js";

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
    const { dir, snapshot } = copyOfKnowledge();
    writeKnowledgeSnapshot(loadKnowledge(dir), snapshot);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, "invalid-token.yaml"), later, later);
    expect(readKnowledgeSnapshot(dir, snapshot)?.entries.length).toBeGreaterThan(0);
  });

  it("is ignored when missing or damaged", () => {
    const { dir, snapshot } = copyOfKnowledge();
    expect(readKnowledgeSnapshot(dir, snapshot)).toBeUndefined();
    writeFileSync(snapshot, "{not json");
    expect(readKnowledgeSnapshot(dir, snapshot)).toBeUndefined();
  });
});
