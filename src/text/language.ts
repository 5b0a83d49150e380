export type Lang = "en" | "zh";

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * The language a piece of text is written in, or `undefined` when it gives no sign (a bare
 * code or identifier), so the caller's default decides.
 */
export function detectLanguage(text: string): Lang | undefined {
  if (HAN.test(text)) return "zh";
  return undefined;
}

/** True when the text reads as English prose rather than a code or one identifier. */
export function looksLikeEnglishProse(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => LATIN_WORD.test(word));
  return words.length >= 2;
}

export function isLang(value: string): value is Lang {
  return value === "en" || value === "zh";
}
