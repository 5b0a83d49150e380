import { describe, expect, it } from "vitest";
import { BotState } from "../../src/slack/botState.js";
import { openSqlStore } from "../../src/store/sqlStore.js";
import { MemoryLogger } from "../slack/harness.js";
import { eventually, sqliteDatabase } from "./databases.js";

describe("BotState: the database is down at start-up, then comes back", () => {
  it("deduplicates in memory meanwhile, logs once, retries, then uses the database", async () => {
    const database = sqliteDatabase();
    const logger = new MemoryLogger();
    let attempts = 0;
    const state = new BotState(
      async () => {
        attempts++;
        if (attempts < 3) throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
        return openSqlStore(database.config());
      },
      logger,
      { retryMs: 50 },
    );
    try {
      state.start();
      expect(await state.firstTime("Ev-1")).toBe(true);
      expect(await state.firstTime("Ev-1")).toBe(false);
      expect(await state.recordVote({ answerId: "a", userId: "U1", entryIds: ["x"], vote: 1 })).toBe(false);
      expect(await state.report(7)).toBeUndefined();
      await eventually(async () => (state.available ? true : undefined), "reconnect");
      expect(attempts).toBe(3);
      expect(logger.lines.filter((line) => line.includes("database is unreachable"))).toHaveLength(1);
      expect(logger.lines.some((line) => line.includes("reachable again"))).toBe(true);
      expect(await state.firstTime("Ev-2")).toBe(true);
      expect(await state.recordVote({ answerId: "a", userId: "U1", entryIds: ["x"], vote: 1 })).toBe(true);
      expect((await state.report(7))?.answersPerEntry).toEqual([{ entry: "x", answers: 1 }]);
    } finally {
      await state.close();
      database.cleanup();
    }
  });

  it("without a database, answers from memory and never records a vote", async () => {
    const state = new BotState(undefined, new MemoryLogger());
    state.start();
    expect(await state.firstTime("Ev-1")).toBe(true);
    expect(await state.firstTime("Ev-1")).toBe(false);
    expect(await state.recordVote({ answerId: "a", userId: "U1", entryIds: [], vote: -1 })).toBe(false);
    await state.close();
  });
});
