/** The most useful words about a failed Slack call: the API's error code, else the network error. */
export function describeError(error: unknown): string {
  if (error && typeof error === "object") {
    const data = "data" in error ? (error as { data?: { error?: string } }).data : undefined;
    if (data?.error) return data.error;
    if ("code" in error && "message" in error) return `${String(error.code)}: ${String(error.message)}`;
  }
  return error instanceof Error ? error.message : String(error);
}
