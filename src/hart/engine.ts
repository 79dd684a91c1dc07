/** How instructions are executed: the interpreter, or the block translator (JavaScript per hot block). */
export type EngineName = "interp" | "jit";
export const ENGINES: readonly EngineName[] = ["interp", "jit"];

let defaultEngine: EngineName = "jit";

/** The engine a Machine uses when its config names none (the test setup runs every suite under each). */
export function getDefaultEngine(): EngineName {
  return defaultEngine;
}

export function setDefaultEngine(engine: EngineName): void {
  if (!ENGINES.includes(engine)) throw new Error(`unknown engine '${engine}' (engines: ${ENGINES.join(", ")})`);
  defaultEngine = engine;
}

/** Visits (jumps to, or dispatches at) a pc before the jit engine translates its code. */
export const DEFAULT_HOT_THRESHOLD = 24;
let hotThreshold = DEFAULT_HOT_THRESHOLD;

/** The jit engine's translation threshold for new machines (tests use 1: translate nearly everything). */
export function getHotThreshold(): number {
  return hotThreshold;
}

export function setHotThreshold(visits: number): void {
  if (!Number.isInteger(visits) || visits < 1 || visits > 60000) throw new Error(`hot threshold must be 1..60000, got ${visits}`);
  hotThreshold = visits;
}
