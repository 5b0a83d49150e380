import { describe, expect, it } from "vitest";
import { FAMILY_MARKS, inferSdkFamily, marksIn } from "../../src/scan/sdkFamily.js";
import { seededBelow } from "../random.js";

const MARKS = [...new Set(FAMILY_MARKS.flatMap(([, marks]) => marks))];

describe("SDK family marks", () => {
  it("finds every mark a text holds, as includes does, however marks overlap or share a start", () => {
    const below = seededBelow(7);
    // Whole marks, their heads and tails, and what sits between them in logs.
    const pieces = [
      ...MARKS,
      ...MARKS.map((mark) => mark.slice(0, 1 + below(mark.length))),
      ...MARKS.map((mark) => mark.slice(below(mark.length))),
      " ",
      "\n",
      ":",
      "[",
      "(",
      ".",
      "_",
      "x",
      "端",
    ];
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: 1 + below(12) }, () => pieces[below(pieces.length)]).join("");
      expect([...marksIn(text)].sort(), text).toEqual(MARKS.filter((mark) => text.includes(mark)).sort());
    }
  });

  it("names the family from the marks", () => {
    expect(inferSdkFamily("E/agora: onError: 110")).toBe("android");
    expect(inferSdkFamily("Agora-SDK [ERROR]: Get server node failed")).toBe("web-3x");
    expect(inferSdkFamily("AgoraRTCError CAN_NOT_GET_GATEWAY_SERVER")).toBe("web-4x");
    expect(inferSdkFamily("Uncaught (in promise) at main.js:12 in Chrome")).toBe("web");
    expect(inferSdkFamily("nothing to see")).toBe("unknown");
  });
});
