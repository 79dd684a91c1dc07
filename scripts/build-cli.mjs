// Builds the CLI into dist/bin (run by `npm run build` after tsc):
//   main.js         the entry point (src/cli/launch.ts): runs cli.js through V8's code cache
//   cli.js          the CLI, one CommonJS bundle (src/cli/main.ts and everything it imports, elfy too,
//                   with scripts/elfy-assert.cjs for Node's assert: ~1.5 ms of start-up less)
//   test-worker.js  the worker `trapvisor test` runs files in
//   cli.cache       V8's code cache for cli.js, written by a short run of the CLI
//   package.json    {"type": "commonjs"}: CommonJS starts faster than an ES module graph
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist/bin");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "package.json"), '{ "type": "commonjs" }\n');

// import() becomes require(): the launcher runs the bundle as a vm script, which has no loader for import().
const common = { bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning", absWorkingDir: root, supported: { "dynamic-import": false } };
await build({ ...common, entryPoints: { main: "src/cli/launch.ts" }, outdir: out, banner: { js: "#!/usr/bin/env node" } });
await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts", "test-worker": "src/cli/test-worker.ts" },
  outdir: out,
  alias: { assert: "./scripts/elfy-assert.cjs" },
  define: { "import.meta.url": "__importMetaUrl" },
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
});
chmodSync(join(out, "main.js"), 0o755);

// The code cache: a short jit run of a benchmark workload (start-up, ELF loading, the run loop,
// the interpreter, translation). It ends at the instruction limit (exit status 3).
const run = spawnSync(process.execPath, [join(out, "main.js"), "run", "--engine", "jit", "--max-insns", "2000000", "bench/workloads/crc32-rv32imac.elf"], {
  cwd: root, env: { ...process.env, TRAPVISOR_WRITE_CODE_CACHE: "1" }, encoding: "utf8",
});
if (run.status !== 3) {
  console.error(`build-cli: the code-cache run failed (status ${run.status}): ${run.stderr || run.error}`);
  process.exit(1);
}
