import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { matchQuery } from "../../src/match/matchQuery.js";
import { redactEvidence } from "../../src/scan/redact.js";
import { scanLog, scanLogAsync } from "../../src/scan/scanLog.js";

const index = loadKnowledgeIndex();
const ids = (text: string) => scanLog(index, text).findings.map((finding) => finding.entry.id);
/** Token findings and other errors alike. */
const all = (text: string) => {
  const result = scanLog(index, text);
  return [...result.findings, ...result.otherErrors].map((finding) => finding.entry.id);
};

// Each rule is shown from both sides: the innocent form finds nothing, the error form finds the entry.
describe("a number is an error code only in an error context", () => {
  it.each([
    ["a timestamp", "10:11:09.110 joined", "10:11:09.110 onError: 110"],
    ["an IP address", "connect 118.190.148.38 error", "error: 110 connecting to 118.190.148.38"],
    ["a port", "listening on port 110", "onError 110"],
    ["a uid", "uid 110 joined", "join failed, errorCode=110"],
    ["a version", "sdk version 4.1.109", 'callback {"err": 109}'],
    ["an HTTP status", "statusCode 101 Switching Protocols", "engine error 101"],
    ["a duration", "error after 110ms", "error: 110 after 3 s"],
    ["a hex id", "error 0x109 in request", "error 109 in request"],
    ["an App ID containing 109", "appid 5e1094c0ffee00112233445566778899", "errno 109"],
  ])("%s", (_what, innocent, error) => {
    expect(ids(`I/agora: ${innocent}`)).toEqual([]);
    expect(ids(`I/agora: ${error}`).length).toBe(1);
  });
});

describe("Web-only codes need a Web context", () => {
  it("reads native onError 2 as ERR_INVALID_ARGUMENT (nothing), Web error_code 2 as token expiry", () => {
    expect(ids("11-24 10:11:09.651  4321  4411 E agora: onError: 2")).toEqual([]);
    expect(
      ids("Agora-SDK [WARNING]: unexpected response from type join, error_code: 2, message: fail"),
    ).toEqual(["token-expired"]);
  });
  it.each([118, 119, 120])("native onError %i is not a token error; the Web one is", (code) => {
    expect(ids(`11-24 10:11:09.651  4321  4411 E agora: onError: ${code}`)).toEqual([]);
    expect(ids(`Agora-SDK [WARNING]: unexpected response from type join, error_code: ${code}`)).toHaveLength(
      1,
    );
  });
  it("takes a named Web error as its own proof of a Web context", () => {
    expect(ids("11-24 I/agora: K_TIMESTAMP_EXPIRED")).toEqual(["token-expired"]);
  });
  it("needs an error word, not just 'code', for a Web-only number", () => {
    expect(ids('Agora-SDK [INFO]: ack {"code": 2}')).toEqual([]);
  });
  it("reads a negative return value as native only", () => {
    expect(ids("E/agora: joinChannel returned -110")).toEqual(["invalid-token"]);
    expect(ids("Agora-SDK [INFO]: result -118")).toEqual([]);
  });
});

describe("CAN_NOT_GET_GATEWAY_SERVER is decided by its reason", () => {
  const wrap = (reason: string) =>
    `AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: flag: 4096, message: AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: ${reason}`;
  it.each([
    ["invalid token, authorized failed", "invalid-token"],
    ["dynamic key expired", "token-expired"],
    ["dynamic key or token timeout", "token-expired"],
    ["dynamic use static key", "dynamic-use-static-key"],
    ["static use dynamic key", "static-use-dynamic-key"],
    ["invalid vendor key, can not find appid", "invalid-app-id"],
  ])("%s -> %s", (reason, id) => {
    expect(ids(wrap(reason))).toEqual([id]);
  });
  it.each(["no active status", "timeout of 5000ms exceeded", "Network Error"])("%s -> nothing", (reason) => {
    expect(ids(wrap(reason))).toEqual([]);
  });
});

