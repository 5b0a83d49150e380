/** Button values are JSON the bot wrote itself, but they come back from the client: parse defensively. */
export function safeJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
