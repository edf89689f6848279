import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAnswerService } from "../answer/service.js";
import type { AnswerService } from "../answer/types.js";
import { parseJsonl } from "../corpus/jsonl.js";
import type { IndexEmbeddings } from "../index/build.js";
import { buildIndex } from "../index/build.js";
import { loadIndex } from "../index/load.js";
import { readManifest } from "../index/manifest.js";
import { type ContextRow, contextArticles, readJsonl, toJsonl } from "./bench/synthetic.js";

/**
 * Indexes a SQuAD-style contexts file as one pool (each paragraph an article whose id is its
 * `context_id`), reusing an index in `dir` that was built from the same bytes.
 */
export async function contextsService(
  contextsPath: string,
  dir: string | undefined,
  embeddings: IndexEmbeddings,
  note: (line: string) => void = () => {},
): Promise<AnswerService> {
  const bytes = await readFile(contextsPath);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // Without --index the pool is rebuilt every run (a second or two), so a change to chunking or
  // tokenising is always measured; with --index an index built from the same bytes is reused.
  const indexDir = dir ?? (await mkdtemp(join(tmpdir(), "gaoxin-eval-")));
  const manifest = dir === undefined ? null : await readManifest(indexDir);
  const fresh = manifest?.ok === true && manifest.value.corpus.files.some((f) => f.sha256 === sha256);
  if (!fresh) {
    const rows = (await readJsonl<ContextRow>(contextsPath)) as ContextRow[];
    const parsed = parseJsonl(toJsonl(contextArticles(rows)), contextsPath);
    for (const p of parsed.problems) note(`${p.path}:${p.line ?? "?"}: ${p.message}`);
    note(`正在为 ${rows.length} 个段落建立索引 (indexing ${rows.length} paragraphs) → ${indexDir}`);
    await buildIndex({
      corpus: {
        articles: parsed.articles,
        problems: parsed.problems,
        files: [{ path: contextsPath, sha256 }],
      },
      embeddings,
      dir: indexDir,
      inputs: [contextsPath],
    });
  }
  const loaded = await loadIndex(indexDir, embeddings);
  if (dir === undefined) await rm(indexDir, { recursive: true, force: true });
  if (!loaded.ok) throw new Error(loaded.error.message);
  return createAnswerService(loaded.value);
}
