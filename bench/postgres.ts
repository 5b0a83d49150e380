/**
 * A PostgreSQL server for the store's ack figures: BENCH_DATABASE_URL when given, else a
 * throw-away one from scripts/with-postgres.sh (temporary directory, 127.0.0.1), stopped after.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";

export type BenchPostgres = { url: string; close(): Promise<void> } | { url: undefined; note: string };

export async function benchPostgres(root: string): Promise<BenchPostgres> {
  const given = process.env.BENCH_DATABASE_URL?.trim();
  if (given) return { url: given, close: async () => undefined };
  const child = spawn(
    "bash",
    [
      join(root, "scripts/with-postgres.sh"),
      process.execPath,
      "-e",
      "console.log(process.env.AGORA_TEST_DATABASE_URL);process.stdin.resume();process.stdin.on('end',()=>process.exit(0))",
    ],
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  let output = "";
  let errors = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const started = await Promise.race([
    new Promise<boolean>((resolve) => {
      const poll = setInterval(() => {
        if (output.includes("\n")) {
          clearInterval(poll);
          resolve(true);
        }
      }, 20);
      void exited.then(() => {
        clearInterval(poll);
        resolve(output.includes("\n"));
      });
    }),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000)),
  ]);
  if (!started) {
    child.kill("SIGTERM");
    return {
      url: undefined,
      note: `no PostgreSQL for the store's figures (set BENCH_DATABASE_URL, or install postgresql): ${errors.trim().split("\n").pop() ?? ""}`,
    };
  }
  return {
    url: output.trim(),
    async close() {
      child.stdin.end();
      await exited;
    },
  };
}
