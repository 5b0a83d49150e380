import type { GapReport } from "../../store/types.js";
import type { Lang } from "../../text/language.js";
import { FEEDBACK_STRINGS } from "./feedbackBlocks.js";
import { escapeMrkdwn } from "./mrkdwn.js";
import { type Block, mrkdwn, plain } from "./types.js";

const ROWS = 10;

/** The knowledge-gap summary App Home shows to admins; `undefined` when the database is down. */
export function renderReportBlocks(report: GapReport | undefined, days: number, lang: Lang): Block[] {
  const strings = FEEDBACK_STRINGS[lang];
  const blocks: Block[] = [{ type: "divider" }, { type: "header", text: plain(strings.reportTitle(days)) }];
  if (!report) return [...blocks, { type: "context", elements: [mrkdwn(strings.reportUnavailable)] }];
  const section = (title: string, lines: string[]): Block => ({
    type: "section",
    text: mrkdwn(`*${title}*\n${lines.length > 0 ? lines.slice(0, ROWS).join("\n") : strings.reportNone}`),
  });
  blocks.push(
    section(
      strings.reportUnanswered,
      report.unanswered.map(
        (row) =>
          `• ${row.count}× (${strings.reportKinds[row.kind]}) \`${escapeMrkdwn(row.text.slice(0, 120)).replace(/`/g, "'")}\``,
      ),
    ),
    section(
      strings.reportDownvoted,
      report.downvoted.map((row) => `• \`${row.entry}\`: ${row.down} 👎 · ${row.up} 👍`),
    ),
    section(
      strings.reportAnswers,
      report.answersPerEntry.map((row) => `• \`${row.entry}\`: ${row.answers}`),
    ),
  );
  return blocks;
}
