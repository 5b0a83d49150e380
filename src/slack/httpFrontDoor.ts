import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { withinRequest } from "./requestContext.js";
import { DEFAULT_REQUEST_LIMITS, type RequestLimits, refuse, SlackRequestGate } from "./slackRequestGate.js";

export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";
const HANDLER_WAIT_MS = 10_000;

/** What the front door allows, per path; every other path is unknown. */
const ALLOWED_METHODS: Readonly<Record<string, readonly string[]>> = {
  [EVENTS_PATH]: ["POST"],
  [HEALTH_PATH]: ["GET", "HEAD"],
};

/**
 * Time limits for slow clients: Slack sends a whole request at once and gives up on an answer after
 * 3 s, so a client still sending headers or body after these is not Slack and only holds a socket.
 */
export interface FrontDoorLimits extends RequestLimits {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

export const DEFAULT_FRONT_DOOR_LIMITS: FrontDoorLimits = {
  ...DEFAULT_REQUEST_LIMITS,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
};

interface FrontDoorLog {
  warn(line: string): void;
  error(line: string): void;
}

/**
 * The HTTP server in front of Bolt's receiver. It listens (and answers /healthz) as soon as the
 * knowledge is loaded, before Bolt has finished loading, and hands Slack's requests to the
 * receiver once it is ready; requests that arrive earlier wait for it. Every other method and
 * path is answered here (404, 405), and a request reaches Bolt only once its signature holds.
 */
export interface HttpFrontDoor {
  readonly port: number;
  setHandler(listener: RequestListener): void;
  close(): Promise<void>;
}

export async function openHttpFrontDoor(
  port: number,
  knowledgeEntries: number,
  signingSecret: string,
  limits: FrontDoorLimits = DEFAULT_FRONT_DOOR_LIMITS,
  log: FrontDoorLog = console,
): Promise<HttpFrontDoor> {
  let handler: RequestListener | undefined;
  let announceReady: (listener: RequestListener) => void = () => undefined;
  const ready = new Promise<RequestListener>((resolve) => {
    announceReady = resolve;
  });
  const gate = new SlackRequestGate(signingSecret, limits);

  const handToBolt = (request: IncomingMessage, response: ServerResponse) => {
    if (handler) {
      handler(request, response);
      return;
    }
    const timer = setTimeout(() => {
      if (!response.headersSent) {
        response.writeHead(503, { "retry-after": "1" });
        response.end("starting");
      }
    }, HANDLER_WAIT_MS);
    void ready.then((listener) => {
      clearTimeout(timer);
      if (!response.headersSent) listener(request, response);
    });
  };

  const route = async (request: IncomingMessage, response: ServerResponse, path: string) => {
    const method = request.method ?? "";
    const allowed = ALLOWED_METHODS[path];
    if (!allowed) {
      answerPlain(response, 404, "not found");
      return;
    }
    if (!allowed.includes(method)) {
      answerPlain(response, 405, "method not allowed", { allow: allowed.join(", ") });
      return;
    }
    if (path === HEALTH_PATH) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: true, entries: knowledgeEntries }));
      return;
    }
    const refusal = await gate.admit(request);
    if (refusal) {
      log.warn(`refused ${method} ${path} with ${refusal.status}: ${refusal.reason}`);
      refuse(response, refusal);
      return;
    }
    handToBolt(request, response);
  };

  const server: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // How often the two timeouts above are checked (Node's default, 30 s, would let them slip).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (request: IncomingMessage, response: ServerResponse) => {
      const path = pathOf(request.url);
      const description = `${request.method ?? "?"} ${path ?? "(unreadable path)"}`;
      withinRequest(description, () => {
        const failed = (error: unknown) => {
          log.error(
            `unexpected error while handling ${description}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
          if (!response.headersSent) answerPlain(response, 500, "internal error");
          else response.end();
        };
        if (path === undefined) {
          answerPlain(response, 400, "bad request");
          return;
        }
        try {
          route(request, response, path).catch(failed);
        } catch (error) {
          failed(error);
        }
      });
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    setHandler(listener) {
      handler = listener;
      announceReady(listener);
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}

function pathOf(url: string | undefined): string | undefined {
  try {
    return new URL(url ?? "/", "http://localhost").pathname;
  } catch {
    return undefined;
  }
}

function answerPlain(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { "content-type": "text/plain", ...headers });
  response.end(text);
}