describe("findings", () => {
  it("deduplicates, counts and orders errors before callbacks, then by first line", () => {
    const text = [
      "W agora: onRequestToken",
      "E agora: onError: 110",
      "E agora: onError: 101",
      "E agora: onError: 110",
    ].join("\n");
    const result = scanLog(index, `I/agora start\n${text}`);
    expect(result.findings.map((f) => [f.entry.id, f.lines, f.count])).toEqual([
      ["invalid-token", [3, 5], 2],
      ["invalid-app-id", [4], 1],
      ["token-privilege-did-expire", [2], 1],
    ]);
  });

  it("ignores a will-expire warning the app answered with renewToken, but not one it did not", () => {
    expect(ids("onTokenPrivilegeWillExpire\nrenewToken ret=0")).toEqual([]);
    expect(ids("onTokenPrivilegeWillExpire\nrenewToken failed: -110")).toContain(
      "token-privilege-will-expire",
    );
    expect(ids("onTokenPrivilegeWillExpire\nnothing else")).toEqual(["token-privilege-will-expire"]);
  });

  it("reads the whole input, the middle included", () => {
    const filler = "I/agora: all good\n".repeat(100_000);
    const text = `E/agora: onError: 110\n${filler}E/agora: onError: 109\n${filler}E/agora: onError: 101\n`;
    const result = scanLog(index, text);
    expect(result.cut).toBeUndefined();
    expect(result.findings.map((f) => [f.entry.id, f.lines[0]])).toEqual([
      ["invalid-token", 1],
      ["token-expired", 100_002],
      ["invalid-app-id", 200_003],
    ]);
  });

  it("scans a text in pieces with the same lines as the joined text", () => {
    const pieces = [
      "I/agora: start\nI/agora: more\n",
      "E/agora: onError: 110\nI/agora: x",
      "E/agora: onError: 101",
    ];
    const joined = "I/agora: start\nI/agora: more\nE/agora: onError: 110\nI/agora: x\nE/agora: onError: 101";
    const lines = (result: ReturnType<typeof scanLog>) => result.findings.map((f) => [f.entry.id, f.lines]);
    expect(lines(scanLog(index, pieces))).toEqual([
      ["invalid-token", [3]],
      ["invalid-app-id", [5]],
    ]);
    expect(lines(scanLog(index, pieces))).toEqual(lines(scanLog(index, joined)));
  });

  it("reads word anchors and negative codes in line order, whichever comes first", () => {
    const text = [
      "I/agora: ok",
      "E/agora: joinChannel returned -110",
      "E/agora: onError: 109",
      "E/agora: joinChannel returned -110 after onError: 109",
      "E/agora: RtcEngine.create returned -101",
      "I/agora: ok",
    ].join("\n");
    const lines = Object.fromEntries(
      scanLog(index, text).findings.map((finding) => [finding.entry.id, finding.lines]),
    );
    expect(lines).toEqual({ "invalid-token": [2, 4], "token-expired": [3, 4], "invalid-app-id": [5] });
  });

  it("gives the same result asynchronously", async () => {
    const text = `${"I/agora: ok\n".repeat(100_000)}E/agora: onError: 109\n`;
    expect(await scanLogAsync(index, text)).toEqual(scanLog(index, text));
  });
});

