import { fileURLToPath } from "node:url";
import { readKnowledgeSnapshot } from "../knowledge/snapshot.js";
import { buildKnowledgeIndex, type KnowledgeIndex } from "./knowledgeIndex.js";

const DEFAULT_DIR = fileURLToPath(new URL("../../knowledge", import.meta.url));
const SNAPSHOT_FILE = fileURLToPath(new URL("../knowledge.snapshot.json", import.meta.url));

/**
 * The start-up path of the bot: the build's validated snapshot when `knowledge/` is unchanged,
 * otherwise the full YAML load and validation (imported only then, since it is the slow part).
 */
export async function loadKnowledgeIndexFast(dir?: string): Promise<KnowledgeIndex> {
  if (dir === undefined || dir === DEFAULT_DIR) {
    const snapshot = readKnowledgeSnapshot(DEFAULT_DIR, SNAPSHOT_FILE);
    if (snapshot) return buildKnowledgeIndex(snapshot);
  }
  const { loadKnowledgeIndex } = await import("./loadIndex.js");
  return loadKnowledgeIndex(dir);
}
