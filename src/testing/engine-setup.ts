// vitest setup: the engine named by the project (TRAPVISOR_ENGINE) becomes the library default.
import { type EngineName, setDefaultEngine, setHotThreshold } from "../hart/engine.js";

setDefaultEngine((process.env.TRAPVISOR_ENGINE ?? "interp") as EngineName);
// Under jit, translate code on its first visit, so short tests run translated code too.
if (process.env.TRAPVISOR_JIT_HOT) setHotThreshold(Number(process.env.TRAPVISOR_JIT_HOT));
