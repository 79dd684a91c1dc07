import { defineConfig } from "vitest/config";

// The whole suite runs twice, once per execution engine: the setup file makes the project's engine
// the library default, and TRAPVISOR_ENGINE carries it to CLIs the tests spawn.
const engineProject = (engine: "interp" | "jit") => ({
  extends: true as const,
  test: {
    name: engine,
    // Under jit, code is translated on its first visit, so even short tests run translated code.
    env: engine === "jit" ? { TRAPVISOR_ENGINE: engine, TRAPVISOR_JIT_HOT: "1" } : { TRAPVISOR_ENGINE: engine },
    setupFiles: ["src/testing/engine-setup.ts"],
  },
});

export default defineConfig({
  // The interpreter's `case Op.X` labels must become literals, as tsc makes them in the build:
  // V8 builds a jump table only from literal case labels (src/hart/interpreter.ts).
  oxc: { typescript: { optimizeConstEnums: true } },
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 60_000,
    projects: [engineProject("interp"), engineProject("jit")],
  },
});
