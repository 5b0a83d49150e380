import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KnowledgeError } from "../../src/errors.js";
import { buildKnowledgeIndex } from "../../src/index/knowledgeIndex.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/knowledge/load.js";
import { nameLookupForms } from "../../src/knowledge/nameForms.js";
import { readKnowledgeSnapshot, writeKnowledgeSnapshot } from "../../src/knowledge/snapshot.js";
import { matchQuery } from "../../src/match/matchQuery.js";
import { scanLog } from "../../src/scan/scanLog.js";

const realDir = defaultKnowledgeDir();
const deepFiles = readdirSync(realDir).filter((name) => name.endsWith(".yaml"));

/** A category of our own making, in the fixed catalogue format. */
const EXAMPLE = `category:
  id: example-join
  title: { en: "Joining (example)", zh: "加入频道（示例）" }
docs:
  en: https://docs.agora.io/en/example
  zh: https://doc.shengwang.cn/example
entries:
  - id: err-example-rejected
    kind: error
    reportedAs: [error, return-value]
    codes: [9917]
    names:
      - { name: ERR_EXAMPLE_REJECTED, platform: native, code: 9917 }
      - { name: ErrorCodeType.ErrExampleRejected, platform: rn-electron-4x, code: 9917 }
    meaning:
      en: "The example join was turned away."
      zh: "示例加入被拒绝了。"
    check:
      en: "Check the example setting."
      zh: "检查示例设置。"
  - id: warn-example-slow
    kind: warning
    reportedAs: [warning]
    codes: [9917]
    names:
      - { name: WARN_EXAMPLE_SLOW, platform: native, code: 9917 }
    meaning:
      en: "The example is slow."
      zh: "示例变慢了。"
    check:
      en: "Wait a moment."
      zh: "稍等片刻。"
    docs: { en: "https://docs.agora.io/en/other", zh: "https://doc.shengwang.cn/other" }
  - id: web-example-rejected
    kind: error
    reportedAs: [exception]
    names:
      - { name: AgoraRTCErrorCode.EXAMPLE_REJECTED, platform: web-4x }
      - { name: ERR_EXAMPLE_REJECTED, platform: web-3x }
    meaning:
      en: "The browser join was turned away."
      zh: "浏览器端加入被拒绝。"
    check:
      en: "Check the browser setting."
      zh: "检查浏览器设置。"
`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** The real deep entries plus catalogue files of the test's making (and none of the real ones). */
function knowledgeWith(catalogue: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "agora-catalogue-"));
  dirs.push(dir);
  for (const name of deepFiles) writeFileSync(join(dir, name), readFileSync(join(realDir, name)));
  mkdirSync(join(dir, "catalogue"));
  for (const [name, text] of Object.entries(catalogue)) writeFileSync(join(dir, "catalogue", name), text);
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError)
      return error.problems.map((p) => `${p.file.split("/").slice(-2).join("/")}: ${p.field}: ${p.message}`);
    throw error;
  }
  return [];
}