describe("evidence is redacted", () => {
  it.each([
    [
      "an Agora token",
      "token 006abcDEFghiJKLmnoPQRstuVWXyz0123456789+/abcdefghijklmnop",
      "006abcDEF",
      "006abc…[token]",
    ],
    ["an AccessToken2", "007eJxTYBBkmjFi+Xx7c19X6ZcjF6I0dJWcvB0xyz", "JxTYBBkmjFi", "007eJx…[token]"],
    ["an App ID", "appid 5e1094c0ffee00112233445566778899", "c0ffee0011", "5e10…[app-id]"],
    ["a Slack bot token", "xoxb-1234-5678-abcdefghijkl", "5678-abcdef", "xoxb-…[slack-token]"],
    ["a Slack app token", "xapp-1-A0-123-abcdef", "123-abcdef", "xapp-…[slack-token]"],
    ["a bearer token", "Authorization: Bearer abc.def.ghi123", "abc.def.ghi123", "Bearer …[token]"],
    ["an e-mail address", "contact bob.smith@example.com now", "ob.smith@", "b…[email]"],
  ])("%s", (_what, text, secret, masked) => {
    const redacted = redactEvidence(text);
    expect(redacted).not.toContain(secret);
    expect(redacted).toContain(masked);
  });

  it("redacts secrets on the evidence line of a finding", () => {
    const [finding] = scanLog(
      index,
      "E/agora: onError: 110 token=006abcDEFghiJKLmnoPQRstuVWXyz0123456789 appid=0123456789abcdef0123456789abcdef",
    ).findings;
    expect(finding?.evidence).toContain("onError: 110");
    expect(finding?.evidence).not.toContain("0123456789abcdef0123456789abcdef");
    expect(finding?.evidence).not.toContain("ghiJKL");
  });

  it("shortens a very long evidence line around the match", () => {
    const [finding] = scanLog(
      index,
      `E/agora: ${"x".repeat(5000)} onError: 110 ${"y".repeat(5000)}`,
    ).findings;
    expect(finding?.evidence.length).toBeLessThanOrEqual(320);
    expect(finding?.evidence).toContain("onError: 110");
  });
});

describe("Web 4.x TOKEN_EXPIRE: dynamic key expired is the gateway's 110", () => {
  it("leads scan and lookup alike with the invalid token", () => {
    const line = "Agora-SDK [ERROR]: join failed AgoraRTCError TOKEN_EXPIRE: dynamic key expired";
    expect(ids(line)).toEqual(["invalid-token"]);
    expect(matchQuery(index, "TOKEN_EXPIRE").matches[0]?.entry.id).toBe("invalid-token");
    expect(
      matchQuery(index, "AgoraRTCError TOKEN_EXPIRE: dynamic key expired").matches.map((m) => m.entry.id),
    ).toEqual(["invalid-token"]);
    // The gateway's own expiry, wrapped in CAN_NOT_GET_GATEWAY_SERVER, stays an expiry.
    expect(ids("AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER: flag: 4096, message: dynamic key expired")).toEqual(
      ["token-expired"],
    );
  });
});

describe("a media state callback's numbers are its own states and reasons", () => {
  it.each([
    "11-24 10:11:09.651  4321  4411 I AgoraRtcEngine: onLocalVideoStateChanged state: 3, error: 3",
    "flutter: onLocalAudioStateChanged localAudioState=3 error=2",
    "rtcEngine remoteVideoStateChangedOfUid 1234 state 0 reason 7, error 7",
    "LocalVideoStreamError.LocalVideoStreamErrorCaptureFailure = 4 error code",
  ])("%s", (line) => {
    expect(all(line)).toEqual([]);
  });
  it("while the same numbers in onError are codes", () => {
    expect(all("11-24 10:11:09.651  4321  4411 E AgoraRtcEngine: onError: 17")).toEqual([
      "err-join-channel-rejected",
    ]);
  });
});

describe("in a post, a native return value quoted on its own is a code", () => {
  it.each([
    ["the join fails, -102, and nothing else is printed", "err-invalid-channel-name"],
    ["joining keeps failing with -110 since yesterday", "invalid-token"],
    ["we keep getting -17 when the second user joins", "err-join-channel-rejected"],
  ])("%s", (post, id) => {
    expect(all(post)).toEqual([id]);
  });
  it.each([
    "signal is weak, around -110 dBm, and joining is slow",
    "the view is moved -120px to the left",
    "our server runs at -0500 and joins fail",
    "the network test shows rssi -110 before the join fails",
    "signalStrength=-109 and then the join fails",
    "volume gain is set to -101 and audio fails",
    "we got 17 users in the channel",
    "we got 102 users in the channel",
  ])("is nothing in %s", (post) => {
    expect(all(post)).toEqual([]);
  });
});

