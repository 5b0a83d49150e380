import { describe, expect, it } from "vitest";
import { answerQuery } from "../src/answer/answer.js";
import { loadKnowledgeIndex } from "../src/index/loadIndex.js";

describe("smoke", () => {
  it("answers 118 offline", () => {
    const answer = answerQuery(loadKnowledgeIndex(), "118", { defaultLang: "en" });
    expect(answer.items[0]?.entry.id).toBe("token-expired");
  });
});
