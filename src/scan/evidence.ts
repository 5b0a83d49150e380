import { redactEvidence } from "./redact.js";

const WINDOW_BEFORE = 120;
const WINDOW_AFTER = 180;
// Redaction runs on a wider slice than is shown, so a secret cut by the slice edge is never shown half-masked.
const REDACT_MARGIN = 400;

/** The part of a line around a match, redacted and at most ~300 characters, for showing to people. */
export function evidenceFor(line: string, at: number, matchedText: string): string {
  const sliceStart = Math.max(0, at - REDACT_MARGIN);
  const slice = redactEvidence(line.slice(sliceStart, at + matchedText.length + REDACT_MARGIN));
  const relative = Math.max(0, slice.indexOf(matchedText, Math.max(0, at - sliceStart - 40)));
  const start = Math.max(0, relative - WINDOW_BEFORE);
  const end = Math.min(slice.length, relative + matchedText.length + WINDOW_AFTER);
  const head = sliceStart + start > 0 ? "…" : "";
  const tail = sliceStart + end < line.length ? "…" : "";
  return `${head}${slice.slice(start, end).trim()}${tail}`.replace(/\s+/g, " ");
}
