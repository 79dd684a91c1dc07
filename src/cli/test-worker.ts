import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parentPort } from "node:worker_threads";
import { runTest } from "../testing.js";

// One test per message: { index, path, maxInsns } -> { index, outcome }.
parentPort?.on("message", (m: { index: number; path: string; maxInsns: number }) => {
  let outcome;
  try {
    outcome = runTest(readFileSync(m.path), basename(m.path), m.maxInsns);
  } catch (e) {
    outcome = { name: basename(m.path), passed: false, detail: `error: ${e instanceof Error ? e.message : String(e)}`, retired: 0, hostSeconds: 0 };
  }
  parentPort?.postMessage({ index: m.index, outcome });
});
