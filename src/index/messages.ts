/**
 * SDK and browser messages as the knowledge writes them, and where a text holds one.
 *
 * A message is its words as printed (`invalid vendor key, can not find appid`). Browsers and
 * SDKs put the device or feature in the middle of one sentence (`access to the camera denied`),
 * so ` … ` in a message stands for a few words of anything on the same line; such a message
 * matches whole words only, where a plain one matches inside identifiers too
 * (`DeviceMalfunction` in `iOSDeviceMalfunction`).
 */

/** The separator a message writes for "a few words here". */
export const MESSAGE_GAP = " … ";

/** How many characters a gap may span: a few words, never another sentence. */
const GAP_CHARS = 40;

export interface MessageForm {
  /** Lower-cased text as written, gaps included: the key messages are told apart by. */
  readonly needle: string;
  /** The lower-cased pieces between gaps; one for a plain message. */
  readonly parts: readonly string[];
}

export function messageForm(text: string): MessageForm {
  const needle = text.toLowerCase();
  const parts = needle
    .split(MESSAGE_GAP.trim())
    .map((part) => part.trim())
    .filter(Boolean);
  return { needle, parts };
}

/** Where a lower-cased text holds the message, as [start, end); undefined when it does not. */
export function findMessage(form: MessageForm, lower: string): readonly [number, number] | undefined {
  const [first, ...rest] = form.parts;
  if (first === undefined) return undefined;
  if (rest.length === 0) {
    const at = lower.indexOf(first);
    return at < 0 ? undefined : [at, at + first.length];
  }
  for (let at = lower.indexOf(first); at >= 0; at = lower.indexOf(first, at + 1)) {
    if (isWordChar(lower.charCodeAt(at - 1)) || isWordChar(lower.charCodeAt(at + first.length))) continue;
    const end = followParts(lower, at + first.length, rest);
    if (end !== undefined) return [at, end];
  }
  return undefined;
}

/** The end of the last part when each part follows the one before within a gap; else undefined. */
function followParts(lower: string, from: number, parts: readonly string[]): number | undefined {
  let end = from;
  for (const part of parts) {
    const window = lower.slice(end, end + GAP_CHARS + part.length);
    const newline = window.indexOf("\n");
    const within = newline < 0 ? window : window.slice(0, newline);
    let found = -1;
    for (let at = within.indexOf(part); at >= 0; at = within.indexOf(part, at + 1)) {
      const start = end + at;
      if (!isWordChar(lower.charCodeAt(start - 1)) && !isWordChar(lower.charCodeAt(start + part.length))) {
        found = start;
        break;
      }
    }
    if (found < 0) return undefined;
    end = found + part.length;
  }
  return end;
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
}