describe("catalogue files", () => {
  it("load into the same model as the deep entries, after them, with their category", () => {
    const kb = loadKnowledge(knowledgeWith({ "example-join.yaml": EXAMPLE }));
    const ids = kb.entries.map((entry) => entry.id);
    expect(ids.slice(-3)).toEqual(["err-example-rejected", "warn-example-slow", "web-example-rejected"]);
    expect(kb.entries.slice(0, 7).every((entry) => entry.depth === "deep")).toBe(true);
    expect(kb.categories.map((category) => category.id)).toEqual(["token", "example-join"]);

    const error = kb.byId.get("err-example-rejected");
    expect(error).toMatchObject({
      depth: "catalogue",
      kind: "error",
      reportedAs: ["error", "return-value"],
      codes: [{ code: 9917, platforms: ["native"], space: "error" }],
      meaning: { en: "The example join was turned away." },
      check: { zh: "检查示例设置。" },
      docs: { en: "https://docs.agora.io/en/example" },
      category: { id: "example-join" },
    });
    expect(kb.byId.get("warn-example-slow")).toMatchObject({
      kind: "warning",
      codes: [{ code: 9917, space: "warning" }],
      docs: { en: "https://docs.agora.io/en/other" },
    });
    expect(kb.byId.get("web-example-rejected")?.codes).toEqual([]);
  });

  it("are found by every code and name, each meaning of a shared number and name", () => {
    const index = buildKnowledgeIndex(loadKnowledge(knowledgeWith({ "example-join.yaml": EXAMPLE })));
    const ids = (query: string) => matchQuery(index, query).matches.map((match) => match.entry.id);
    expect(ids("9917")).toEqual(["err-example-rejected", "warn-example-slow"]);
    expect(ids("-9917")).toEqual(["err-example-rejected"]);
    expect(ids("ErrorCodeType.ErrExampleRejected")).toEqual(["err-example-rejected"]);
    expect(ids("ERR_EXAMPLE_REJECTED")).toEqual(["err-example-rejected", "web-example-rejected"]);
    expect(ids("AgoraRTCErrorCode.EXAMPLE_REJECTED")).toEqual(["web-example-rejected"]);
    expect(ids("WARN_EXAMPLE_SLOW")).toEqual(["warn-example-slow"]);
    // The token entries keep their place for their own numbers.
    expect(ids("110")[0]).toBe("invalid-token");
  });

  it("stay plain words when written as words", () => {
    const simple = EXAMPLE.replace("ERR_EXAMPLE_REJECTED, platform: web-3x", "FAILED, platform: web-3x");
    const index = buildKnowledgeIndex(loadKnowledge(knowledgeWith({ "example-join.yaml": simple })));
    expect(matchQuery(index, "my join failed").matches).toEqual([]);
    expect(matchQuery(index, "FAILED").matches.map((match) => match.entry.id)).toEqual([
      "web-example-rejected",
    ]);
  });

  it("report each problem with the file, the entry and the field", () => {
    const broken = EXAMPLE.replace("id: example-join", "id: example-other")
      .replace("kind: warning", "kind: error")
      .replace("platform: rn-electron-4x, code: 9917", "platform: rn-electron-5x, code: 9917")
      .replace(
        "{ name: WARN_EXAMPLE_SLOW, platform: native, code: 9917 }",
        "{ name: WARN_EXAMPLE_SLOW, platform: native, code: 12 }",
      )
      .replace('      zh: "浏览器端加入被拒绝。"\n', "");
    expect(problemsOf(knowledgeWith({ "example-join.yaml": broken }))).toEqual([
      expect.stringMatching(
        /^catalogue\/example-join\.yaml: entries\[0\]\.names\[1\]\.platform: .*native.*web-4x/,
      ),
      expect.stringMatching(/^catalogue\/example-join\.yaml: entries\[2\]\.meaning\.zh: /),
    ]);
    const semantic = EXAMPLE.replace("id: example-join", "id: example-other")
      .replace("kind: warning", "kind: error")
      .replace(
        "{ name: WARN_EXAMPLE_SLOW, platform: native, code: 9917 }",
        "{ name: WARN_EXAMPLE_SLOW, platform: native, code: 12 }",
      );
    expect(problemsOf(knowledgeWith({ "example-join.yaml": semantic }))).toEqual([
      'catalogue/example-join.yaml: category.id: category id "example-other" must match the file name "example-join"',
      "catalogue/example-join.yaml: entries[1].kind: a warn- entry must have kind: warning",
      "catalogue/example-join.yaml: entries[1].names[0].code: code 12 is not listed in this entry's codes",
    ]);
  });

  it("reject an id without a catalogue prefix, and ids or names used twice", () => {
    const badPrefix = EXAMPLE.replace("id: err-example-rejected", "id: example-rejected");
    expect(problemsOf(knowledgeWith({ "example-join.yaml": badPrefix }))).toEqual([
      expect.stringMatching(/entries\[0\]\.id: expected the id to start with one of: err-, warn-/),
    ]);
    const second = EXAMPLE.replace("id: example-join", "id: example-more")
      .replace("id: warn-example-slow", "id: warn-example-slower")
      .replace("WARN_EXAMPLE_SLOW", "WARN_EXAMPLE_SLOWER")
      .replace("id: web-example-rejected", "id: web-example-again")
      .replace("AgoraRTCErrorCode.EXAMPLE_REJECTED", "AgoraRTCErrorCode.EXAMPLE_AGAIN")
      .replace("ERR_EXAMPLE_REJECTED, platform: web-3x", "ERR_EXAMPLE_AGAIN, platform: web-3x");
    expect(problemsOf(knowledgeWith({ "example-join.yaml": EXAMPLE, "example-more.yaml": second }))).toEqual([
      expect.stringMatching(
        /example-more\.yaml: entries\[0\]\.id: id "err-example-rejected" is also used by/,
      ),
    ]);
  });

  it("carry messages in words: one file's change reaches lookup and scan, gaps and all", () => {
    const withMessages = EXAMPLE.replace(
      '      zh: "检查浏览器设置。"\n',
      '      zh: "检查浏览器设置。"\n    messages:\n      - { text: "example lobby … turned away", platform: web-4x }\n',
    );
    const index = buildKnowledgeIndex(loadKnowledge(knowledgeWith({ "example-join.yaml": withMessages })));
    expect(matchQuery(index, "why is my example lobby always turned away?").matches[0]?.entry.id).toBe(
      "web-example-rejected",
    );
    const filler = Array.from(
      { length: 2000 },
      (_, n) => `10:11:09:${n % 1000} Agora-SDK [INFO]: stats ${n}`,
    );
    const log = [
      ...filler,
      "10:11:10:001 Agora-SDK [ERROR]: the example lobby has turned away this client",
      ...filler,
    ];
    expect(scanLog(index, log.join("\n")).otherErrors.map((finding) => finding.entry.id)).toEqual([
      "web-example-rejected",
    ]);
  });

  it("reject a message two entries claim with one number, and one a deep token entry has", () => {
    const shared = (first: string, second: string) =>
      EXAMPLE.replace(
        '      zh: "检查示例设置。"\n',
        `      zh: "检查示例设置。"\n    messages:\n      - { text: "example stalled", platform: native${first} }\n`,
      ).replace(
        '      zh: "稍等片刻。"\n',
        `      zh: "稍等片刻。"\n    messages:\n      - { text: "example stalled", platform: native${second} }\n`,
      );
    expect(
      problemsOf(knowledgeWith({ "example-join.yaml": shared(", code: 9917", ", code: 9918") })),
    ).toEqual([]);
    expect(problemsOf(knowledgeWith({ "example-join.yaml": shared("", "") }))).toEqual([
      'catalogue/example-join.yaml: entries[1].messages[0].text: "example stalled" is ambiguous: entry err-example-rejected claims it too',
    ]);
    const stolen = EXAMPLE.replace(
      '      zh: "稍等片刻。"\n',
      '      zh: "稍等片刻。"\n    messages:\n      - { text: "dynamic key expired", platform: web-4x }\n',
    );
    expect(problemsOf(knowledgeWith({ "example-join.yaml": stolen }))).toEqual([
      expect.stringMatching(
        /entries\[1\]\.messages\[0\]\.text: "dynamic key expired" is ambiguous: entry token-expired claims it too/,
      ),
    ]);
  });

  it("reject a name that a deep token entry already has (those rows belong to the token entries)", () => {
    const stolen = EXAMPLE.replace(
      "{ name: WARN_EXAMPLE_SLOW, platform: native, code: 9917 }",
      "{ name: CONNECTION_CHANGED_TOKEN_EXPIRED, platform: native, code: 9917 }",
    );
    expect(problemsOf(knowledgeWith({ "example-join.yaml": stolen }))).toEqual([
      'catalogue/example-join.yaml: entries[1].names[0].name: "CONNECTION_CHANGED_TOKEN_EXPIRED" is ambiguous: it reads the same as "CONNECTION_CHANGED_TOKEN_EXPIRED" in entry token-expired',
    ]);
  });

  it("are part of the start-up snapshot, which an edited catalogue file invalidates", () => {
    const dir = knowledgeWith({ "example-join.yaml": EXAMPLE });
    const snapshot = join(dir, "..", `${dir.split("/").pop()}.snapshot.json`);
    dirs.push(snapshot);
    const kb = loadKnowledge(dir);
    writeKnowledgeSnapshot(kb, snapshot);
    const read = readKnowledgeSnapshot(dir, snapshot);
    expect(read?.entries).toEqual(kb.entries);
    expect(read?.categories).toEqual(kb.categories);
    writeFileSync(join(dir, "catalogue", "example-join.yaml"), `${EXAMPLE}\n`);
    expect(readKnowledgeSnapshot(dir, snapshot)).toBeUndefined();
  });
});

describe("the forms a signature is looked up by", () => {
  it.each([
    ["onError(int err, const char* msg)", ["onError"]],
    [
      'client.on("connection-state-change", (cur, prev, reason?: ConnectionDisconnectedReason))',
      ["connection-state-change"],
    ],
    ['client.on("error", {reason})', []],
    ["- (int)renewToken:(NSString*)token", ["renewToken:"]],
    ['NO_VOS_AVAILABLE (string value "ERR_NO_VOS_AVAILABLE")', ["NO_VOS_AVAILABLE", "ERR_NO_VOS_AVAILABLE"]],
    [
      "OnTokenPrivilegeWillExpire(string token) / OnRequestToken()",
      ["OnTokenPrivilegeWillExpire", "OnRequestToken"],
    ],
    ['"RequestToken" event', ["RequestToken"]],
    ["ERR_JOIN_CHANNEL_REJECTED", []],
  ])("%s", (name, forms) => {
    expect(nameLookupForms(name)).toEqual(forms);
  });
});
