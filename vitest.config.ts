import { defineConfig } from "vitest/config";
import { HEAVY_TESTS, NETWORK_TESTS, PROCESS_TESTS } from "./tests/projects.js";

const exclude = ["**/node_modules/**", ...NETWORK_TESTS];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Removes the temporary folders a test file made (tests/helpers/scratch.ts) after it.
    setupFiles: ["tests/setup.ts"],
    hookTimeout: 120_000,
    // `vitest run` runs both projects (npm test); `--project unit` the fast one alone (npm run test:unit).
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Files share a worker's module cache: jieba, LangChain and the corpus load once per worker,
          // not per file (CPU for the unit run 31 s → 11 s here). Unit tests keep no global state.
          isolate: false,
          // One worker takes every unit file (vitest gives a non-isolated project's files to one worker
          // only when it has one); the unit files run first, while `npm test`'s checks use the other core.
          maxWorkers: 1,
          sequence: { groupOrder: 0 },
          include: ["tests/**/*.test.ts"],
          exclude: [...exclude, ...PROCESS_TESTS, ...HEAVY_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: "slow",
          // Two files at once: these mostly wait on the processes and servers they start, so on two
          // cores one file at a time left a core idle.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          include: [...PROCESS_TESTS, ...HEAVY_TESTS],
          exclude,
        },
      },
    ],
  },
});
