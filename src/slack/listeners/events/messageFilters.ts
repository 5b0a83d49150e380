import type { MessageLike } from "../../payloads.js";

/** Subtypes that are still a person writing: a plain message, or one with a file (a snippet). */
const PERSON_SUBTYPES = new Set([undefined, "file_share", "thread_broadcast"]);

/** Bots (this one included) and edits or deletions never get a reply: that is how loops are avoided. */
export function isFromABot(message: MessageLike): boolean {
  return (
    message.bot_id !== undefined ||
    message.subtype === "bot_message" ||
    (message.app_id !== undefined && message.user === undefined)
  );
}

export function isPersonMessage(message: MessageLike): boolean {
  return !isFromABot(message) && PERSON_SUBTYPES.has(message.subtype) && message.user !== undefined;
}
