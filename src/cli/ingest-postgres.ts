import type { StoreConfig } from "../config.js";
import type { LoadedCorpus } from "../corpus/types.js";
import type { IndexEmbeddings } from "../index/build.js";
import { ingestToPostgres } from "../index/postgres.js";
import { fail, note } from "./common.js";
import { createPgPool } from "./postgres.js";

/**
 * `STORE=postgres npm run ingest`: writes the corpus as a new generation and switches bots to it.
 * Prints where the time went (rows, HNSW index) and the generation; exit 1 on skipped input, as
 * the embedded ingest.
 */
export async function ingestPostgres(
  store: Extract<StoreConfig, { kind: "postgres" }>,
  corpus: LoadedCorpus,
  inputs: string[],
  embeddings: IndexEmbeddings,
  started: number,
): Promise<void> {
  const pool = createPgPool(store.databaseUrl, { max: 2 });
  try {
    let shown = 0;
    const summary = await ingestToPostgres({
      pool,
      corpus,
      embeddings,
      inputs,
      onProgress: (done, total) => {
        // A line per tenth, for logs (a scheduled job has no terminal for a bar).
        if (total > 0 && (done === total || done - shown >= total / 10)) {
          shown = done;
          note(`写入 loading ${done}/${total} 段落 passages`);
        }
      },
    });
    for (const id of summary.duplicateArticleIds)
      note(`重复的文章 id ${id}（后出现的已跳过 later one skipped）`);
    const seconds = (performance.now() - started) / 1000;
    const perSecond = Math.round(summary.passages / (summary.loadMs / 1000 || 1));
    process.stdout.write(
      `已索引 ${summary.articles} 篇文章、${summary.passages} 个段落，用时 ${seconds.toFixed(2)} 秒 → PostgreSQL 第 ${summary.generation} 代` +
        ` (indexed ${summary.articles} articles, ${summary.passages} passages in ${seconds.toFixed(2)} s: rows ${(summary.loadMs / 1000).toFixed(1)} s = ${perSecond}/s,` +
        ` HNSW index ${(summary.indexMs / 1000).toFixed(1)} s; generation ${summary.generation} is current` +
        `${summary.dropped.length > 0 ? `, removed ${summary.dropped.join(", ")}` : ""})\n`,
    );
    if (corpus.problems.length > 0 || summary.duplicateArticleIds.length > 0) process.exitCode = 1;
  } catch (error) {
    // The server refusing, a wrong password, another ingest running: one line, and the generation
    // the bots answer from is untouched.
    const why = error instanceof Error ? error.message : String(error);
    fail(`PostgreSQL: ${why}；正在使用的索引未改动 (the index in use is unchanged)`);
  } finally {
    await pool.end();
  }
}
