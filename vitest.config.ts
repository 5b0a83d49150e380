import { defineConfig } from "vitest/config";

// Timing-ratio checks (a scan on 4x the input takes < 10x the time) run alone, after the rest:
// sharing two cores with other test files' processes skews them. Packing and installing, which
// uses every core for a while, runs last.
const TIMING = ["test/scan/robustness.test.ts"];
const PACKAGE = ["test/package/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "core", include: ["test/**/*.test.ts"], exclude: [...TIMING, ...PACKAGE] },
      },
      { extends: true, test: { name: "timing", include: TIMING, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: "package", include: PACKAGE, sequence: { groupOrder: 2 } } },
    ],
  },
});
