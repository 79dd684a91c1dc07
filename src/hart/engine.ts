/** How instructions are executed: the interpreter, or the block translator (JavaScript per hot block). */
export type EngineName = "interp" | "jit";
export const ENGINES: readonly EngineName[] = ["interp", "jit"];

let defaultEngine: EngineName = "interp";

/** The engine a Machine uses when its config names none (the test setup runs every suite under each). */
export function getDefaultEngine(): EngineName {
  return defaultEngine;
}

export function setDefaultEngine(engine: EngineName): void {
  if (!ENGINES.includes(engine)) throw new Error(`unknown engine '${engine}' (engines: ${ENGINES.join(", ")})`);
  defaultEngine = engine;
}
