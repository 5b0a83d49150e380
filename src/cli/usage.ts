// The commands' usage lines, apart from the commands so that `help` loads none of them.
export const LOOKUP_USAGE = "agora-bot lookup [--lang en|zh] [--json | --jsonl] <query…>";
export const SCAN_USAGE = "agora-bot scan [--lang en|zh] [--json | --jsonl] [--quiet] [FILE… | -]";
export const LIST_USAGE = "agora-bot list [--lang en|zh] [--json] [CATEGORY]";
export const KB_CHECK_USAGE = "agora-bot kb-check [--reference agora-error-codes.tsv]";
export const REPORT_USAGE = "agora-bot report [--days N] [--json]";
