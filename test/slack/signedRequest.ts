import { createHmac } from "node:crypto";

export const SIGNING_SECRET = "8f742231b10e8888abcd99aaabbb85a5";

/** Signs a body the way Slack does: v0=HMAC-SHA256(secret, "v0:<timestamp>:<body>"). */
export function slackSignature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedPostOptions {
  contentType: "application/x-www-form-urlencoded" | "application/json";
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

export async function signedPost(url: string, body: string, options: SignedPostOptions): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": options.contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? slackSignature(body, timestamp),
      ...options.headers,
    },
    body,
  });
}

export function commandBody(text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: "legacy",
    team_id: "T1",
    channel_id: "C1",
    channel_name: "support",
    user_id: "U1",
    user_name: "dev",
    command: "/agora",
    text,
    api_app_id: "A1",
    trigger_id: "1.2.3",
    response_url: "",
    ...extra,
  }).toString();
}

export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let nextEvent = 0;
export function eventBody(event: Record<string, unknown>, eventId = `Ev${Date.now()}${nextEvent++}`): string {
  return JSON.stringify({
    token: "legacy",
    team_id: "T1",
    api_app_id: "A1",
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
    event,
  });
}
