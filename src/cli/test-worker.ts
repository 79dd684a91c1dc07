import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parentPort } from "node:worker_threads";
import type { MisalignedPolicy } from "../hart/hart.js";
import type { EngineName } from "../hart/engine.js";
import { parseIsa } from "../isa/isa-string.js";
import { runTest } from "../testing.js";
import { applyJitEnvironment } from "./args.js";
import { warmUp } from "../warmup.js";

applyJitEnvironment();
let warmed = false;

// One test per message: { index, path, maxInsns } -> { index, outcome }.
parentPort?.on("message", (m: { index: number; path: string; maxInsns: number; isa: string; misaligned: MisalignedPolicy; engine: EngineName }) => {
  let outcome;
  if (!warmed) { warmUp([m.engine]); warmed = true; } // once per worker
  try {
    outcome = runTest(readFileSync(m.path), basename(m.path), m.maxInsns, { isa: parseIsa(m.isa), misaligned: m.misaligned, engine: m.engine });
  } catch (e) {
    outcome = { name: basename(m.path), passed: false, detail: `error: ${e instanceof Error ? e.message : String(e)}`, retired: 0, hostSeconds: 0 };
  }
  parentPort?.postMessage({ index: m.index, outcome });
});
