import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { normalizeQuestion } from "../../src/index/phrases.js";
import { matchQuery } from "../../src/match/matchQuery.js";

const index = loadKnowledgeIndex();
const top = (query: string) => matchQuery(index, query).matches[0]?.entry.id ?? null;

interface Question {
  query: string;
  expect: string | string[] | null;
}

const accepted = (expected: Question["expect"]) =>
  expected === null ? [null] : Array.isArray(expected) ? expected : [expected];

describe("the lookup question corpus (test/corpus/queries/queries.json)", () => {
  const questions = JSON.parse(
    readFileSync(new URL("../corpus/queries/queries.json", import.meta.url), "utf8"),
  ) as Question[];
  it.each(questions)("$query -> $expect", ({ query, expect: expected }) => {
    expect(accepted(expected)).toContain(top(query));
  });
});

// Our own wording, different from the corpus: each class of question once more.
describe("a code followed by words", () => {
  it.each([
    ["110 on joinChannel", "invalid-token"],
    ["109 after 24 hours in the room", "token-expired"],
    ["101 when creating the engine", "invalid-app-id"],
    ["118 in the browser console", "token-expired"],
    ["119 joining from chrome", "static-use-dynamic-key"],
    ["110 我在加入频道时遇到", "invalid-token"],
    ["101 初始化失败", "invalid-app-id"],
    ["getting 110 when I join", "invalid-token"],
    ["join fails with 110", "invalid-token"],
    ["joinChannel returned 110", "invalid-token"],
    ["the error code is 119 when we pass the token", "static-use-dynamic-key"],
    ["我这边报 110 错误", "invalid-token"],
    ["joinChannel 时报110", "invalid-token"],
    ["错误码是110", "invalid-token"],
    ["110错误怎么解决", "invalid-token"],
    ["I'm facing 110 on join", "invalid-token"],
    ["我遇到了 110", "invalid-token"],
    ["err:110", "invalid-token"],
  ])("%s -> %s", (query, id) => {
    expect(top(query)).toBe(id);
  });

  it("reads a code listed after a code", () => {
    expect(matchQuery(index, "110 and 109 when joining").matches.map((match) => match.entry.id)).toEqual([
      "invalid-token",
      "token-expired",
    ]);
  });
});

describe("full-width punctuation", () => {
  it.each([
    ["Error code：109，怎么办", "token-expired"],
    ["onError（110）", "invalid-token"],
    ["onError：110", "invalid-token"],
    ["错误（101）初始化引擎", "invalid-app-id"],
    ["101：App ID 无效怎么办", "invalid-app-id"],
    ["110，加入频道失败", "invalid-token"],
    ["【110】token 无效", "invalid-token"],
  ])("%s -> %s", (query, id) => {
    expect(top(query)).toBe(id);
  });
});

describe("a cause told in a sentence", () => {
  it.each([
    ["I'm passing the App ID as an integer", ["invalid-app-id"]],
    ["my appId variable is undefined when I init the engine", ["invalid-app-id"]],
    ["the app id I copied has a trailing space", ["invalid-app-id"]],
    ["App ID 前后有空格", ["invalid-app-id"]],
    ["App ID 是 int 类型", ["invalid-app-id"]],
    ["the token I generated yesterday is no longer valid", ["token-expired"]],
    ["the expiration time of my token has passed", ["token-expired"]],
    ["我的 token 有效期过了", ["token-expired"]],
    ["用的是缓存的旧 token", ["token-expired"]],
    ["the clock on my token server is wrong", ["token-expired"]],
    [
      "the channel name in my token request isn't the same as the one I pass to joinChannel",
      ["invalid-token"],
    ],
    ["uid in the token and uid in join are not the same", ["invalid-token"]],
    ["user ID used for the token does not match the user ID used to join", ["invalid-token"]],
    ["token was signed with a different app certificate", ["invalid-token"]],
    ["I pasted the App Certificate where the token should go", ["invalid-token"]],
    ["token 里的频道名跟 join 的不一样", ["invalid-token"]],
    ["生成 token 时的 App ID 和初始化的不是一个", ["invalid-token"]],
    [
      "the project doesn't have an app certificate but I still use a token",
      ["static-use-dynamic-key", "invalid-token"],
    ],
    ["app certificate is disabled and I'm sending a token", ["static-use-dynamic-key", "invalid-token"]],
    ["项目没有启用证书，但我传了 token", ["static-use-dynamic-key", "invalid-token"]],
    ["certificate is turned on and I pass null for the token", ["dynamic-use-static-key", "invalid-token"]],
    [
      "I joined without a token although the certificate is enabled",
      ["dynamic-use-static-key", "invalid-token"],
    ],
    ["项目已启用证书，加入时 token 传的是空", ["dynamic-use-static-key", "invalid-token"]],
    ["token expires in less than 30 seconds", ["token-privilege-will-expire"]],
    ["how do I renew the token before it runs out", ["token-privilege-will-expire"]],
    ["Token 即将失效", ["token-privilege-will-expire"]],
    ["kicked out of the channel when the token expired", ["token-privilege-did-expire", "token-expired"]],
    ["my token is outdated", ["token-expired"]],
    ["token 的有效期已经结束", ["token-expired"]],
    ["项目没有开启 App Certificate，却用 Token 加入频道", ["static-use-dynamic-key", "invalid-token"]],
    ["the uid used when generating the token doesn't equal the one I join with", ["invalid-token"]],
    ["token generated with another App ID", ["invalid-token"]],
    ["token 30 秒后过期", ["token-privilege-will-expire"]],
    ["收到 token 即将过期的回调", ["token-privilege-will-expire"]],
    ["Token 即将在 30 秒内失效", ["token-privilege-will-expire"]],
    ["token validity period is over", ["token-expired"]],
    ["I use a token, but my project is in App ID only mode", ["static-use-dynamic-key", "invalid-token"]],
    ["certificate enabled, app id only join", ["dynamic-use-static-key", "invalid-token"]],
    ["token was generated with a different uid than the one used to join", ["invalid-token"]],
    ["token is going to be invalid within 30 seconds", ["token-privilege-will-expire"]],
    ["App ID 不是有效的", ["invalid-app-id"]],
    ["数字 uid 生成的 token 用字符串 uid 加入", ["invalid-token"]],
    [
      "my App Certificate is on but I didn't pass any token when joining",
      ["dynamic-use-static-key", "invalid-token"],
    ],
    ["I enabled the certificate and did not provide a token", ["dynamic-use-static-key", "invalid-token"]],
    ["项目开启了 App Certificate，但是加入频道时却未传入 Token", ["dynamic-use-static-key", "invalid-token"]],
    ["项目未开启 App Certificate，就试图使用 Token 加入频道", ["static-use-dynamic-key", "invalid-token"]],
    [
      "the App ID, user ID and channel name I used on the server to create the token don't match what I use in the client",
      ["invalid-token"],
    ],
  ])("%s -> %j", (query, ids) => {
    expect(ids).toContain(top(query));
  });
});

