import { CODE_CONTEXT_WORDS } from "../index/vocabulary.js";

/**
 * Splits a short query into tokens: identifiers (with `.`, `:`, `-` and `_` inside), numbers
 * (with an optional `#` or `-`), and runs of Han characters. Linear: each pattern is a single
 * character class repeated, so no input can make it backtrack.
 */
export interface QueryToken {
  readonly text: string;
  readonly start: number;
}

// A colon joins names (`rtcEngine:tokenPrivilegeWillExpire:`) but not a name and a number (`onError:101`).
const TOKEN =
  /#?-?[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+|:[A-Za-z_][A-Za-z0-9_]*)*|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

export function tokenizeQuery(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  const text = query.normalize("NFKC");
  // `exec` on the shared pattern: `matchAll` would copy the pattern on every call.
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match; match = TOKEN.exec(text)) {
    // A code then a colon then words ("101：App ID 无效") is the code and the words.
    const colon = match[0].indexOf(":");
    if (colon > 0 && NUMBER.test(match[0].slice(0, colon))) {
      tokens.push({ text: match[0].slice(0, colon), start: match.index });
      tokens.push({ text: match[0].slice(colon + 1), start: match.index + colon + 1 });
    } else tokens.push({ text: match[0], start: match.index });
  }
  return tokens;
}

const NUMBER = /^#?(-?)(\d{1,9})$/;

export interface NumberToken {
  readonly value: number;
  readonly negative: boolean;
  readonly hash: boolean;
}

export function parseNumberToken(text: string): NumberToken | undefined {
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  return { value: Number(match[2]), negative: match[1] === "-", hash: text.startsWith("#") };
}

export { CODE_CONTEXT_WORDS };

/** Words that may stand beside codes in a code-only query ("error 109 and 110", "110 是什么"). */
export const CODE_FILLER_WORDS = new Set([
  ...CODE_CONTEXT_WORDS,
  "and",
  "or",
  "vs",
  "what",
  "is",
  "means",
  "mean",
  "meaning",
  "agora",
  "sdk",
  "rtc",
  "web",
  "native",
  "android",
  "ios",
  "zh",
  "en",
  "是什么",
  "什么意思",
  "是什么意思",
  "是",
  "什么",
  "意思",
  "和",
  "码",
]);
