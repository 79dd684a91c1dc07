import { describe, expect, it } from "vitest";
import { warmUp } from "./warmup.js";

describe("warmUp", () => {
  it("runs its program to the end in M and under Sv32 in S (it throws otherwise), once per process", () => {
    expect(() => warmUp(["interp"])).not.toThrow();
    expect(() => warmUp(["interp"])).not.toThrow();
  });
});
