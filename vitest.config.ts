import { defineConfig } from "vitest/config";

// The whole suite runs twice, once per execution engine: the setup file makes the project's engine
// the library default, and TRAPVISOR_ENGINE carries it to CLIs the tests spawn.
const engineProject = (engine: "interp" | "jit") => ({
  extends: true as const,
  test: {
    name: engine,
    env: { TRAPVISOR_ENGINE: engine },
    setupFiles: ["src/testing/engine-setup.ts"],
  },
});

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 60_000,
    projects: [engineProject("interp"), engineProject("jit")],
  },
});
