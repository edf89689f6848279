// Preloaded into the bot process by `npm run bench:bot` only (`node --expose-gc --import` this file),
// never by `npm start`. On SIGUSR2 it writes process.memoryUsage() to stderr, then forces a full
// garbage collection and writes it again half a second later (V8 unmaps freed pages on background
// threads), one JSON line each, for the harness to report the memory as found and what stays.
import { getHeapSpaceStatistics } from "node:v8";

process.on("SIGUSR2", () => {
  // Per V8 heap space: [committed, used] in bytes, to tell young-generation growth from old-space growth.
  const spaces = () =>
    Object.fromEntries(
      getHeapSpaceStatistics().map((s) => [s.space_name, [s.space_size, s.space_used_size]]),
    );
  const line = (when) =>
    `bench-mem ${JSON.stringify({ when, ...process.memoryUsage(), spaces: spaces() })}\n`;
  process.stderr.write(line("raw"));
  globalThis.gc?.();
  setTimeout(() => process.stderr.write(line("gc")), 500);
});