describe("codes as people put them in a post", () => {
  it.each([
    ["the onError callback returns 1003 on the second launch", "err-start-camera"],
    ["why would -7 be returned by the join call?", "err-not-initialized"],
    ["it keeps showing warning code 1052 in the console", "warn-adm-glitch-state"],
    ["the exception prints code: -1, message: null", "err-failed"],
    ["启动录音时报 1012", "err-adm-start-recording"],
  ])("%s", (post, id) => {
    expect(all(post)).toEqual([id]);
  });
  it.each([
    "we got 250 users online at peak",
    "the REST call answers with code: 200 and an empty body",
    "the error page returns nothing useful",
    "the query returned 1012 rows",
  ])("is nothing in %s", (post) => {
    expect(all(post)).toEqual([]);
  });
});

describe("Chinese posts name codes their own ways", () => {
  it.each([
    ["打开摄像头时报错码 1501", "err-vdm-camera-not-authorized"],
    ["onError 回调里收到 1027", "err-adm-no-permission"],
    ["onError 回调 1027，录音没声音", "err-adm-no-permission"],
    ["页面提示浏览器不支持，换了电脑也一样", "web-not-supported"],
    ["页面一直提示不支持当前浏览器", "web-not-supported"],
  ])("%s", (post, id) => {
    expect(all(post)).toContain(id);
  });
  it("a lookup reads them too", () => {
    const ids = (query: string) => matchQuery(index, query).matches.map((match) => match.entry.id);
    expect(ids("报错码 1501 怎么解决")).toContain("err-vdm-camera-not-authorized");
    expect(ids("onError 回调 1027")).toContain("err-adm-no-permission");
    expect(ids("浏览器不支持")).toContain("web-not-supported");
  });
});

describe("errors that are not Agora's", () => {
  it.each([
    ["the operating system's errno", "    # last system error: 2", "    # engine error: 2"],
    ["a socket's ETIMEDOUT", "W/net: socket error 110 while uploading", "W/agora: onError 110 while joining"],
    [
      "RTM written into one word",
      "fetching the RTMToken shows Error Code 5",
      "joinChannel shows Error Code 5",
    ],
  ])("%s", (_what, innocent, agora) => {
    expect(all(innocent)).toEqual([]);
    expect(all(agora).length).toBe(1);
  });

  it("a browser's message is nothing on an Android logcat line, in a log of no known SDK", () => {
    const logcat = [
      'E/libc    (25653): Access denied finding property "ro.vendor.example"',
      "11-24 10:11:09.651  4321  4411 E SELinux : avc: permission denied for find",
    ].join("\n");
    expect(all(logcat)).toEqual([]);
    expect(all("console: getUserMedia failed: Permission denied")).toEqual(["web-permission-denied"]);
  });
});

describe("an HTTP status beside a server or a request is the server's answer", () => {
  it.each([
    "I got 404 when calling my token server",
    "fetching the token: got 401 when the request went out",
    "token server error 404 not found",
    "the REST API answered with error 403",
  ])("%s", (post) => {
    expect(all(post)).toEqual([]);
  });
  it("while the same numbers elsewhere, and Agora's own below 200, are codes", () => {
    expect(all("E/agora: onError: 110 from the token server")).toEqual(["invalid-token"]);
    expect(all("11-24 10:11:09.651  4321  4411 E agora: onError: 404")).toEqual(["err-logout-packet"]);
  });
  it("and lookup reads a question the same way", () => {
    const ids = (query: string) => matchQuery(index, query).matches.map((match) => match.entry.id);
    expect(ids("error 404 from my token server")).toEqual([]);
    expect(ids("404")).toContain("err-logout-packet");
  });
});
