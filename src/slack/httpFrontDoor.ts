import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

export const EVENTS_PATH = "/slack/events";
export const HEALTH_PATH = "/healthz";
const HANDLER_WAIT_MS = 10_000;

/**
 * The HTTP server in front of Bolt's receiver. It listens (and answers /healthz) as soon as the
 * knowledge is loaded, before Bolt has finished loading, and hands Slack's requests to the
 * receiver once it is ready; requests that arrive earlier wait for it.
 */
export interface HttpFrontDoor {
  readonly port: number;
  setHandler(listener: RequestListener): void;
  close(): Promise<void>;
}

export async function openHttpFrontDoor(port: number, knowledgeEntries: number): Promise<HttpFrontDoor> {
  let handler: RequestListener | undefined;
  let announceReady: (listener: RequestListener) => void = () => undefined;
  const ready = new Promise<RequestListener>((resolve) => {
    announceReady = resolve;
  });
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.method === "GET" && request.url?.split("?")[0] === HEALTH_PATH) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: true, entries: knowledgeEntries }));
      return;
    }
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
  });
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
