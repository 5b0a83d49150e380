/**
 * Characters that change how text looks without being seen: zero-width spaces and joiners, the
 * bidirectional overrides and isolates (U+202E turns `gpj.exe` around), the word joiner, the soft
 * hyphen and a stray byte-order mark. Echoed back, they hide or disguise what was pasted, and
 * inside a token they split it, so they are removed before text is shown or redacted.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}
