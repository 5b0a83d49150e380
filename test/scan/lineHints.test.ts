import { describe, expect, it } from "vitest";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { CODE_NOUN_HINT, CODE_NOUN_SOURCE } from "../../src/index/vocabulary.js";
import { scanLog } from "../../src/scan/scanLog.js";

const index = loadKnowledgeIndex();
const ids = (text: string) => scanLog(index, text).findings.map((finding) => finding.entry.id);

describe("hints that leave a line pattern unrun", () => {
  it("every noun a code may come before holds the noun hint", () => {
    for (const noun of CODE_NOUN_SOURCE.split("|"))
      expect(CODE_NOUN_HINT.test(noun.replace(/\\b/g, ""))).toBe(true);
  });

  it("a code before each kind of noun is still read", () => {
    for (const noun of ["error", "errors", "err", "code", "错误", "报错", "异常"])
      expect(ids(`E/agora: join failed, 110 ${noun}`)).toContain("invalid-token");
  });

  it("a code with its meaning in brackets is still read, with or without a space", () => {
    expect(ids("E/agora: join: 110 (invalid token)")).toContain("invalid-token");
    expect(ids("E/agora: join: 110\t(invalid token)")).toContain("invalid-token");
    expect(ids("E/agora: join: 109(expired)")).toContain("token-expired");
  });
});
