import type { Finding } from "../scan/types.js";

// An error identifier as SDKs print them: upper-case words joined by underscores (ERR_INVALID_TOKEN,
// CAN_NOT_GET_GATEWAY_SERVER). One class repeated, linear on any line.
const ERROR_IDENTIFIER = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const ANY_IDENTIFIER = /[A-Za-z][A-Za-z0-9_]*(?:[.:][A-Za-z0-9_]+)*/g;

/**
 * The identifier a finding's line names: the name the scanner matched, else a name of the entry
 * written on the line, else, for a token error, the first error identifier on it (a Web
 * message's error class). Undefined when the line carries only a number.
 */
export function findingName(finding: Finding): string | undefined {
  if (finding.name !== undefined) return finding.name;
  const known = new Set(finding.entry.names.map((name) => name.name.toLowerCase()));
  for (const text of [finding.matchedText, finding.evidence]) {
    for (const match of text.matchAll(ANY_IDENTIFIER)) if (known.has(match[0].toLowerCase())) return match[0];
  }
  // A catalogue entry found by its message shares its line with other errors' names
  // (`CAN_NOT_GET_GATEWAY_SERVER: no active status`): the line's first one is not its own.
  if (finding.entry.depth === "catalogue") return undefined;
  for (const text of [finding.matchedText, finding.evidence]) {
    const first = text.match(ERROR_IDENTIFIER)?.[0];
    if (first !== undefined) return first;
  }
  return undefined;
}