describe("keyword words in another order", () => {
  it.each([
    ["expired is what my token is", "token-expired"],
    ["invalid is the app id it says", "invalid-app-id"],
    ["key for the dynamic channel is invalid", "invalid-token"],
  ])("%s -> %s", (query, id) => {
    expect(top(query)).toBe(id);
  });

  it("tells which side a negation is on, in either order", () => {
    expect(top("a token is sent, but the project has no certificate")).toBe("static-use-dynamic-key");
    expect(top("no token is sent, but the project has a certificate")).toBe("dynamic-use-static-key");
  });

  it("reads words out of order only within one clause", () => {
    // The App ID is fine here; the token is null.
    expect(top("we join with just the App ID and a null token")).not.toBe("invalid-app-id");
    // "error" and "token" in two clauses are not "token error".
    expect(top("the error shows up when we pass the token")).toBeNull();
  });

  it("does not read a slip as a word when the words are out of order", () => {
    // "even" is one letter from "event", but "token expired event" is not what this says.
    expect(top("expired even though the token is new")).not.toBe("token-privilege-did-expire");
  });
});

describe("names split, misspelt or in Pascal case", () => {
  it.each([
    ["on token privilege will expire is not called", "token-privilege-will-expire"],
    ["OnRequestToken", "token-privilege-did-expire"],
    ["OnTokenPrivilegeDidExpire", "token-privilege-did-expire"],
    ["ERR INVALID TOKEN", "invalid-token"],
    ["err_token_expried", "token-expired"],
    ["onTokenPrivilegeDidExpried", "token-privilege-did-expire"],
    ["Join Channel Rejected when I switch rooms", "err-join-channel-rejected"],
  ])("%s -> %s", (query, id) => {
    expect(top(query)).toBe(id);
  });
});

describe("questions naming no error stay unmatched", () => {
  it.each([
    "2 users in the channel cannot hear each other",
    "110 people joined and then video froze",
    "109 ms latency in the call",
    "uid 101 left the channel",
    "channel 110 is full",
    "3 hosts and 20 audience members lag",
    "in room 118 the audio echoes",
    "what's the difference between uid and user account",
    "10 seconds after joining the screen goes black",
    "房间 110 里没有声音",
    "进入房间110没声音",
    "110 个人同时在线卡顿",
    "通话 109 分钟后画面卡住",
    "the video looks different on android",
    "2 of my users see a black screen",
    "port 101 is blocked",
    "there is 110 of them",
    "2 and 3 users",
    "2 to 3 seconds later",
    "I waited 2 minutes and 118 people joined",
  ])("%j", (query) => {
    expect(matchQuery(index, query).matches).toEqual([]);
  });
});

describe("tokens of other Agora products", () => {
  it.each([
    "my RTM token is invalid",
    "RTM login fails with token expired",
    "CDN 推流 token 过期",
    "信令 token 无效",
  ])("%j is not an RTC token error", (query) => {
    expect(matchQuery(index, query).matches).toEqual([]);
  });
  it("still reads the RTC token in the same words", () => {
    expect(top("token invalid when I join the rtc channel")).toBe("invalid-token");
  });
});

describe("one wording for one meaning", () => {
  it.each([
    ["the uid differs", "the uid mismatch"],
    ["token does not match", "token mismatch"],
    ["uid isn't the same", "uid mismatch"],
    ["频道名不一样", " channel  mismatch "],
    ["user ID", "uid"],
    ["channel name", "channel"],
    ["my token's lifetime", "my token lifetime"],
  ])("%j reads as %j", (text, folded) => {
    expect(normalizeQuestion(text)).toBe(folded);
  });
});
