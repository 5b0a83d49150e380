import { redactSecrets } from "./redact.js";

const WINDOW_BEFORE = 120;
const WINDOW_AFTER = 180;
// Private-use characters around the match, so it can be found again in the redacted line; no
// secret pattern includes them, so they also keep a secret from swallowing the match.
const OPEN = "\ue000";
const CLOSE = "\ue001";

/**
 * The part of a line around a match, redacted and at most ~300 characters, for showing to people.
 * The whole line is masked first and cut after, so no cut can leave the tail of a secret that
 * began outside the window.
 */
export function evidenceFor(line: string, at: number, matchedText: string): string {
  const end = at + matchedText.length;
  const marked = `${line.slice(0, at)}${OPEN}${line.slice(at, end)}${CLOSE}${line.slice(end)}`;
  const redacted = redactSecrets(marked.replace(/\s+/g, " "));
  const open = Math.max(0, redacted.indexOf(OPEN));
  const close = Math.max(open, redacted.indexOf(CLOSE, open));
  const clean = redacted.replace(/[\ue000\ue001]/g, "");
  const start = Math.max(0, open - WINDOW_BEFORE);
  const stop = Math.min(clean.length, close - 1 + WINDOW_AFTER);
  const head = start > 0 ? "…" : "";
  const tail = stop < clean.length ? "…" : "";
  return `${head}${clean.slice(start, stop).trim()}${tail}`;
}
