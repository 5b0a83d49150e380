/**
 * Run by `npm run build` after tsc: writes two one-file bundles in dist/cli/, which
 * bin/agora-bot.js loads:
 *
 * - main.bundle.js: the CLI's entry point and the modules of `agora-bot lookup`. Loading some
 *   thirty small ES modules was about a quarter of a whole `agora-bot lookup`.
 * - scan.bundle.js: the `scan` command and the scanner, loaded only when a scan runs (the
 *   main bundle's import of ./scan.js points at it). Loading the scanner's modules one by one
 *   was about 20 ms of every `agora-bot scan` (docs/performance.md).
 *
 * Every other lazily imported module (list, kb-check, report, the YAML fallback, Block Kit)
 * stays a reference to its file in dist/, so it still loads only when needed and lookup still
 * loads nothing of the scanner, Slack, YAML or zod; the build fails if a bundle would break
 * that. errors.js is left out of both: runCli tells its errors apart with `instanceof`, so the
 * bundles and the modules they refer to must share one copy of those classes. The scan bundle
 * has its own copies of a few pure helpers the main bundle holds too (text, knowledge model);
 * what the two share at run time is the index object main hands to runScan.
 */
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Metafile, type Plugin } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = join(ROOT, "dist");
/** Both in dist/cli/ like main.js, so the paths their modules build from `import.meta.url` still hold. */
const MAIN_ENTRY = join(DIST, "cli", "main.js");
const MAIN_BUNDLE = join(DIST, "cli", "main.bundle.js");
const SCAN_ENTRY = join(DIST, "cli", "scan.js");
const SCAN_BUNDLE = join(DIST, "cli", "scan.bundle.js");

/** Imported lazily by the modules above, and needed by every lookup. */
const LOOKUP_PATH = new Set([join(DIST, "cli", "lookup.js"), join(DIST, "index", "loadIndexFast.js")]);
const SHARED = new Set([join(DIST, "errors.js")]);
const NEVER_IMPORTED = /^(yaml|zod|@slack\/.*)$/;

/** A module path as an import from a bundle in dist/cli/. */
function fromBundle(file: string): string {
  const path = relative(dirname(MAIN_BUNDLE), file).split(sep).join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/**
 * Leaves lazily imported modules (but those of `keep`) and the shared ones as references to
 * their files; an import of the scan command goes to its bundle.
 */
function keepLazyImportsOut(keep: ReadonlySet<string>): Plugin {
  return {
    name: "keep-lazy-imports-out",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
        const file = resolve(args.resolveDir, args.path);
        const lazy = args.kind === "dynamic-import" && !keep.has(file);
        if (!lazy && !SHARED.has(file)) return undefined;
        return { path: fromBundle(file === SCAN_ENTRY ? SCAN_BUNDLE : file), external: true };
      });
    },
  };
}

async function bundle(entry: string, outfile: string, keep: ReadonlySet<string>): Promise<Metafile> {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    plugins: [keepLazyImportsOut(keep)],
    absWorkingDir: ROOT,
    metafile: true,
    logLevel: "warning",
  });
  return result.metafile;
}

/** The build fails when a bundle holds a module of `forbidden` folders or imports YAML, zod or Slack up front. */
function check(metafile: Metafile, outfile: string, forbidden: RegExp, what: string): void {
  const output = metafile.outputs[relative(ROOT, outfile).split(sep).join("/")];
  if (!output) throw new Error(`esbuild wrote no ${outfile}`);
  const bundled = Object.keys(output.inputs).filter((input) =>
    forbidden.test(relative(DIST, resolve(input)).split(sep)[0] ?? ""),
  );
  const staticPackages = output.imports
    .filter((item) => item.kind === "import-statement" && NEVER_IMPORTED.test(item.path))
    .map((item) => item.path);
  if (bundled.length > 0 || staticPackages.length > 0) {
    throw new Error(
      `${what} must not hold ${forbidden.source}, nor import YAML, zod or Slack up front: ${[...bundled, ...staticPackages].join(", ")}`,
    );
  }
}

check(
  await bundle(MAIN_ENTRY, MAIN_BUNDLE, LOOKUP_PATH),
  MAIN_BUNDLE,
  /^(scan|slack|store)$/,
  "the CLI bundle",
);
check(await bundle(SCAN_ENTRY, SCAN_BUNDLE, new Set()), SCAN_BUNDLE, /^(slack|store)$/, "the scan bundle");
