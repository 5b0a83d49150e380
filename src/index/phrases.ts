import type { Lang } from "../text/language.js";

/**
 * A keyword phrase split into terms. A query matches a phrase when every term appears in it,
 * in order: order is what tells "certificate on, no token" (120) from "no certificate, token" (119).
 */
export interface Phrase {
  readonly text: string;
  readonly lang: Lang;
  readonly terms: readonly Term[];
}

/** ASCII terms match whole query words (typos allowed); other terms match as substrings. */
export interface Term {
  readonly text: string;
  readonly ascii: boolean;
}

const ASCII_WORD = /^[a-z0-9']+$/;

export function splitPhrase(text: string, lang: Lang): Phrase {
  const normalized = normalizeProse(text);
  const terms = normalized
    .split(/\s+/)
    .filter(Boolean)
    .map((term) => ({ text: term, ascii: ASCII_WORD.test(term) }));
  return { text, lang, terms };
}

// Spellings people use for one thing, folded before matching so phrases need only one form.
// Each fold runs only when one of its trigger strings (which every match holds) is in the text.
const FOLDS: readonly [readonly string[], RegExp, string][] = [
  [["app"], /\bapp[\s_-]?ids?\b/g, "appid"],
  [["app"], /\bapp[\s_-]?certificates?\b/g, "certificate"],
  [["cert"], /\bcert(?:s|ificates)?\b/g, "certificate"],
  [["token"], /\btokens\b|\btoken's/g, "token"],
  [["keys"], /\bkeys\b/g, "key"],
  [["app"], /\bapp\s*证书/g, "证书"],
  [["令牌"], /令牌/g, "token"],
  // Ways of saying two things differ, read as the keyword phrases' "mismatch".
  [
    ["differ", "same", "match"],
    /\b(?:is|are) different from\b|\bdiffers? from\b|\bis not the same as\b|\bdoes(?:n't| not) match\b|\bdon't match\b/g,
    "mismatch",
  ],
  [["不"], /不一样|不一致|不相同|对不上/g, " mismatch "],
  // Ways of saying a token ran out, read as "expired".
  [
    [" out", "expiry", "longer"],
    /\b(?:ran|run|runs) out\b|\bpast its expiry(?: time)?\b|\bno longer valid\b/g,
    "expired",
  ],
  [["有效期", "失效了"], /超过有效期|超出有效期|过了有效期|失效了/g, "过期"],
  // "about to expire", said the ways people say it.
  [["过期"], /就要过期|快要过期|马上过期|马上就过期/g, "快过期"],
];

/** NFKC, lower case, and the folds above: the one form both phrases and queries are read in. */
export function normalizeProse(text: string): string {
  let normalized = text.normalize("NFKC").toLowerCase();
  for (const [triggers, pattern, replacement] of FOLDS) {
    if (triggers.some((trigger) => normalized.includes(trigger)))
      normalized = normalized.replace(pattern, replacement);
  }
  return normalized;
}

// How people say two values are not the same, in English and Chinese, folded to one word so a
// phrase needs only "mismatch": "the uid differs", "does not match", "不一样", "对不上".
const NOT = "(?:not|never|n't|n[o']?t)";
// Each fold runs only when one of its trigger strings is in the text: most questions need none.
const SAME_MEANING: readonly [readonly string[], RegExp, string][] = [
  [["’", "‘", "`"], /[’‘`]/g, "'"],
  [["'s"], /\b([a-z]+)'s\b/g, "$1"],
  [
    ["diff", "match", "same", "consist", "equal", "identical", "other"],
    new RegExp(
      `\\b(?:different|differs?|differed|differing|mismatch(?:es|ed|ing)?|inconsistent|unmatched|(?:does|do|did|is|are|was|were)\\s*${NOT}\\s+(?:match(?:es|ed)?|the\\s+same|same|agree|correspond|equal|identical)|not\\s+(?:the\\s+)?same|not\\s+(?:match(?:ing)?|equal|identical)|other\\s+than|another)\\b`,
      "g",
    ),
    "mismatch",
  ],
  [
    ["不", "对不上", "另一个", "别的"],
    /不一样|不一致|不相同|不同|不匹配|对不上|不符|不是同一个?|不是一个|另一个|别的/g,
    " mismatch ",
  ],
  [["证书"], /证书/g, " certificate "],
  [[" out"], /\b(?:ran|run|runs|running)\s+out\b/g, "expired"],
  [["user", "uids"], /\buser[\s_-]?(?:ids?|accounts?)\b|\buids\b/g, "uid"],
  [["用户"], /用户\s*(?:id|账号|帐号)?/g, " uid "],
  [["channel"], /\bchannel[\s_-]?(?:names?|ids?)\b|\bchannels\b/g, "channel"],
  [["频道"], /频道(?:名称|名|号|\s*id)?/g, " channel "],
];

/**
 * {@link normalizeProse} plus the ways people say the same thing in a question ("differs",
 * "对不上" are "mismatch"; "user ID" and "用户" are "uid"; "channel name" and "频道" are
 * "channel"): lookup reads keyword phrases and questions in this form.
 */
export function normalizeQuestion(text: string): string {
  let normalized = normalizeProse(text);
  for (const [triggers, pattern, replacement] of SAME_MEANING) {
    if (triggers.some((trigger) => normalized.includes(trigger)))
      normalized = normalized.replace(pattern, replacement);
  }
  return normalized;
}
