import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Integration tests that need a network are named *.int.test.ts and kept out of the default run.
    exclude: ["**/node_modules/**", "tests/**/*.int.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
