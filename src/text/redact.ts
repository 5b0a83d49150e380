import { stripInvisible } from "./invisible.js";

/**
 * Masks secrets in text shown back to people (evidence, echoed queries, file names), keeping a
 * short prefix and the kind, as in `007eJx…[token]`, so the reader still sees what was there.
 *
 * Secrets reach logs in every encoding a program can give them, so each rule reads a token's
 * characters with JSON's `\/` and URL encoding's `%2F` as part of it, and none needs a word
 * boundary (`accessToken007…` is a token glued to a word). Invisible characters are removed first,
 * so a zero-width space cannot split a token. Every rule is a prefix and one repeated character
 * set, or a scan around one character, so each runs in linear time.
 */
const ELLIPSIS = "…";

function mask(kept: string, kind: string): string {
  return `${kept}${ELLIPSIS}[${kind}]`;
}

/** One character of a base64 / base64url / URL-safe secret, in plain, JSON-escaped or URL-encoded form. */
const SECRET_CHAR = String.raw`(?:[A-Za-z0-9+/=_\-]|%[0-9A-Fa-f]{2}|\\/)`;
// Runs shorter than any rule masks are left to the regex engine, which passes them without a call.
const SECRET_RUN = new RegExp(`${SECRET_CHAR}{12,}`, "g");

type Rule = readonly [RegExp, (match: string, ...groups: string[]) => string];

