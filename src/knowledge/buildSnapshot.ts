import { fileURLToPath } from "node:url";
import { loadKnowledge } from "./load.js";
import { writeKnowledgeSnapshot } from "./snapshot.js";

/** Run by `npm run build`: validates `knowledge/` and writes the start-up snapshot next to the compiled code. */
export const SNAPSHOT_FILE = fileURLToPath(new URL("../knowledge.snapshot.json", import.meta.url));

writeKnowledgeSnapshot(loadKnowledge(), SNAPSHOT_FILE);
