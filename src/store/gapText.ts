import { redactEvidence } from "../scan/redact.js";

/** Longest text kept of a query or a log that found nothing: enough to see what was asked, never a whole log. */
export const UNANSWERED_MAX_CHARS = 300;

/** What is stored of an unanswered query or scan: redacted first (so no secret is cut in half and kept), then capped. */
export function storableText(text: string): string {
  const head = text.slice(0, UNANSWERED_MAX_CHARS * 4);
  const redacted = redactEvidence(head).replace(/\s+/g, " ").trim();
  return redacted.length <= UNANSWERED_MAX_CHARS
    ? redacted
    : `${redacted.slice(0, UNANSWERED_MAX_CHARS - 1)}…`;
}

/** Queries that differ only in numbers, case or spacing fall in one group of the report. */
export function groupKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}
