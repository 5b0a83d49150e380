/**
 * Socket Mode envelopes and the payloads inside them, as Slack sends them: one builder for each
 * kind, so every test speaks the same protocol.
 */

/** An Events API envelope around one event; a retry carries Slack's attempt number and reason. */
export function eventEnvelope(
  envelopeId: string,
  eventId: string,
  event: Record<string, unknown>,
  retry = 0,
) {
  return {
    envelope_id: envelopeId,
    type: "events_api",
    accepts_response_payload: false,
    retry_attempt: retry,
    retry_reason: retry > 0 ? "timeout" : "",
    payload: {
      token: "legacy",
      team_id: "T1",
      api_app_id: "A1",
      type: "event_callback",
      event_id: eventId,
      event_time: 1,
      authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
      event,
    },
  };
}

/** `/agora <text>` over the socket: Slack expects the reply as the ack's payload. */
export function commandEnvelope(envelopeId: string, text: string, responseUrl?: string) {
  return {
    envelope_id: envelopeId,
    type: "slash_commands",
    accepts_response_payload: true,
    payload: {
      command: "/agora",
      text,
      user_id: "U1",
      channel_id: "C1",
      team_id: "T1",
      ...(responseUrl === undefined ? {} : { response_url: responseUrl }),
      trigger_id: "1",
      api_app_id: "A1",
    },
  };
}

/** A block action, shortcut or other interaction over the socket. */
export function interactiveEnvelope(envelopeId: string, payload: Record<string, unknown>) {
  return { envelope_id: envelopeId, type: "interactive", accepts_response_payload: false, payload };
}

/** The "Diagnose Agora errors" message shortcut used on someone else's message. */
export function diagnoseShortcutPayload(options: {
  channel: string;
  ts: string;
  text: string;
  responseUrl?: string;
}) {
  return {
    type: "message_action",
    callback_id: "diagnose_agora_errors",
    user: { id: "U1" },
    channel: { id: options.channel },
    team: { id: "T1" },
    trigger_id: "1",
    ...(options.responseUrl === undefined ? {} : { response_url: options.responseUrl }),
    message_ts: options.ts,
    message: { type: "message", user: "U2", ts: options.ts, text: options.text },
  };
}
