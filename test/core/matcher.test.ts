import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { answerQuery } from "../../src/answer/answer.js";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { matchQuery } from "../../src/match/matchQuery.js";

const index = loadKnowledgeIndex();
const top = (query: string) => matchQuery(index, query).matches[0]?.entry.id;
const ids = (query: string) => matchQuery(index, query).matches.map((match) => match.entry.id);

interface SeedRow {
  code: string;
  names: string[];
  entry: string;
}

function readSeedTable(): SeedRow[] {
  const [, ...rows] = readFileSync(new URL("../fixtures/seed-table.tsv", import.meta.url), "utf8")
    .trim()
    .split("\n");
  return rows.map((row) => {
    const [code = "", java = "", objc = "", javascript = "", entry = ""] = row.split("\t");
    return { code, names: [java, objc, javascript].filter((name) => name !== "/"), entry };
  });
}

describe("the seed document's table", () => {
  const rows = readSeedTable();
  it.each(rows)("code $code resolves to $entry", ({ code, entry }) => {
    expect(top(code)).toBe(entry);
  });
  it.each(rows.flatMap((row) => row.names.map((name) => ({ name, entry: row.entry }))))(
    "name $name resolves to $entry",
    ({ name, entry }) => {
      const outcome = matchQuery(index, name);
      expect(outcome.matches[0]?.entry.id).toBe(entry);
      expect(outcome.matches[0]?.score).toBe(1);
    },
  );
  it("every seed-table name is marked as such in the knowledge", () => {
    const marked = new Set(
      index.entries.flatMap((entry) => entry.names.filter((n) => n.seedTable).map((n) => n.name)),
    );
    for (const row of rows) for (const name of row.names) expect(marked).toContain(name);
  });
});

describe("every spelling in the knowledge", () => {
  const spellings = index.entries.flatMap((entry) =>
    entry.names.map((name) => ({ name: name.name, id: entry.id })),
  );
  // A deep token entry is the first answer for its names and codes; a catalogue entry is one of
  // the answers (the same number or name can mean something else on another platform).
  const found = (query: string, id: string, deep: boolean) =>
    deep ? expect(top(query), query).toBe(id) : expect(ids(query), query).toContain(id);
  it.each(spellings)("$name -> $id (as written, lower case, and with other separators)", ({ name, id }) => {
    const deep = index.knowledge.byId.get(id)?.depth === "deep";
    found(name, id, deep);
    if (deep || name.length >= 10 || /[_.:]/.test(name)) found(name.toLowerCase(), id, deep);
    found(name.replace(/_/g, "-"), id, deep);
  });
  const codes = index.entries.flatMap((entry) =>
    entry.codes.map((code) => ({
      code: code.code,
      id: entry.id,
      // A token entry's connection reason (8, 9) shares its number with an error code, which comes first.
      deep: entry.depth === "deep" && code.space === "error",
    })),
  );
  it.each(codes)("code $code -> $id in every common wrapping", ({ code, id, deep }) => {
    for (const query of [
      `${code}`,
      `#${code}`,
      `error ${code}`,
      `code ${code}`,
      `错误码 ${code}`,
      ` ${code} `,
    ]) {
      found(query, id, deep);
    }
  });
  it.each(index.entries.flatMap((entry) => entry.messages.map((m) => ({ text: m.text, id: entry.id }))))(
    "SDK message '$text' -> $id",
    ({ text, id }) => {
      // A message two entries print (each with its own number) answers with both, first.
      const { matches } = matchQuery(index, text);
      const best = matches
        .filter((match) => match.score === matches[0]?.score)
        .map((match) => match.entry.id);
      expect(best).toContain(id);
    },
  );
});

