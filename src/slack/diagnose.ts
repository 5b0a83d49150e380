import type { WebClient } from "@slack/web-api";
import { answerQuery, chooseLanguage } from "../answer/answer.js";
import { extractLanguageDirective } from "../answer/languageDirective.js";
import { renderAnswerBlocks } from "../render/blocks/answerBlocks.js";
import { renderScanBlocks } from "../render/blocks/scanBlocks.js";
import { SLACK_STRINGS } from "../render/blocks/slackStrings.js";
import type { SlackMessage } from "../render/blocks/types.js";
import { createLogScanner } from "../scan/scanLog.js";
import { feedScanner } from "../scan/scanStream.js";
import type { Lang } from "../text/language.js";
import { type BotContext, trustedFileHosts } from "./botContext.js";
import { completeFileInfo } from "./completeFileInfo.js";
import { describeError } from "./describeError.js";
import { openSlackFile } from "./downloadFile.js";
import { withAnswerFeedback, withScanFeedback } from "./feedback.js";
import { type MessageLike, messageLikeSchema } from "./payloads.js";
import { postReply, type ReplyTarget } from "./reply.js";

const MAX_FILES = 5;
/** A message this short, on one line, is a question ("110", "token expired"), answered like /agora. */
const QUESTION_MAX_CHARS = 300;

/** Slack sends message text with `&`, `<`, `>` escaped and mentions as `<@U…>`; the scanner wants the plain text. */
export function plainMessageText(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ")
    .replace(/<(https?:[^|>]+)(?:\|[^>]*)?>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

export interface DiagnoseOptions {
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
  const fileNotes: FileNote[] = [];
  let firstFileHead: string | undefined;
  for (const stub of message.files.slice(0, MAX_FILES)) {
    const file = await completeFileInfo(context, client, stub);
    const opened = await openSlackFile(file, {
      botToken: context.config.botToken,
      trustedHosts: trustedFileHosts(context.config),
    });
    if (opened.kind === "skipped") {
      fileNotes.push({ name: opened.name, kind: opened.reason === "not-text" ? "not-text" : "failed" });
      continue;
    }
    try {
      const fed = await feedScanner(scanner, opened.body, { maxBytes: context.config.fileMaxBytes });
      if (fed.kind === "binary") fileNotes.push({ name: opened.name, kind: "not-text" });
      else {
        firstFileHead ??= fed.head;
        if (fed.truncated) fileNotes.push({ name: opened.name, kind: "too-big" });
      }
    } catch (error) {
      context.logger.warn(`reading ${opened.name} failed: ${describeError(error)}`);
      fileNotes.push({ name: opened.name, kind: "failed" });
    }
  }
  const lang: Lang = chooseLanguage((text || firstFileHead || "").slice(0, 4096), {
    lang: directive.lang,
    defaultLang: context.config.defaultLang,
  });
  const notes = fileNotes.map((note) => fileNoteText(note, context.config.fileMaxBytes, lang));
  const result = scanner.finish();
  const question =
    firstFileHead === undefined &&
    text.length > 0 &&
    text.length <= QUESTION_MAX_CHARS &&
    !text.includes("\n");
  // Other Agora errors in a pasted log are the answer; a one-line question is answered by lookup.
  if (result.findings.length > 0 || (result.otherErrors.length > 0 && !question))
    return withScanFeedback(context, result, "", lang, renderScanBlocks(result, lang, notes));

  if (question) {
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
      parentReply.blocks.unshift({
        type: "context",
        elements: [{ type: "mrkdwn", text: SLACK_STRINGS[lang].parentNote }],
      });
      return parentReply;
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

interface FileNote {
  readonly name: string;
  readonly kind: "not-text" | "failed" | "too-big";
}

function fileNoteText(note: FileNote, maxBytes: number, lang: Lang): string {
  const strings = SLACK_STRINGS[lang];
  if (note.kind === "too-big") return strings.fileTooBig(note.name, maxBytes);
  return note.kind === "not-text" ? strings.fileSkipped(note.name) : strings.fileFailed(note.name);
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
