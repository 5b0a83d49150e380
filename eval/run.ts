/**
 * `npm run eval -- [DIR…]`: scores `scan` on labelled corpus folders. With no argument it runs
 * our own corpus folders (every folder under test/ holding a labels.json) and the shared
 * real-posts corpus when it exists. Prints the figures and every miss and false finding; exits 0.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadKnowledgeIndex } from "../src/index/loadIndex.js";
import { formatScore, scoreCorpus } from "./score.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// `../shared/corpus/real-posts` from the repository; a git worktree sits one level deeper.
const REAL_POSTS = [join(ROOT, ".."), join(ROOT, "..", "..")]
  .map((parent) => join(parent, "shared", "corpus", "real-posts"))
  .find((dir) => existsSync(join(dir, "labels.json")));

function labelledFolders(dir: string): string[] {
  const found: string[] = [];
  if (existsSync(join(dir, "labels.json"))) found.push(dir);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name !== "node_modules" && statSync(path).isDirectory()) found.push(...labelledFolders(path));
  }
  return found;
}

const args = process.argv.slice(2);
const dirs =
  args.length > 0 ? args : [...labelledFolders(join(ROOT, "test")), ...(REAL_POSTS ? [REAL_POSTS] : [])];
const index = loadKnowledgeIndex();
process.stdout.write(`entries indexed: ${index.entries.length}\n`);
for (const dir of dirs) {
  const score = scoreCorpus(index, dir);
  process.stdout.write(`${formatScore({ ...score, dir: relative(process.cwd(), dir) || dir })}\n`);
}
