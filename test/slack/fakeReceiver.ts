import type { App, Receiver, ReceiverEvent } from "@slack/bolt";

/** What the bot acknowledged a payload with: `acked` is false when it never acknowledged. */
export interface Delivery {
  readonly acked: boolean;
  readonly response: unknown;
}

/**
 * A receiver in the style of bolt-js's own test FakeReceiver: payloads go straight to the real
 * Bolt App and its listeners, with no HTTP or socket, and the acknowledgement comes back to the
 * test. The Web API calls listeners make still go to the fake Slack over real HTTP.
 */
export class FakeReceiver implements Receiver {
  private app: App | undefined;

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Delivers one payload as Slack would and resolves once every listener it reached has finished. */
  async send(body: Record<string, unknown>, retryNum?: number): Promise<Delivery> {
    if (!this.app) throw new Error("FakeReceiver: the app has not been initialised");
    let acked = false;
    let response: unknown;
    const event: ReceiverEvent = {
      body,
      ack: async (payload?: unknown) => {
        acked = true;
        response = payload;
      },
      ...(retryNum === undefined ? {} : { retryNum, retryReason: "http_timeout" }),
    };
    await this.app.processEvent(event);
    return { acked, response };
  }
}

let nextEvent = 1;

/** Builders for the payloads Slack sends, as objects (what Bolt parses a request into). */
export const payloads = {
  command(text: string, extra: Record<string, string> = {}) {
    return {
      command: "/agora",
      text,
      user_id: "U1",
      user_name: "dana",
      channel_id: "C1",
      team_id: "T1",
      api_app_id: "A1",
      trigger_id: "1",
      token: "legacy",
      ...extra,
    };
  },
  event(event: Record<string, unknown>, eventId = `EvFake${nextEvent++}`) {
    return {
      token: "legacy",
      team_id: "T1",
      api_app_id: "A1",
      type: "event_callback",
      event_id: eventId,
      event_time: 1,
      authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
      event,
    };
  },
  click(
    action: { action_id: string | undefined; value: string | undefined; block_id: string },
    where: { user: string; channel?: string; responseUrl: string },
  ) {
    return {
      type: "block_actions",
      user: { id: where.user },
      ...(where.channel === undefined ? {} : { channel: { id: where.channel } }),
      team: { id: "T1" },
      api_app_id: "A1",
      response_url: where.responseUrl,
      trigger_id: "1",
      actions: [{ ...action, type: "button" }],
    };
  },
};