describe("variants", () => {
  it.each([
    ["-110", "invalid-token"],
    ["-101", "invalid-app-id"],
    ["-109", "token-expired"],
    ["err_invalid_token", "invalid-token"],
    ["AgoraRTCError ERR_NO_AUTHORIZED", "invalid-token"],
    ["AgoraErrorCode.tokenExpired", "token-expired"],
    ["ErrorCodeType.errTokenExpired", "token-expired"],
    ["ErrorCodeType.errInvalidToken", "invalid-token"],
    ["ErrorCode.InvalidToken", "invalid-token"],
    ["NO_AUTHORIZED", "invalid-token"],
    ["ERR_DYNAMIC_USE_STATIC_KE", "dynamic-use-static-key"],
    ["ERR_STATIC_USE_DYANMIC_KE", "static-use-dynamic-key"],
    ["ERR_INVALID_CHANNEL_KEY", "invalid-token"],
    ["ERR_INVALID_APPID", "invalid-app-id"],
    ["ERR_TOKEN_EXPIRED(109)", "token-expired"],
    ["onTokenPrivilegeWillExpire", "token-privilege-will-expire"],
    ["token-privilege-will-expire", "token-privilege-will-expire"],
    ["token-privilege-did-expire", "token-privilege-did-expire"],
    ["onTokenPrivilegeDidExpire", "token-privilege-did-expire"],
    ["onRequestToken", "token-privilege-did-expire"],
    ["rtcEngine:tokenPrivilegeWillExpire:", "token-privilege-will-expire"],
    ["client.on('token-privilege-did-expire')", "token-privilege-did-expire"],
  ])("%s -> %s", (query, id) => {
    expect(top(query)).toBe(id);
  });

  it("reads several codes in one query, in order", () => {
    expect(ids("109 110")).toEqual(["token-expired", "invalid-token"]);
    const deep = (id: string) => index.knowledge.byId.get(id)?.depth === "deep";
    expect(ids("101, 119 and 120").filter(deep)).toEqual([
      "invalid-app-id",
      "static-use-dynamic-key",
      "dynamic-use-static-key",
    ]);
  });

  it("explains a name every time it repeats, so its words are not read again as prose", () => {
    expect(ids("token privilege did expire")).toContain("token-expired");
    expect(ids("token-privilege-did-expire then token-privilege-did-expire again")).toEqual([
      "token-privilege-did-expire",
    ]);
  });

  it("reads a code inside a sentence only in an error context", () => {
    expect(top("I get error 110 when joining")).toBe("invalid-token");
    expect(ids("I waited 2 minutes and 118 people joined")).toEqual([]);
  });
});

describe("typos", () => {
  it.each([
    ["ERR_INVLID_TOKEN", "invalid-token"],
    ["AgoraErrorCodeInvalidTokn", "invalid-token"],
    ["ERR_TOKEN_EXPIRD", "token-expired"],
    ["ERR_DYNAMIC_KEY_TIMOUT", "token-expired"],
    ["onTokenPrivilegeWilExpire", "token-privilege-will-expire"],
    ["tokn expird", "token-expired"],
  ])("%s -> %s, below an exact hit's score", (query, id) => {
    const match = matchQuery(index, query).matches[0];
    expect(match?.entry.id).toBe(id);
    expect(match?.score).toBeLessThan(1);
  });
});

describe("plain words", () => {
  it.each([
    ["token is expired", "token-expired"],
    ["my token expired", "token-expired"],
    ["wrong appid", "invalid-app-id"],
    ["wrong App ID", "invalid-app-id"],
    ["invalid token", "invalid-token"],
    ["token doesn't match the channel", "invalid-token"],
    ["certificate enabled but no token", "dynamic-use-static-key"],
    ["sent a token but the project has no certificate", "static-use-dynamic-key"],
    ["token about to expire", "token-privilege-will-expire"],
    ["Token 过期了", "token-expired"],
    ["Token 无效", "invalid-token"],
    ["项目开了证书但没传 token", "dynamic-use-static-key"],
    ["没开证书但是传了token", "static-use-dynamic-key"],
    ["App ID 无效", "invalid-app-id"],
    ["token 即将过期", "token-privilege-will-expire"],
  ])("%s -> %s", (query, id) => {
    expect(top(query)).toBe(id);
  });
});

describe("nonsense never matches", () => {
  it.each([
    "hello",
    "ERR_SOMETHING_ELSE",
    "123456",
    "the weather is nice today",
    "my camera does not work",
    "",
    "   ",
    "!!!",
    "-118",
    "你好",
  ])("%j", (query) => {
    expect(matchQuery(index, query).matches).toEqual([]);
  });

  it("offers at most three suggestions for a near miss", () => {
    const outcome = matchQuery(index, "token");
    expect(outcome.matches).toEqual([]);
    expect(outcome.suggestions.length).toBeGreaterThan(0);
    expect(outcome.suggestions.length).toBeLessThanOrEqual(3);
  });

  it("answers a native code or name with its catalogue entry, not a token error", () => {
    expect(ids("-2")).toEqual(["err-invalid-argument"]);
    expect(ids("ERR_INVALID_ARGUMENT")).toEqual(["err-invalid-argument"]);
    expect(matchQuery(index, "-2").notTokenErrors).toEqual([]);
  });
});