const RULES: readonly Rule[] = [
  // Credentials in a URL: scheme://user:password@host.
  [
    /\b([a-z][a-z0-9+.-]{0,30}:\/\/)([^\s/?#@:]+):([^\s/?#@]+)@/gi,
    (_m, scheme = "", user = "") => `${scheme}${mask(user.slice(0, 1), "credentials")}@`,
  ],
  // Slack incoming webhooks carry their secret in the path.
  [
    /\bhttps?:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/gi,
    () => `https://hooks.slack.com/${mask("", "slack-webhook")}`,
  ],
  // HTTP authorization schemes, any case: the credential follows the scheme word ("Basic Information" is prose).
  [
    /\b(bearer|basic)(\s{1,4}|%20|\+)([A-Za-z0-9._~+/=\\%-]{8,})/gi,
    (match, scheme = "", gap = "", credential = "") =>
      /^[A-Z]?[a-z]+$/.test(credential)
        ? match
        : `${scheme}${gap}${scheme.toLowerCase() === "basic" ? mask("", "basic-auth") : mask(credential.match(/^(?:eyJ|00[67]eJx|00[67])/)?.[0] ?? "", "token")}`,
  ],
  // Slack tokens: bot, user, app-level, refresh (xoxe), configuration; and GitHub / Stripe style keys.
  [
    /xox[a-z](?:\.xox[a-z])?-[A-Za-z0-9-]{4,}|xapp-[A-Za-z0-9-]{4,}/gi,
    (match) => mask(match.slice(0, match.indexOf("-") + 1), "slack-token"),
  ],
  [
    /\b(?:gh[pousr]_|github_pat_|[sr]k_(?:live|test)_)[A-Za-z0-9_]{16,}/g,
    (match) => mask(match.slice(0, 4), "key"),
  ],
  // JSON Web Tokens: header.payload.signature, the first two base64url JSON objects ("eyJ"). Only
  // at the start of a run, so a run of "eyJeyJ…" is read once, not once per "eyJ".
  [
    /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]*(?:\.|%2E)eyJ[A-Za-z0-9_-]*(?:(?:\.|%2E)[A-Za-z0-9_-]*)?/g,
    () => mask("eyJ", "jwt"),
  ],
  // Agora AccessToken (006…) and AccessToken2 (007…): long base64 after the version prefix.
  [new RegExp(`00[67]${SECRET_CHAR}{12,}`, "g"), (match) => mask(match.slice(0, 6), "token")],
  // AWS access key IDs.
  [/\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b/g, (match) => mask(match.slice(0, 4), "aws-key")],
  // A secret named as one: password=…, "app_certificate": "…", secret: …, token=… (not token=null).
  [
    /\b([A-Za-z_]*(?:passw(?:or)?d|pwd|passphrase|secret|certificate|api[_-]?key|access[_-]?key|private[_-]?key|token|credential)s?)(\\?["']?\s*[:=]\s*)("[^"\n]{0,200}"|'[^'\n]{0,200}'|\\"(?:[^"\n\\]|\\[^"]){0,200}\\"|[^\s"'\\,;&}<>)\]]+)/gi,
    (match, key = "", between = "", value = "") => {
      const bare = value.replace(/^\\?["']|\\?["']$/g, "");
      const password = /passw|pwd|passphrase/i.test(key);
      if (!(password ? isPasswordValue(bare) : isSecretValue(bare))) return match;
      const quote = value.startsWith("\\") ? '\\"' : /^["']/.test(value) ? (value[0] ?? "") : "";
      return `${key}${between}${quote}${mask("", password ? "password" : "secret")}${quote}`;
    },
  ],
  // A URL-encoded e-mail address (user%40host); plain ones are found around their "@" below.
  [
    /(?<![A-Za-z0-9._+-])[A-Za-z0-9._+-]+%40[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    (match) => mask(match.slice(0, 1), "email"),
  ],
  // App IDs and App Certificates are 32 hex digits; two run together, or one misread, are longer.
  [/[0-9a-fA-F]{32,}/g, (match) => mask(match.slice(0, 4), "app-id")],
];

const NOT_A_VALUE = /^(?:null|undefined|none|nil|true|false|empty|expired|invalid|[*.•x]+)$/i;

/** After a password key anything but a placeholder is the password; code ("$pwd", "{") is not. */
function isPasswordValue(value: string): boolean {
  return (
    value.length >= 3 && !value.includes(ELLIPSIS) && !NOT_A_VALUE.test(value) && !/^[{[($<]/.test(value)
  );
}

/** After "token" or "secret" a value is one only if it looks made, not written: long, with a digit or both cases. */
function isSecretValue(value: string): boolean {
  return (
    value.length >= 8 &&
    !value.includes(ELLIPSIS) &&
    !NOT_A_VALUE.test(value) &&
    !/^[{[($<]/.test(value) &&
    (/\d/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value))) &&
    !/^[A-Za-z]+(?:[A-Z][a-z]+)*(?:\(|:)/.test(value)
  );
}

/** Digits of a phone number: an international number, or a US or Chinese mobile layout. */
const PHONE =
  /(?<![\w.+-])(?:\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)|\d{1,4})(?:[\s.-]?\d{2,4}){2,4}|\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4}|1[3-9]\d{9})(?![\w.-]*\d)/g;

export function redactSecrets(text: string): string {
  let redacted = stripInvisible(text);
  for (const [pattern, replace] of RULES) redacted = redacted.replace(pattern, replace);
  redacted = redactRandomRuns(redacted);
  redacted = redactEmails(redacted);
  return redacted.replace(PHONE, (match) => mask(match.slice(0, 2), "phone"));
}

/** The name evidence has always used. */
export const redactEvidence = redactSecrets;

/**
 * A secret of no known shape (a token without its prefix, the second line of a token split in
 * two, an API key) is a long run of base64 characters that changes between upper case, lower
 * case and digits far more often than any word, path or identifier does. A run that is a whole
 * line on its own (the tail of a wrapped token) counts from a shorter length.
 */
function redactRandomRuns(text: string): string {
  return text.replace(SECRET_RUN, (run, offset: number) => {
    const wholeLine =
      (offset === 0 || /[\n\r]\s*$/.test(text.slice(Math.max(0, offset - 8), offset))) &&
      /^\s*(?:[\r\n]|$)/.test(text.slice(offset + run.length, offset + run.length + 8));
    const random = wholeLine
      ? looksRandom(run, WHOLE_LINE_MIN_LENGTH, WHOLE_LINE_MAX_WORDY)
      : looksRandom(run, IN_LINE_MIN_LENGTH, IN_LINE_MAX_WORDY);
    return random ? mask(run.slice(0, 4), "secret") : run;
  });
}

const WHOLE_LINE_MIN_LENGTH = 12;
const IN_LINE_MIN_LENGTH = 16;
// A line that is one run and nothing else (the second half of a wrapped token) is rarely a word:
// it may look more word-like before it counts as one.
const WHOLE_LINE_MAX_WORDY = 0.6;
const IN_LINE_MAX_WORDY = 0.45;

function looksRandom(run: string, minLength: number, maxWordy: number): boolean {
  if (run.length < minLength) return false;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let switches = 0;
  let previous = "";
  for (const char of run) {
    const kind =
      char >= "A" && char <= "Z"
        ? "A"
        : char >= "a" && char <= "z"
          ? "a"
          : char >= "0" && char <= "9"
            ? "0"
            : "-";
    if (kind === "A") upper++;
    else if (kind === "a") lower++;
    else if (kind === "0") digits++;
    if (previous !== "" && kind !== previous) switches++;
    previous = kind;
  }
  const switchRate = switches / run.length;
  if (upper < 2 || lower < 2 || switchRate < 0.3 || (digits === 0 && switchRate < 0.5)) return false;
  // Words ("Library", "Token") make up most of a path or an identifier and little of random text.
  let wordy = 0;
  for (const word of run.matchAll(WORD_LIKE)) wordy += word[0].length;
  return wordy / run.length < maxWordy;
}

const WORD_LIKE = /[A-Z]?[a-z]{3,}/g;

const LOCAL_CHAR = /[\p{L}\p{N}._%+!#$&'*=?^`{|}~-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;

/** E-mail addresses, found around each `@`: ASCII, non-ASCII and quoted local parts alike. */
function redactEmails(text: string): string {
  if (!text.includes("@")) return text;
  let out = "";
  let copied = 0;
  let at = text.indexOf("@");
  while (at >= 0) {
    let start = at;
    if (text[at - 1] === '"') {
      const open = text.lastIndexOf('"', at - 2);
      if (open >= copied && at - open <= 70) start = open;
    } else {
      while (start > copied && LOCAL_CHAR.test(text[start - 1] ?? "")) start--;
    }
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text[end] ?? "")) end++;
    while (end > at + 1 && text[end - 1] === ".") end--;
    const domain = text.slice(at + 1, end);
    if (start < at && /\.\p{L}{2,}$/u.test(domain)) {
      out += `${text.slice(copied, start)}${mask(text.slice(start, start + 1).replace('"', ""), "email")}`;
      copied = end;
    }
    at = text.indexOf("@", Math.max(end, at + 1));
  }
  return out + text.slice(copied);
}
