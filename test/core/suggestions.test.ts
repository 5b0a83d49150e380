/**
 * "Did you mean": a slip in any name of the knowledge, token or catalogue, is offered back.
 * Generated from the knowledge, so a new entry's names are covered as soon as its file exists.
 */
import { describe, expect, it } from "vitest";
import { isReportable } from "../../src/index/knowledgeIndex.js";
import { loadKnowledgeIndex } from "../../src/index/loadIndex.js";
import { matchQuery } from "../../src/match/matchQuery.js";
import { editDistance } from "../../src/text/editDistance.js";
import { coreIdentifierKey } from "../../src/text/identifier.js";

const index = loadKnowledgeIndex();

/** The name with a letter three quarters along dropped (past any namespace), when that is a letter. */
function slip(name: string): string | undefined {
  const at = Math.floor((name.length * 3) / 4);
  if (!/[A-Za-z]/.test(name[at] ?? "")) return undefined;
  return `${name.slice(0, at)}${name.slice(at + 1)}`;
}

const cases: [string, string, string][] = [];
const seen = new Set<string>();
for (const entry of index.entries.filter(isReportable)) {
  for (const name of entry.names) {
    const key = coreIdentifierKey(name.name);
    if (key.length < 10 || seen.has(key) || !/^[A-Za-z][\w.]*$/.test(name.name)) continue;
    seen.add(key);
    const slipped = slip(name.name);
    if (slipped) cases.push([`${entry.id}: ${slipped}`, slipped, key]);
  }
}

describe("a name with a slip", () => {
  it("has cases for the catalogue, most of them answered by nothing but a suggestion", () => {
    expect(cases.length).toBeGreaterThan(400);
    // The per-case test below skips a slip something answers: it must stay the exception.
    const answered = cases.filter(([, slipped]) => matchQuery(index, slipped).matches.length > 0);
    expect(answered.length / cases.length).toBeLessThan(0.2);
  });

  // A slip that still answers (`ERR_LOGIN_TOKEN_EPIRED` reads as words about an expired token) is
  // the matcher's to judge; one that answers nothing must offer the name back.
  it.each(cases)("%s, when nothing answers it, is offered as a name that close", (_label, slipped, key) => {
    const outcome = matchQuery(index, slipped);
    if (outcome.matches.length > 0) return;
    const offered = outcome.suggestions.map((suggestion) => suggestion.entry);
    const slippedKey = coreIdentifierKey(slipped);
    // The name it came from, or one just as close to what was typed (a thousand names have neighbours).
    const distance = editDistance(slippedKey, key, 3);
    expect(
      offered.some((entry) =>
        entry.names.some((name) => editDistance(slippedKey, coreIdentifierKey(name.name), 3) <= distance),
      ),
      `${slipped} -> ${offered.map((entry) => entry.id).join(", ")}`,
    ).toBe(true);
  });

  it("offers a catalogue name rather than assuming it", () => {
    const outcome = matchQuery(index, "ERR_JOIN_CHANEL_REJECTED");
    expect(outcome.matches).toEqual([]);
    expect(outcome.suggestions[0]?.entry.id).toBe("err-join-channel-rejected");
  });

  it("still answers a token name with a slip", () => {
    expect(matchQuery(index, "ERR_INVLID_TOKEN").matches[0]?.entry.id).toBe("invalid-token");
  });

  it("offers nothing for an identifier far from every name", () => {
    expect(matchQuery(index, "MY_SHOPPING_CART_TOTAL").suggestions).toEqual([]);
  });
});

describe("suggestions", () => {
  it("leave out those far weaker than the best", () => {
    const { suggestions } = matchQuery(index, "ERR_JOIN_CHANEL_REJECTED");
    const best = suggestions[0]?.score ?? 0;
    expect(suggestions.every((suggestion) => suggestion.score >= best / 2)).toBe(true);
    expect(suggestions.map((suggestion) => suggestion.entry.id)).toEqual(["err-join-channel-rejected"]);
  });
});

describe("a number another system owns, in a question", () => {
  const ids = (query: string) => matchQuery(index, query).matches.map((match) => match.entry.id);
  it.each([
    "what is RTM error code 5",
    "RTMToken login gives error code 5",
    "socket error 110 on upload",
    "last system error: 2",
  ])("%s is no Agora code", (query) => {
    expect(ids(query)).toEqual([]);
  });
  it("while the same numbers asked plainly are", () => {
    expect(ids("what is error code 5")).toContain("err-refused");
    expect(ids("error 110 on join")).toContain("invalid-token");
  });
});
