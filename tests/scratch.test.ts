import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeScratchDirs, scratchDir } from "./helpers/scratch.js";

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

describe("scratchDir", () => {
  it("makes a fresh folder, and removeScratchDirs removes it with its contents and nothing else", async () => {
    const other = await mkdtemp(join(tmpdir(), "gaoxin-not-scratch-"));
    const a = await scratchDir("gaoxin-scratch-");
    const b = await scratchDir("gaoxin-scratch-");
    expect(a).not.toBe(b);
    await writeFile(join(a, "file.txt"), "x");
    expect(await removeScratchDirs()).toEqual([a, b]);
    expect(await exists(a)).toBe(false);
    expect(await exists(b)).toBe(false);
    expect(await exists(other)).toBe(true);
    expect(await removeScratchDirs()).toEqual([]);
    await rm(other, { recursive: true });
  });
});
