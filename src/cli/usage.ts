// The commands' usage and help, apart from the commands so that `help` loads none of them.
export const LOOKUP_USAGE = "agora-bot lookup [--lang en|zh] [--json | --jsonl | --blocks] <query…>";
export const SCAN_USAGE = "agora-bot scan [--lang en|zh] [--json | --jsonl | --blocks] [--quiet] [FILE… | -]";
export const REPORT_USAGE = "agora-bot report [--days N] [--json]";
export const LIST_USAGE = "agora-bot list [--lang en|zh] [--json | --blocks] [CATEGORY]";
export const KB_CHECK_USAGE = "agora-bot kb-check [--reference FILE]";

const LOOKUP_HELP = `Usage: ${LOOKUP_USAGE}

Answers one query: an error code (110, -110, #109), an error, callback or event name in any SDK's
spelling (ERR_NO_AUTHORIZED, onTokenPrivilegeWillExpire), or a few words in English or Chinese.

Options:
  --lang en|zh  answer in this language (default: the query's, else DEFAULT_LANG)
  --json        the answer as JSON: matches with their text, suggestions, other meanings
  --jsonl       read one query a line from stdin, print one JSON object a line
  --blocks      the Slack Block Kit JSON of the answer, for Slack's Block Kit Builder
  -h, --help    this help

Examples:
  agora-bot lookup 110
  agora-bot lookup -110
  agora-bot lookup --lang zh token expired
  agora-bot lookup --json 109 110

Exit status: 0 found, 1 no match, 2 usage error, 3 knowledge base invalid.`;

const SCAN_HELP = `Usage: ${SCAN_USAGE}

Finds every Agora token error in a log (browser console, logcat, Xcode, Flutter, Unity, Electron)
and says where, how sure, and how to fix it. Reads stdin when no FILE is given, or for -, as the
text arrives: a log of any size, or a pipe that never ends, runs in flat memory.

Options:
  --lang en|zh  answer in this language (default: the log's, else DEFAULT_LANG)
  --json        the findings as JSON: platform, and each finding with its line, evidence and text
  --jsonl       one JSON object a file, one a line, with "file"
  --blocks      the Slack Block Kit JSON of the reply, for Slack's Block Kit Builder
  -q, --quiet   no progress line on the terminal
  -h, --help    this help

Examples:
  agora-bot scan console.log
  adb logcat -d | agora-bot scan
  agora-bot scan --json app.log

Exit status: 0 found, 1 nothing found, 2 usage error or unreadable file, 3 knowledge base invalid,
130 interrupted.`;

const KB_CHECK_HELP = `Usage: ${KB_CHECK_USAGE}

Validates every file of the knowledge base (the token entries and knowledge/catalogue/), checks
that every code and name is found by lookup and that every entry has English and Chinese text,
and prints the coverage of Agora's reference table: every row of agora-error-codes.tsv must
resolve to the entry with that name and code on that platform; each row that does not is listed.

Options:
  --reference FILE  the reference table (default: AGORA_REFERENCE, else
                    ../shared/reference/agora-error-codes.tsv, else the copy in test/fixtures/reference/)
  -h, --help        this help

Exit status: 0 all resolve, 1 some do not, 2 usage error, 3 knowledge base invalid.`;

const LIST_HELP = `Usage: ${LIST_USAGE}

Shows the catalogue of Agora errors by category: without CATEGORY every category with its id and
number of entries; with one (its id, a unique start of it, or a part of one title) every entry of
it, one line each.

Options:
  --lang en|zh  list in this language (default: DEFAULT_LANG)
  --json        the categories, or the category's entries, as JSON
  --blocks      the Slack Block Kit JSON of the listing (its first page), for Block Kit Builder
  -h, --help    this help

Examples:
  agora-bot list
  agora-bot list native-errors-join
  agora-bot list --lang zh web-errors-network

Exit status: 0 listed, 1 no such category, 2 usage error, 3 knowledge base invalid.`;

const REPORT_HELP = `Usage: ${REPORT_USAGE}

The knowledge-gap report from the database the bot writes: what people asked that found no
answer, and the votes on answers. Reads DATABASE_URL or DATA_DIR (default ./data), as the bot does.

Options:
  --days N      the last N days (default 30)
  --json        the report as JSON

Exit status: 0 done, 2 usage error, 4 database unreachable.`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  lookup: LOOKUP_HELP,
  scan: SCAN_HELP,
  list: LIST_HELP,
  "kb-check": KB_CHECK_HELP,
  report: REPORT_HELP,
};
