import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQueryString } from "node:querystring";

/**
 * Limits on what a request to the Slack endpoint may cost before it is known to come from Slack.
 * The body cap holds Slack's largest payload (a 40,000-character message, repeated in its rich-text
 * blocks and escaped) with room to spare; a body without a plausible signature is only read as far
 * as an `ssl_check` needs; the shared budget bounds the memory of many bodies arriving at once.
 */
export interface RequestLimits {
  readonly maxBodyBytes: number;
  readonly maxUnsignedBodyBytes: number;
  readonly bufferedBytesBudget: number;
  /** How far a request's timestamp may be from now, either way. */
  readonly maxClockSkewSeconds: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  maxBodyBytes: 512 * 1024,
  maxUnsignedBodyBytes: 1024,
  bufferedBytesBudget: 16 * 1024 * 1024,
  maxClockSkewSeconds: 5 * 60,
};

const SIGNATURE_SHAPE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP_SHAPE = /^\d{1,12}$/;

/** Why a request was turned away, as an HTTP status and a line for the log. */
export interface Refusal {
  readonly status: 400 | 401 | 413 | 503;
  readonly reason: string;
}

/**
 * Reads and checks a POST to the Slack endpoint before Bolt sees it: refuses an oversized,
 * unsigned, stale, future-dated or forged request as early as its headers allow, and a body that
 * is not a JSON object. An accepted body is left on `request.rawBody`, where Bolt's receiver reads
 * it instead of reading the stream again.
 */
export class SlackRequestGate {
  private bufferedBytes = 0;

  constructor(
    private readonly signingSecret: string,
    private readonly limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  async admit(request: IncomingMessage): Promise<Refusal | undefined> {
    const declaredLength = Number(request.headers["content-length"] ?? 0);
    if (declaredLength > this.limits.maxBodyBytes) {
      return { status: 413, reason: `body of ${declaredLength} bytes is over the cap` };
    }
    const signature = singleHeader(request, "x-slack-signature");
    const timestamp = singleHeader(request, "x-slack-request-timestamp");
    const signed = signature !== undefined && SIGNATURE_SHAPE.test(signature);
    if (signed) {
      if (timestamp === undefined || !TIMESTAMP_SHAPE.test(timestamp)) {
        return { status: 401, reason: "missing or malformed request timestamp" };
      }
      const skew = Math.abs(this.now() / 1000 - Number(timestamp));
      if (skew > this.limits.maxClockSkewSeconds) {
        return { status: 401, reason: `request timestamp is ${Math.round(skew)} s away from now` };
      }
    }
    const cap = signed ? this.limits.maxBodyBytes : this.limits.maxUnsignedBodyBytes;
    if (!signed && declaredLength > cap) return { status: 401, reason: "unsigned request" };

    const read = await this.readBody(request, cap);
    if ("status" in read) return signed ? read : { status: 401, reason: "unsigned request" };
    const rawBody = read.body;
    const text = rawBody.toString("utf8");
    const form = isForm(request);
    if (!signed) {
      // Slack's certificate check is the one request Bolt takes unsigned; anything else needs a signature.
      if (form && parseQueryString(text).ssl_check === "1") {
        Object.assign(request, { rawBody });
        return undefined;
      }
      return { status: 401, reason: "unsigned request" };
    }
    if (!signatureMatches(this.signingSecret, signature, timestamp ?? "", rawBody)) {
      return { status: 401, reason: "signature mismatch" };
    }
    if (!isJsonObjectBody(text, form)) return { status: 400, reason: "body is not a JSON object" };
    Object.assign(request, { rawBody });
    return undefined;
  }

  /** Reads at most `cap` bytes, drawing on the shared budget while reading and giving it back after. */
  private readBody(request: IncomingMessage, cap: number): Promise<{ body: Buffer } | Refusal> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let length = 0;
      let done = false;
      const finish = (outcome: { body: Buffer } | Refusal) => {
        if (done) return;
        done = true;
        this.bufferedBytes -= length;
        request.off("data", onData);
        request.off("end", onEnd);
        request.off("error", onError);
        request.off("close", onError);
        resolve(outcome);
      };
      const onData = (chunk: Buffer) => {
        length += chunk.length;
        this.bufferedBytes += chunk.length;
        if (length > cap) finish({ status: 413, reason: `body over the cap of ${cap} bytes` });
        else if (this.bufferedBytes > this.limits.bufferedBytesBudget) {
          finish({ status: 503, reason: "too many request bodies in flight" });
        } else chunks.push(chunk);
      };
      const onEnd = () => finish({ body: Buffer.concat(chunks) });
      const onError = () => finish({ status: 400, reason: "the request was cut off" });
      request.on("data", onData);
      request.on("end", onEnd);
      request.on("error", onError);
      request.on("close", onError);
    });
  }
}

function singleHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

// Exactly as Bolt decides it, so both read the body the same way.
function isForm(request: IncomingMessage): boolean {
  return request.headers["content-type"] === "application/x-www-form-urlencoded";
}

function signatureMatches(secret: string, signature: string, timestamp: string, body: Buffer): boolean {
  const expected = Buffer.from(
    `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:`).update(body).digest("hex")}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A command is a plain form; every other payload is a JSON object, bare or in the form's `payload`. */
function isJsonObjectBody(text: string, form: boolean): boolean {
  let json = text;
  if (form) {
    const payload = parseQueryString(text).payload;
    if (payload === undefined) return true;
    if (typeof payload !== "string") return false;
    json = payload;
  }
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Sends a refusal with no body. The connection stays open: Node discards the rest of an unread body
 * as it arrives (the request timeout bounds a slow one), where closing at once would reset the
 * connection and lose the answer before the client reads it.
 */
export function refuse(response: ServerResponse, refusal: Refusal): void {
  if (response.headersSent) return;
  response.writeHead(refusal.status, refusal.status === 503 ? { "retry-after": "1" } : {});
  response.end();
}
