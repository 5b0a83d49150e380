import type { KnowledgeIndex } from "../index/knowledgeIndex.js";
import type { Lang } from "../text/language.js";
import { type CliIo, UsageError } from "./io.js";

export const SCAN_USAGE = "agora-bot scan [--lang en|zh] [--json | --jsonl] [FILE… | -]";

/** Reserved for the log scanner (issue 3). */
export async function runScan(
  _args: readonly string[],
  _io: CliIo,
  _index: () => KnowledgeIndex,
  _defaultLang: Lang,
): Promise<number> {
  throw new UsageError("scan is not available yet", SCAN_USAGE);
}
