import type { Lang } from "../../text/language.js";
import { UI_STRINGS } from "../strings.js";
import { fitMessage } from "./limits.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { SLACK_STRINGS } from "./slackStrings.js";
import { type Block, mrkdwn, type SlackMessage } from "./types.js";

/** Something said above a reply, about how it was made: adapters pick one, render words it. */
export type ReplyNote =
  | { readonly kind: "thread-parent" }
  | {
      readonly kind: "long-lines";
      readonly lines: number;
      readonly firstLine: number;
      readonly lineLimitBytes: number;
      readonly skippedBytes: number;
    }
  | { readonly kind: "file-too-big"; readonly name: string; readonly maxBytes: number }
  | { readonly kind: "file-skipped"; readonly name: string }
  | { readonly kind: "file-failed"; readonly name: string }
  | { readonly kind: "file-web-page"; readonly name: string }
  | { readonly kind: "not-in-channel" }
  | { readonly kind: "post-failed" };

function noteText(note: ReplyNote, lang: Lang): string {
  const strings = SLACK_STRINGS[lang];
  switch (note.kind) {
    case "thread-parent":
      return strings.parentNote;
    case "long-lines":
      return UI_STRINGS[lang].longLines(note.lines, note.firstLine, note.lineLimitBytes, note.skippedBytes);
    case "file-too-big":
      return strings.fileTooBig(escapeMrkdwn(note.name), note.maxBytes);
    case "file-skipped":
      return strings.fileSkipped(escapeMrkdwn(note.name));
    case "file-failed":
      return strings.fileFailed(escapeMrkdwn(note.name));
    case "file-web-page":
      return strings.fileWebPage(escapeMrkdwn(note.name));
    case "not-in-channel":
      return strings.notInChannel;
    case "post-failed":
      return strings.postFailed;
  }
}

/** A context block holding the notes (Slack allows ten elements a block). */
export function notesBlock(notes: readonly ReplyNote[], lang: Lang): Block[] {
  if (notes.length === 0) return [];
  return [{ type: "context", elements: notes.slice(0, 10).map((note) => mrkdwn(noteText(note, lang))) }];
}

/** The message with a note on top, fitted again so the note never pushes it past Slack's limits. */
export function withNote(message: SlackMessage, note: ReplyNote, fallbackLang: Lang): SlackMessage {
  const lang = message.lang ?? fallbackLang;
  return fitMessage(
    { ...message, blocks: [...notesBlock([note], lang), ...message.blocks] },
    SLACK_STRINGS[lang].overflow,
  );
}
