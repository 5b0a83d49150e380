/**
 * Masks secrets in text shown back to people: Agora tokens, App IDs and certificates, Slack
 * tokens, bearer tokens and e-mail addresses keep a short prefix so they stay recognisable.
 * Every pattern is a single character class repeated after a fixed prefix, so each runs in
 * linear time; e-mails are found by scanning around each `@` instead of a backtracking regex.
 */
const MASK = "••••";

const RULES: readonly [RegExp, (match: string, ...groups: string[]) => string][] = [
  // Agora AccessToken (006…) and AccessToken2 (007…): long base64 after the version prefix.
  [/\b00[67][A-Za-z0-9+/=]{20,}/g, (match) => `${match.slice(0, 7)}${MASK}`],
  // Slack tokens: bot, user, app-level, refresh, config.
  [/\bx(?:ox[abposr]|app)-[A-Za-z0-9-]{4,}/g, (match) => `${match.slice(0, match.indexOf("-") + 1)}${MASK}`],
  [/\b([Bb]earer\s+)[A-Za-z0-9._~+/=-]{6,}/g, (_match, prefix = "") => `${prefix}${MASK}`],
  // App IDs and App Certificates are 32 hex digits.
  [/\b[0-9a-fA-F]{32}\b/g, (match) => `${match.slice(0, 4)}${MASK}`],
];

export function redactEvidence(text: string): string {
  let redacted = text;
  for (const [pattern, replace] of RULES) redacted = redacted.replace(pattern, replace);
  return redactEmails(redacted);
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;

function redactEmails(text: string): string {
  if (!text.includes("@")) return text;
  let out = "";
  let copied = 0;
  let at = text.indexOf("@");
  while (at >= 0) {
    let start = at;
    while (start > copied && LOCAL_CHAR.test(text[start - 1] ?? "")) start--;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text[end] ?? "")) end++;
    const domain = text.slice(at + 1, end);
    if (start < at && /\.[A-Za-z]{2,}$/.test(domain)) {
      out += `${text.slice(copied, start + 1)}${MASK}@${domain}`;
      copied = end;
    }
    at = text.indexOf("@", Math.max(end, at + 1));
  }
  return out + text.slice(copied);
}
