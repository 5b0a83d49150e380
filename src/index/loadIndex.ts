import { defaultKnowledgeDir, loadKnowledge } from "../knowledge/load.js";
import { buildKnowledgeIndex, type KnowledgeIndex } from "./knowledgeIndex.js";

/** Loads `knowledge/` (or `dir`) and indexes it: the one start-up step every adapter shares. */
export function loadKnowledgeIndex(dir: string = defaultKnowledgeDir()): KnowledgeIndex {
  return buildKnowledgeIndex(loadKnowledge(dir));
}