describe("the catalogue", () => {
  it.each([
    ["17", "err-join-channel-rejected"],
    ["error 17", "err-join-channel-rejected"],
    ["-17", "err-join-channel-rejected"],
    ["ERR_JOIN_CHANNEL_REJECTED", "err-join-channel-rejected"],
    ["AgoraRTCErrorCode.PERMISSION_DENIED", "web-permission-denied"],
    ["PERMISSION_DENIED", "web-permission-denied"],
    ["UID_CONFLICT", "web-uid-conflict"],
    ["onError(int err)", "callback-on-error"],
  ])("%s -> %s first", (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it("shows every meaning of a number: errors first, then other lists, a return value only as an error", () => {
    const meanings = matchQuery(index, "17").matches;
    expect(meanings.map((match) => match.space)).toEqual(
      [...meanings.map((match) => match.space)].sort(
        (a, b) => SPACES.indexOf(a ?? "enum") - SPACES.indexOf(b ?? "enum"),
      ),
    );
    expect(meanings.map((match) => match.entry.id)).toContain("reason-echo-test");
    for (const match of matchQuery(index, "-9").matches) {
      expect(match.space).toBe("error");
      expect(match.platforms).toContain("native");
    }
  });

  it("reads a name as written before a name without its SDK prefix", () => {
    // renewToken is the method, not the connection reason whose name ends in RenewToken.
    expect(ids("renewToken")[0]).toBe("callback-renew-token");
    expect(ids("FAILED")).toEqual(["web-failed"]);
    expect(ids("INVALID_ARGUMENT")).toEqual(["err-invalid-argument"]);
  });

  it("keeps everyday words as words", () => {
    for (const query of ["failed", "my join failed", "timeout", "it is pending", "not supported"]) {
      expect(
        matchQuery(index, query).matches.filter((m) => m.entry.depth === "catalogue"),
        query,
      ).toEqual([]);
    }
  });
});

const SPACES = [
  "error",
  "warning",
  "exception",
  "connection-reason",
  "connection-state",
  "renew-result",
  "license",
  "enum",
];

describe("platform meaning", () => {
  it("marks Web-only codes and names what they mean natively", () => {
    for (const code of ["2", "118", "119", "120"]) {
      const item = answerQuery(index, code, { defaultLang: "en" }).items[0];
      expect(item?.onlyOn, code).toEqual(["web"]);
      expect(item?.otherMeanings.length, code).toBe(1);
    }
    const both = answerQuery(index, "110", { defaultLang: "en" }).items[0];
    expect(both?.onlyOn).toEqual([]);
    const byName = answerQuery(index, "ERR_NO_AUTHORIZED", { defaultLang: "en" }).items[0];
    expect(byName?.onlyOn).toEqual([]);
  });
});

describe("language", () => {
  it("answers Chinese queries in Chinese and English prose in English", () => {
    expect(answerQuery(index, "Token 过期了", { defaultLang: "en" }).lang).toBe("zh");
    expect(answerQuery(index, "token is expired", { defaultLang: "zh" }).lang).toBe("en");
  });
  it("uses the default for a bare code or name, and a forced language over everything", () => {
    expect(answerQuery(index, "110", { defaultLang: "zh" }).lang).toBe("zh");
    expect(answerQuery(index, "ERR_NO_AUTHORIZED", { defaultLang: "en" }).lang).toBe("en");
    expect(answerQuery(index, "Token 过期了", { lang: "en", defaultLang: "zh" }).lang).toBe("en");
  });
});

describe("bad input", () => {
  it("survives huge and hostile queries", () => {
    for (const query of [
      "9".repeat(100_000),
      "ERR_".repeat(50_000),
      "a_".repeat(60_000),
      "\u0000\uffff".repeat(1000),
      "token ".repeat(10_000),
    ]) {
      expect(() => matchQuery(index, query)).not.toThrow();
    }
  });
});

describe("bytes that are not text", () => {
  it("are no question: a NUL, or many undecodable or control characters, answer nothing", () => {
    for (const line of [
      "110\u0000",
      "\ufffd\ufffd1\u0001\ufffd10 error",
      "\u0002\u0003\u0004token expired\ufffd",
    ]) {
      expect(matchQuery(index, line).matches, JSON.stringify(line)).toEqual([]);
    }
  });

  it("leave real questions alone, tabs and a stray replacement character included", () => {
    expect(top("error\t110")).toBe("invalid-token");
    expect(top("Token 过期了 \ufffd")).toBe("token-expired");
  });
});
