import type { WebClient } from "@slack/web-api";
import { describeError } from "../errors.js";
import type { BotContext } from "./botContext.js";
import { type SlackFile, slackFileSchema } from "./payloads.js";

/**
 * Events from Slack Connect channels (and some uploads) carry only a stub of a file, without its
 * download URL (`file_access: "check_file_info"`); `files.info` has the rest. A stub that cannot
 * be completed is returned as is, and the download step reports it as not downloadable.
 */
export async function completeFileInfo(
  context: BotContext,
  client: WebClient,
  file: SlackFile,
): Promise<SlackFile> {
  const hasUrl = file.url_private_download !== undefined || file.url_private !== undefined;
  if (hasUrl && file.file_access !== "check_file_info") return file;
  try {
    const info = await client.files.info({ file: file.id });
    const parsed = slackFileSchema.safeParse(info.file);
    return parsed.success ? parsed.data : file;
  } catch (error) {
    context.logger.warn(`files.info for ${file.id} failed: ${describeError(error)}`);
    return file;
  }
}
