import { existsSync } from "node:fs";

/**
 * Where the full public dev sets come from when `../shared/bench` is not beside the project. The
 * repository carries only subsets (tests/fixtures/bench), enough for the regression tests.
 */
export const FULL_SETS_HINT =
  "the full sets are read from ../shared/bench beside the project; without it, get CMRC 2018 dev from " +
  "github.com/ymcui/cmrc2018 (CC BY-SA 4.0) and DRCD dev from github.com/DRCKnowledgeTeam/DRCD (CC BY-SA 3.0) " +
  "and convert them as tests/fixtures/bench/README.md describes, or run on the subsets in tests/fixtures/bench";

/** A question or contexts file the evaluation needs: null when present, else what to tell the user. */
export function missingEvalFile(path: string): string | null {
  if (existsSync(path)) return null;
  return `找不到评测文件 ${path} (not found): ${FULL_SETS_HINT}`;
}
