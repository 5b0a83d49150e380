import { z } from "zod";
import type { Lang } from "../../text/language.js";

/**
 * What an answer button (Share, "did you mean") carries: enough to rebuild the same answer.
 * `q` is the query, or `entry:<id>` for a suggested entry; `l` the answer's language.
 */
const answerButtonValueSchema = z.object({ q: z.string(), l: z.enum(["en", "zh"]) });
export type AnswerButtonValue = { q: string; l: Lang };

/** Slack caps a button value at 2,000 characters; the query is cut well inside that. */
const MAX_QUERY_CHARS = 1500;

export function encodeButtonValue(value: AnswerButtonValue): string {
  return JSON.stringify({ q: value.q.slice(0, MAX_QUERY_CHARS), l: value.l });
}

/** Button values come back from the client: anything that is not a value we wrote is undefined. */
export function decodeButtonValue(text: string | undefined): AnswerButtonValue | undefined {
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = answerButtonValueSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** What a listing button carries: the category (empty for all of them), the page and the language. */
const listButtonValueSchema = z.object({
  c: z.string().max(100),
  p: z.number().int().min(0).max(1000),
  l: z.enum(["en", "zh"]),
});
export type ListButtonValue = { c: string; p: number; l: Lang };

export function encodeListValue(value: ListButtonValue): string {
  return JSON.stringify(value);
}

/** A listing button's value as it comes back from the client; undefined unless it is one we wrote. */
export function decodeListValue(text: string | undefined): ListButtonValue | undefined {
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = listButtonValueSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
