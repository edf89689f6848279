import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The folders this test file made, removed after it by `tests/setup.ts`. */
const made = new Set<string>();

/**
 * A fresh folder under the system's temporary folder, named `<prefix>XXXXXX`, removed with what it
 * holds once the test file that made it has run (a test run left ~40 of them, 18 MB, behind).
 */
export async function scratchDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes the folders {@link scratchDir} made since the last call; only those. */
export async function removeScratchDirs(): Promise<string[]> {
  const dirs = [...made];
  made.clear();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true, maxRetries: 3 })));
  return dirs;
}
