// vitest setup: the engine named by the project (TRAPVISOR_ENGINE) becomes the library default.
import { type EngineName, setDefaultEngine } from "../hart/engine.js";

setDefaultEngine((process.env.TRAPVISOR_ENGINE ?? "interp") as EngineName);
