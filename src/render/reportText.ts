import type { GapReport } from "../store/types.js";

/** `agora-bot report` for a terminal: three ranked lists, plain text. */
export function renderReportText(report: GapReport): string {
  const lines = [`Knowledge gaps over the last ${report.days} days (since ${report.since})`, ""];
  const list = (title: string, rows: string[]) => {
    lines.push(title, ...(rows.length > 0 ? rows : ["  (none)"]), "");
  };
  list(
    "Most frequent unanswered questions and logs:",
    report.unanswered.map((row) => `  ${String(row.count).padStart(5)}  ${row.kind.padEnd(5)}  ${row.text}`),
  );
  list(
    "Entries with the most 👎:",
    report.downvoted.map(
      (row) => `  ${String(row.down).padStart(5)} 👎  ${String(row.up).padStart(5)} 👍  ${row.entry}`,
    ),
  );
  list(
    "Answers per entry:",
    report.answersPerEntry.map((row) => `  ${String(row.answers).padStart(5)}  ${row.entry}`),
  );
  return `${lines.join("\n").trimEnd()}\n`;
}
