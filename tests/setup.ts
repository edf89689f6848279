import { afterAll } from "vitest";
import { removeScratchDirs } from "./helpers/scratch.js";

// Runs in every test file (vitest's setupFiles, re-run per file even where modules are shared).
afterAll(async () => {
  await removeScratchDirs();
});
