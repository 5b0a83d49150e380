import type { WebClient } from "@slack/web-api";
import { answerQuery, chooseLanguage } from "../answer/answer.js";
import { extractLanguageDirective } from "../answer/languageDirective.js";
import { describeError } from "../errors.js";
import { renderAnswerBlocks } from "../render/blocks/answerBlocks.js";
import { type ReplyNote, withNote } from "../render/blocks/replyNotes.js";
import { renderScanBlocks } from "../render/blocks/scanBlocks.js";
import type { SlackMessage } from "../render/blocks/types.js";
import { createLogScanner } from "../scan/scanLog.js";
import { feedScanner } from "../scan/scanStream.js";
import type { Lang } from "../text/language.js";
import { type BotContext, trustedFileHosts } from "./botContext.js";
import { completeFileInfo } from "./completeFileInfo.js";
import { openSlackFile } from "./downloadFile.js";
import { withAnswerFeedback, withScanFeedback } from "./feedback.js";
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
  const text = directive.text;
  // The message text, then each file as it downloads, through one scanner: line numbers run on
  // from one to the next as before, and no file is ever held whole.
  const scanner = createLogScanner(context.index);
  await scanner.pushAsync(text);
  const notes: ReplyNote[] = [];
  let firstFileHead: string | undefined;
  for (const stub of message.files.slice(0, MAX_FILES)) {
    const file = await completeFileInfo(context, client, stub);
    const opened = await openSlackFile(file, {
      botToken: context.config.botToken,
      trustedHosts: trustedFileHosts(context.config),
    });
    if (opened.kind === "skipped") {
      const kind =
        opened.reason === "not-text"
          ? "file-skipped"
          : opened.reason === "web-page"
            ? "file-web-page"
            : "file-failed";
      notes.push({ kind, name: opened.name });
      continue;
    }
    try {
      const fed = await feedScanner(scanner, opened.body, { maxBytes: context.config.fileMaxBytes });
      if (fed.kind === "binary") notes.push({ kind: "file-skipped", name: opened.name });
      else {
        firstFileHead ??= fed.head;
        if (fed.truncated)
          notes.push({ kind: "file-too-big", name: opened.name, maxBytes: context.config.fileMaxBytes });
      }
    } catch (error) {
      context.logger.warn(`reading ${opened.name} failed: ${describeError(error)}`);
      notes.push({ kind: "file-failed", name: opened.name });
    }
  }
  const lang: Lang = chooseLanguage((text || firstFileHead || "").slice(0, 4096), {
    lang: directive.lang,
    defaultLang: context.config.defaultLang,
  });
  const result = scanner.finish();
  if (result.findings.length > 0)
    return withScanFeedback(context, result, "", lang, renderScanBlocks(result, lang, notes));

  if (
    firstFileHead === undefined &&
    text.length > 0 &&
    text.length <= QUESTION_MAX_CHARS &&
    !text.includes("\n")
  ) {
    const answer = answerQuery(context.index, text, {
      lang: directive.lang,
      defaultLang: context.config.defaultLang,
    });
    if (answer.items.length > 0 || answer.notTokenErrors.length > 0)
      return withAnswerFeedback(context, answer, renderAnswerBlocks(answer));
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
  return withScanFeedback(
    context,
    result,
    text || firstFileHead || "",
    lang,
    renderScanBlocks(result, lang, notes),
  );
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
