/**
 * Run by `npm run build` after tsc: writes dist/cli/main.bundle.js, the CLI's entry point and
 * the modules of `agora-bot lookup` in one file, which bin/agora-bot.js loads. Loading some
 * thirty small ES modules was about a quarter of a whole `agora-bot lookup`; one file saves most
 * of that (docs/performance.md).
 *
 * Every other lazily imported module (scan, list, kb-check, report, the YAML fallback, Block Kit)
 * stays a reference to its file in dist/, so it still loads only when needed and lookup still
 * loads nothing of the scanner, Slack, YAML or zod; the build fails if the bundle would.
 * errors.js is left out too: runCli tells its errors apart with `instanceof`, so the bundle and
 * the modules it refers to must share one copy of those classes.
 */
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
const ENTRY = join(DIST, "cli", "main.js");
/** In dist/cli/ like main.js, so the paths it builds from `import.meta.url` still hold. */
const BUNDLE = join(DIST, "cli", "main.bundle.js");

/** Imported lazily by the modules above, and needed by every lookup. */
const LOOKUP_PATH = new Set([join(DIST, "cli", "lookup.js"), join(DIST, "index", "loadIndexFast.js")]);
const SHARED = new Set([join(DIST, "errors.js")]);
const NEVER_BUNDLED = /^(scan|slack|store)$/;
const NEVER_IMPORTED = /^(yaml|zod|@slack\/.*)$/;

const keepLazyImportsOut: Plugin = {
  name: "keep-lazy-imports-out",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
      const file = resolve(args.resolveDir, args.path);
      const lazy = args.kind === "dynamic-import" && !LOOKUP_PATH.has(file);
      if (!lazy && !SHARED.has(file)) return undefined;
      const path = relative(dirname(BUNDLE), file).split(sep).join("/");
      return { path: path.startsWith(".") ? path : `./${path}`, external: true };
    });
  },
};

const result = await build({
  entryPoints: [ENTRY],
  outfile: BUNDLE,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  plugins: [keepLazyImportsOut],
  absWorkingDir: ROOT,
  metafile: true,
  logLevel: "warning",
});

const output = result.metafile.outputs[relative(ROOT, BUNDLE).split(sep).join("/")];
if (!output) throw new Error(`esbuild wrote no ${BUNDLE}`);
const bundled = Object.keys(output.inputs).filter((input) =>
  NEVER_BUNDLED.test(relative(DIST, resolve(input)).split(sep)[0] ?? ""),
);
const staticPackages = output.imports
  .filter((item) => item.kind === "import-statement" && NEVER_IMPORTED.test(item.path))
  .map((item) => item.path);
if (bundled.length > 0 || staticPackages.length > 0) {
  throw new Error(
    `the CLI bundle must not hold the scanner, Slack or the store, nor import YAML, zod or Slack up front: ${[...bundled, ...staticPackages].join(", ")}`,
  );
}
