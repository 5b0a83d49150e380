import { redactSecrets } from "./redact.js";

const WINDOW_BEFORE = 120;
const WINDOW_AFTER = 180;
// How far past the window the masking looks for where a secret cut by the window begins or ends.
const SECRET_REACH = 4096;
// Private-use characters around the match, so it can be found again in the redacted line; no
// secret pattern includes them, so they also keep a secret from swallowing the match.
const OPEN = "\ue000";
const CLOSE = "\ue001";

/**
 * The part of a line around a match, redacted and at most ~300 characters, for showing to people.
 * Masking comes first and cutting after: the slice that is masked reaches out to the whitespace
 * around the window, so every secret the window touches is masked whole and no cut can leave its
 * tail. A run with no whitespace for SECRET_REACH characters is not shown at all where the window
 * cuts it. The work stays bounded however long the line is.
 */
export function evidenceFor(line: string, at: number, matchedText: string): string {
  const end = at + matchedText.length;
  const from = edgeBefore(line, Math.max(0, at - WINDOW_BEFORE - 40));
  const to = edgeAfter(line, Math.min(line.length, end + WINDOW_AFTER + 40));
  const marked = `${line.slice(from.at, at)}${OPEN}${line.slice(at, end)}${CLOSE}${line.slice(end, to.at)}`;
  const redacted = redactSecrets(marked).replace(/\s+/g, " ");
  const open = Math.max(0, redacted.indexOf(OPEN));
  const close = Math.max(open, redacted.indexOf(CLOSE, open));
  const clean = redacted.replace(/[\ue000\ue001]/g, "");
  let start = Math.max(0, open - WINDOW_BEFORE);
  let stop = Math.min(clean.length, close - 1 + WINDOW_AFTER);
  // Where the masked slice itself begins or ends inside a run too long to check, drop that run.
  if (!from.clean && start === 0) start = Math.min(open, nextSpace(clean, 0));
  if (!to.clean && stop === clean.length) stop = Math.max(close - 1, previousSpace(clean, clean.length));
  const head = from.at + start > 0 ? "…" : "";
  const tail = to.at < line.length || stop < clean.length ? "…" : "";
  return `${head}${clean.slice(start, stop).trim()}${tail}`;
}

/** Moves a cut left to whitespace (or the line's start); `clean` is false if none is near. */
function edgeBefore(line: string, position: number): { at: number; clean: boolean } {
  const limit = Math.max(0, position - SECRET_REACH);
  for (let at = position; at > limit; at--) if (/\s/.test(line[at - 1] ?? "")) return { at, clean: true };
  return { at: limit, clean: limit === 0 };
}

function edgeAfter(line: string, position: number): { at: number; clean: boolean } {
  const limit = Math.min(line.length, position + SECRET_REACH);
  for (let at = position; at < limit; at++) if (/\s/.test(line[at] ?? "")) return { at, clean: true };
  return { at: limit, clean: limit === line.length };
}

function nextSpace(text: string, from: number): number {
  const found = text.slice(from).search(/\s/);
  return found < 0 ? text.length : from + found;
}

function previousSpace(text: string, before: number): number {
  for (let at = before; at > 0; at--) if (/\s/.test(text[at - 1] ?? "")) return at;
  return 0;
}
