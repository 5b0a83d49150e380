/**
 * Reports as people write them (issue 9), in sentences of our own: codes in any order, names as
 * people spell them, plain phrases, symptoms reported as likely, connection-state reasons in
 * their context only, and the texts that are about something else.
 */
import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { scanLog } from "../../src/scan/scanLog.js";

const index = loadKnowledgeIndex();
const ids = (text: string) => scanLog(index, text).findings.map((finding) => finding.entry.id);
const codes = (text: string) => scanLog(index, text).findings.map((finding) => finding.code);

describe("codes in prose, in any order", () => {
  it.each([
    "we get a 110 error on join",
    "joining gives error 110",
    "I got 110 when joining from the app",
    "the `110` error callback fires",
    "报110，怎么解决",
    "直接返回 110code",
    "错误码：110",
    "onError：110",
    "code 110 token invalid",
    "the error code is 110 on every join",
    "Getting a 110 on every join",
    "110(invalid token) on the second device",
  ])("%s", (text) => {
    expect(ids(text)).toEqual(["invalid-token"]);
  });

  it.each([
    "we got 110 users in the channel today",
    "the room 110 is full",
    "version 4.1.10 was released, 110 downloads",
    "it took 110 ms to connect",
  ])("leaves an innocent number alone: %s", (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe("names as people spell them", () => {
  it.each([
    ["OnTokenPrivilegeWillExpire never fires in our Unity build", "token-privilege-will-expire"],
    ["the token privilege will expire event is not raised", "token-privilege-will-expire"],
    ["On-Token-Privilege-Did-Expire arrives twice", "token-privilege-did-expire"],
    ["my onTokenPrivilegWillExpire handler is never called", "token-privilege-will-expire"],
    ["we see ERR_INVLID_TOKEN after the update", "invalid-token"],
  ])("%s", (text, id) => {
    expect(ids(text)).toContain(id);
  });
});

describe("plain phrases, titles included", () => {
  it.each([
    ["Invalid token when joining from Android", "invalid-token"],
    ["our token is invalid since this morning", "invalid-token"],
    ["the token value is invalid", "invalid-token"],
    ["Token has expired after a day", "token-expired"],
    ["join says invalid vendor key", "invalid-app-id"],
    ["App ID 无效，初始化失败", "invalid-app-id"],
    ["加入频道提示 Token 无效", "invalid-token"],
    ["token 过期了，用户被踢出", "token-expired"],
  ])("%s", (text, id) => {
    expect(ids(text)).toContain(id);
  });

  it("reads a phrase in a long post's title line like its body", () => {
    const post = `Invalid token on join\n${"We followed the guide and set everything up as written.\n".repeat(60)}`;
    expect(ids(post)).toEqual(["invalid-token"]);
  });

  it.each([
    "the token will expire in 30 seconds, so we renew it",
    "1. Invalid or missing token - check the server",
    "## 3. Token expired",
  ])("does not read a possibility or a future as a report: %s", (text) => {
    expect(ids(text)).not.toContain("invalid-token");
    expect(ids(text)).not.toContain("token-expired");
  });
});

describe("symptoms without a code are likely, with the words that led there", () => {
  it.each([
    [
      "The temporary token from the console works, but the token our backend generates fails to join.",
      "invalid-token",
    ],
    ["控制台的临时 token 可以进频道，我们服务端生成的 token 就进不去。", "invalid-token"],
    ["With uid 0 everything works; any other user id is rejected at join.", "invalid-token"],
    ["The same token fails as soon as we switch to a different channel name.", "invalid-token"],
    ["同一个 token 换一个频道名就加入失败。", "invalid-token"],
    ["Calls run fine, then after exactly 24 hours everyone is disconnected.", "token-expired"],
    ["通话正常，但一小时后就被踢出去了。", "token-expired"],
    [
      "onTokenPrivilegeWillExpire fires and we call renewToken, but the token still expires.",
      "token-privilege-will-expire",
    ],
  ])("%s", (text, id) => {
    const finding = scanLog(index, text).findings.find((item) => item.entry.id === id);
    expect(finding, text).toBeDefined();
    if (finding?.entry.id !== "token-privilege-will-expire") {
      expect(finding?.likely).toBeTruthy();
      expect(finding?.confidence).toBe("low");
    }
  });

  it.each([
    [
      "Our Android project has no certificate, we pass a token anyway and the join is rejected.",
      "invalid-token",
    ],
    ["项目没开证书，客户端还是带了 token，结果加入失败。", "invalid-token"],
    [
      "In the browser: certificate is off for this project, we send a token and join fails.",
      "static-use-dynamic-key",
    ],
  ])("a certificate that is off while a token is sent: %s", (text, id) => {
    const finding = scanLog(index, text).findings.find((item) => item.entry.id === id);
    expect(finding?.likely, text).toBeTruthy();
  });

  it("does not guess from a question about certificates with nothing failing", () => {
    expect(ids("Our project has no certificate yet. Do we need a token server at all?")).toEqual([]);
  });

  it("says nothing when both tokens work", () => {
    expect(ids("The console token works and the server token works too.")).toEqual([]);
  });

  it("never guesses when a code is there", () => {
    const result = scanLog(index, "The temporary token works, our server token fails with error 109.");
    expect(result.findings.map((finding) => [finding.entry.id, finding.likely])).toEqual([
      ["token-expired", undefined],
    ]);
  });
});

describe("connection-state reasons count only in that callback", () => {
  it.each([
    ["onConnectionStateChanged state 5 reason 8", "invalid-token"],
    ["rtcEngine connectionChangedTo: 5 reason: 9", "token-expired"],
    ["连接状态回调 onConnectionStateChanged，reason 为 9", "token-expired"],
    ["onConnectionStateChanged(CONNECTION_STATE_FAILED, CONNECTION_CHANGED_INVALID_TOKEN)", "invalid-token"],
  ])("%s", (text, id) => {
    expect(ids(text)).toContain(id);
  });

  it("leaves another callback's reason alone", () => {
    expect(ids("I/agora: onRemoteAudioStateChanged uid 1001 state 2 reason 9")).toEqual([]);
    expect(ids("I/agora: onLocalVideoStateChanged state 3 reason 8")).toEqual([]);
  });
});

describe("not an RTC token error", () => {
  it.each([
    "RTM login fails: token invalid",
    "Signaling says the token expired after a day",
    "CDN push failed, the stream key is invalid",
    'Cloud Recording acquire answers {"code": 2, "reason": "invalid_appid"}',
    "the REST API returns 401 with invalid_appid",
    "这个方法已过期，请用新的接口",
    "Chat SDK: the user token expired and the chat connection closed",
  ])("%s", (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe("full-width punctuation is read like ASCII", () => {
  it("folds full-width colons, brackets and digits", () => {
    expect(codes("错误码：１１０")).toEqual([110]);
    expect(codes("onError（110）")).toEqual([110]);
  });
});
