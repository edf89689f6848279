import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseJsonl } from "../../src/corpus/jsonl.js";
import { buildIndex } from "../../src/index/build.js";
import { type LoadedIndex, loadIndex } from "../../src/index/load.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";

// Zone news written for the tests of the kinds of question (tests/fixtures/SOURCES.md): not the shared
// benchmark questions, which are measured, not tested.
const FILE = "kinds-news.jsonl";

/** An index of `tests/fixtures/kinds-news.jsonl`, built under `root`. */
export async function kindsIndex(root: string): Promise<LoadedIndex> {
  return fixtureIndex(root, FILE);
}

/** An index of one `.jsonl` file of `tests/fixtures/` (news written for the tests), built under `root`. */
export async function fixtureIndex(root: string, fixture: string): Promise<LoadedIndex> {
  const embeddings = new LocalEmbeddings({ dimensions: 256 });
  const path = `fixtures/${fixture}`;
  const parsed = parseJsonl(readFileSync(new URL(`../${path}`, import.meta.url), "utf8"), path);
  const dir = join(root, "index");
  await buildIndex({
    corpus: {
      articles: parsed.articles,
      problems: [],
      files: [{ path, sha256: "x" }],
    },
    embeddings,
    dir,
    inputs: [path],
  });
  const loaded = await loadIndex(dir, embeddings);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value;
}
