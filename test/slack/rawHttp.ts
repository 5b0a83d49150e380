import { connect, type Socket } from "node:net";

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  /** When the server closed the connection, if it did. */
  closedAt?: number;
}

/**
 * Sends `head` (request line and headers, without the blank line) and `body` over a plain socket
 * and reads the status and headers of the answer: unlike fetch, it can send any method, path and
 * headers, keep writing after the server has answered, and see a server that answers early.
 */
export function rawRequest(port: number, head: string, body: string | Buffer = ""): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    socket.setEncoding("latin1");
    socket.on("error", () => undefined);
    socket.on("data", (chunk: string) => {
      received += chunk;
      const end = received.indexOf("\r\n\r\n");
      if (end < 0) return;
      const [statusLine = "", ...lines] = received.slice(0, end).split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(":");
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(" ")[1]), headers });
      socket.destroy();
    });
    socket.on("close", () =>
      reject(
        new Error(
          `${head.split("\r\n").slice(0, 3).join(" | ")}: closed without an answer: ${JSON.stringify(received)}`,
        ),
      ),
    );
    socket.on("connect", () => {
      socket.write(`${head}\r\nhost: 127.0.0.1\r\n\r\n`);
      if (body.length > 0) socket.write(body);
    });
  });
}

/**
 * A client that starts a request and never finishes it: stops in the middle of its headers, or
 * sends headers announcing a body and then only part of it. Resolves with when the server hung up.
 */
export function slowClient(
  port: number,
  stall: "headers" | "body",
): { closed: Promise<number>; socket: Socket } {
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => undefined);
  // Read what the server sends (its 408), or the socket never sees the server hang up.
  socket.resume();
  socket.on("connect", () => {
    if (stall === "headers") socket.write("POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\nx-slack-");
    else
      socket.write('POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 1000\r\n\r\n{"type":');
  });
  const closed = new Promise<number>((resolve) => socket.on("close", () => resolve(Date.now())));
  return { closed, socket };
}
