// The CLI's entry point, dist/bin/main.js (built as CommonJS by scripts/build-cli.mjs). It runs the
// CLI bundle, dist/bin/cli.js, through V8's code cache, dist/bin/cli.cache, which the build writes
// after a short run: a start-up then skips parsing and compiling the functions a run uses (measured:
// `run --max-insns 1` 94 -> 77 ms, Node alone 58 ms). A missing or rejected cache (another Node or
// V8 flags) only means compiling as usual. TRAPVISOR_WRITE_CODE_CACHE=1 writes it at exit. (The
// bundle has no import(): the build turns it into require(), which a vm script can call.)
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire, wrap } from "node:module";
import { join } from "node:path";
import vm from "node:vm";

const bundle = join(__dirname, "cli.js");
const cacheFile = join(__dirname, "cli.cache");
const writing = process.env.TRAPVISOR_WRITE_CODE_CACHE === "1";
let cachedData: Buffer | undefined;
if (!writing) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // not built: compile as usual
  }
}
const script = new vm.Script(wrap(readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
if (writing) {
  // At exit: the cache then holds every function the run compiled, not only the top level.
  process.on("exit", () => {
    const temporary = `${cacheFile}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  });
}
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, __dirname);
