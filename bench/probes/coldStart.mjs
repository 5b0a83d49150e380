// Its own process: from process start (performance.timeOrigin) until the knowledge is loaded and
// indexed, on the compiled code, along the path `node dist/main.js` takes (the build's snapshot),
// or with `yaml` the full YAML load and validation (knowledge/ edited since the last build).
const path =
  process.argv[2] === "yaml" ? "../../dist/index/loadIndex.js" : "../../dist/index/loadIndexFast.js";
const module = await import(path);
const index =
  process.argv[2] === "yaml" ? module.loadKnowledgeIndex() : await module.loadKnowledgeIndexFast();
process.stdout.write(JSON.stringify({ ms: performance.now(), entries: index.entries.length }));
