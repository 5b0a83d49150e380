import type { WebClient } from "@slack/web-api";
import { answerQuery, chooseLanguage } from "../answer/answer.js";
import { extractLanguageDirective } from "../answer/languageDirective.js";
import { describeError } from "../errors.js";
import { renderAnswerBlocks } from "../render/blocks/answerBlocks.js";
import { type ReplyNote, withNote } from "../render/blocks/replyNotes.js";
import { renderScanBlocks } from "../render/blocks/scanBlocks.js";
import type { SlackMessage } from "../render/blocks/types.js";
import { scanLogAsync } from "../scan/scanLog.js";
import type { Lang } from "../text/language.js";
import { type BotContext, trustedFileHosts } from "./botContext.js";
import { completeFileInfo } from "./completeFileInfo.js";
import { type DownloadedFile, downloadSlackFile } from "./downloadFile.js";
import { type MessageLike, messageLikeSchema } from "./payloads.js";
import { postReply, type ReplyTarget } from "./reply.js";

const MAX_FILES = 5;
/** A message this short, on one line, is a question ("110", "token expired"), answered like /agora. */
const QUESTION_MAX_CHARS = 300;

/**
 * Slack sends message text with `&`, `<`, `>` escaped, mentions as `<@U…>` and a pasted log
 * between ``` fences; the scanner wants the plain text, each fence a line break (a fence glued to
 * the last log line would otherwise show up in that line's evidence).
 */
function plainMessageText(text: string): string {
  return text
    .replace(/```/g, "\n")
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ")
    .replace(/<(https?:[^|>]+)(?:\|[^>]*)?>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

interface DiagnoseOptions {
  readonly channel: string;
  /** Look at the thread's first message when this one carries no log of its own. */
  readonly allowParent: boolean;
}

/** Reads a message (its text and its text files), finds the token errors in it, and renders the reply. */
export async function diagnoseMessage(
  context: BotContext,
  client: WebClient,
  message: MessageLike,
  options: DiagnoseOptions,
): Promise<SlackMessage> {
  const directive = extractLanguageDirective(plainMessageText(message.text));
  const downloads: DownloadedFile[] = [];
  for (const stub of message.files.slice(0, MAX_FILES)) {
    const file = await completeFileInfo(context, client, stub);
    downloads.push(
      await downloadSlackFile(file, {
        botToken: context.config.botToken,
        maxBytes: context.config.fileMaxBytes,
        trustedHosts: trustedFileHosts(context.config),
      }),
    );
  }
  const filePieces = downloads.flatMap((download) => (download.kind === "text" ? [download.pieces] : []));
  const text = directive.text;
  const firstFileText = filePieces[0]?.[0] ?? "";
  const lang: Lang = chooseLanguage((text || firstFileText).slice(0, 4096), {
    lang: directive.lang,
    defaultLang: context.config.defaultLang,
  });
  const notes = downloads.flatMap((download) => fileNote(download, context.config.fileMaxBytes));

  // The message text and each file, scanned as separate pieces: megabyte files are never copied into one string.
  const pieces = [text, ...filePieces.flat()].filter((piece) => piece.length > 0);
  const result = await scanLogAsync(context.index, pieces);
  if (result.findings.length > 0) return renderScanBlocks(result, lang, notes);

  if (
    filePieces.length === 0 &&
    text.length > 0 &&
    text.length <= QUESTION_MAX_CHARS &&
    !text.includes("\n")
  ) {
    const answer = answerQuery(context.index, text, {
      lang: directive.lang,
      defaultLang: context.config.defaultLang,
    });
    if (answer.items.length > 0 || answer.notTokenErrors.length > 0) return renderAnswerBlocks(answer);
  }

  const isThreadReply = message.thread_ts !== undefined && message.thread_ts !== message.ts;
  if (options.allowParent && isThreadReply && message.files.length === 0) {
    const parent = await fetchThreadParent(context, client, options.channel, message.thread_ts ?? message.ts);
    if (parent) {
      const parentReply = await diagnoseMessage(
        context,
        client,
        { ...parent, text: directive.lang ? `${parent.text} ${directive.lang}` : parent.text },
        {
          ...options,
          allowParent: false,
        },
      );
      return withNote(parentReply, { kind: "thread-parent" }, lang);
    }
  }
  return renderScanBlocks(result, lang, notes);
}

async function fetchThreadParent(
  context: BotContext,
  client: WebClient,
  channel: string,
  threadTs: string,
): Promise<MessageLike | undefined> {
  try {
    const replies = await client.conversations.replies({ channel, ts: threadTs, limit: 1, inclusive: true });
    const parsed = messageLikeSchema.safeParse(replies.messages?.[0]);
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    context.logger.warn(`conversations.replies failed for ${channel}/${threadTs}: ${describeError(error)}`);
    return undefined;
  }
}

function fileNote(download: DownloadedFile, maxBytes: number): ReplyNote[] {
  if (download.kind === "text")
    return download.truncated ? [{ kind: "file-too-big", name: download.name, maxBytes }] : [];
  return [{ kind: download.reason === "not-text" ? "file-skipped" : "file-failed", name: download.name }];
}

/** Diagnoses a message and posts the reply where it belongs, tracked so a shutdown waits for it. */
export function diagnoseAndReply(
  context: BotContext,
  client: WebClient,
  message: MessageLike,
  target: ReplyTarget,
): Promise<void> {
  return context.inflight.track(
    (async () => {
      const reply = await diagnoseMessage(context, client, message, {
        channel: target.channel,
        allowParent: true,
      });
      await postReply(context, client, target, reply);
    })(),
  );
}
