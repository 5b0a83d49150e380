#!/usr/bin/env node
process.env.AGORA_BOT_CLI = "1";
await import("../dist/cli/main.js");
