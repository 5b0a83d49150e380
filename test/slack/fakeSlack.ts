import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export const BOT_TOKEN = "xoxb-test-token";
export const BOT_USER_ID = "UBOT";

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | undefined;
  /** When the fake sent its answer (`undefined` while a delayed answer is pending or the connection was dropped). */
  answeredAt?: number;
}

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * How the fake answers one Web API method: a body, or an HTTP status with headers; optionally
 * late (a slow Slack) or not at all (the connection is cut, as in a network failure).
 */
export type Responder = (params: Record<string, unknown>) => {
  status?: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
  delayMs?: number;
  dropConnection?: boolean;
};

/** A network failure: the connection is reset before any answer. */
export const dropConnection: Responder = () => ({ body: {}, dropConnection: true });

/**
 * A small Slack on 127.0.0.1: the Web API methods the bot uses (recording every call), private
 * files served only with the bot token, response_url endpoints, and a Socket Mode WebSocket.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  readonly acks: SocketAck[] = [];
  readonly fileDownloads: { path: string; authorized: boolean }[] = [];
  readonly files = new Map<string, string | Buffer>();
  /** What `files.info` returns, by file id. */
  readonly fileInfos = new Map<string, Record<string, unknown>>();
  readonly threads = new Map<string, Record<string, unknown>>();
  private readonly overrides = new Map<string, Responder[]>();
  private server: Server | undefined;
  private sockets: WebSocketServer | undefined;
  private socket: WebSocket | undefined;
  private socketReady: Promise<WebSocket> | undefined;
  private resolveSocket: ((socket: WebSocket) => void) | undefined;
  port = 0;

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  fileUrl(name: string): string {
    return `http://127.0.0.1:${this.port}/files/${name}`;
  }

  /** The next calls of `method` get these answers, in order; later calls get the default. */
  failNext(method: string, ...responders: Responder[]): void {
    this.overrides.set(method, [...(this.overrides.get(method) ?? []), ...responders]);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.writeHead(500);
        response.end(String(error));
      });
    });
    this.sockets = new WebSocketServer({ noServer: true });
    this.socketReady = new Promise((resolve) => {
      this.resolveSocket = resolve;
    });
    this.server.on("upgrade", (request, socket, head) => {
      this.sockets?.handleUpgrade(request, socket, head, (ws) => {
        this.socket = ws;
        ws.on("message", (data) => {
          const message = JSON.parse(String(data)) as SocketAck;
          if (message.envelope_id) this.acks.push(message);
        });
        ws.send(
          JSON.stringify({
            type: "hello",
            num_connections: 1,
            debug_info: { host: "fake" },
            connection_info: { app_id: "A1" },
          }),
        );
        this.resolveSocket?.(ws);
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const client of this.sockets?.clients ?? []) client.terminate();
    this.sockets?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Sends a Socket Mode envelope once the bot has connected. */
  async sendEnvelope(envelope: Record<string, unknown>): Promise<void> {
    const socket = this.socket ?? (await this.socketReady);
    socket?.send(JSON.stringify(envelope));
  }

  async waitForSocket(): Promise<void> {
    await this.socketReady;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const body = await readBody(request);
    if (url.pathname.startsWith("/files/")) {
      const authorized = request.headers.authorization === `Bearer ${BOT_TOKEN}`;
      this.fileDownloads.push({ path: url.pathname, authorized });
      const content = this.files.get(url.pathname.slice("/files/".length));
      if (!authorized || content === undefined) {
        response.writeHead(authorized ? 404 : 403);
        response.end();
        return;
      }
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(content);
      return;
    }
    if (url.pathname.startsWith("/response/")) {
      this.responses.push({ path: url.pathname, body: JSON.parse(body || "{}") as Record<string, unknown> });
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("ok");
      return;
    }
    if (url.pathname.startsWith("/api/")) {
      const method = url.pathname.slice("/api/".length);
      const params = parseParams(body, request.headers["content-type"]);
      const call: RecordedCall = { method, params, authorization: request.headers.authorization };
      this.calls.push(call);
      const override = this.overrides.get(method)?.shift();
      const answer = override ? override(params) : { body: this.defaultAnswer(method, params) };
      if (answer.dropConnection) {
        request.socket.destroy();
        return;
      }
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      response.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
      response.end(JSON.stringify(answer.body));
      call.answeredAt = Date.now();
      return;
    }
    response.writeHead(404);
    response.end();
  }

  private defaultAnswer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          user_id: BOT_USER_ID,
          bot_id: "BBOT",
          team_id: "T1",
          user: "agora-bot",
          url: "https://fake.slack.com/",
        };
      case "apps.connections.open":
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case "chat.postMessage":
        return {
          ok: true,
          channel: params.channel,
          ts: `${Date.now() / 1000}`,
          message: { text: params.text },
        };
      case "conversations.replies": {
        const parent = this.threads.get(String(params.ts));
        return parent ? { ok: true, messages: [parent] } : { ok: false, error: "thread_not_found" };
      }
      case "files.info": {
        const file = this.fileInfos.get(String(params.file));
        return file ? { ok: true, file } : { ok: false, error: "file_not_found" };
      }
      default:
        return { ok: true };
    }
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

function parseParams(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes("application/json")) return JSON.parse(body || "{}") as Record<string, unknown>;
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    params[key] =
      ((key === "blocks" || key === "view") && value.startsWith("[")) || value.startsWith("{")
        ? safeParse(value)
        : value;
  }
  return params;
}

function safeParse(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Waits until `check` returns a value, polling; fails after `timeoutMs` with what was last seen. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  timeoutMs = 5000,
  what = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
