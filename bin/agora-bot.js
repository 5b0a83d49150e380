#!/usr/bin/env node
import { existsSync } from "node:fs";

process.env.AGORA_BOT_CLI = "1";
// The build's one-file CLI (scripts/bundleCli.ts) when it is there; the compiled modules otherwise.
const bundle = new URL("../dist/cli/main.bundle.js", import.meta.url);
await import(existsSync(bundle) ? bundle.href : "../dist/cli/main.js");
