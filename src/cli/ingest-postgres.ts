import type { StoreConfig } from "../config.js";
import type { LoadedCorpus } from "../corpus/types.js";
import type { IndexEmbeddings } from "../index/build.js";
import { ingestToPostgres } from "../index/postgres.js";
import { fail, note } from "./common.js";
import { createPgPool } from "./postgres.js";

/**
 * `STORE=postgres npm run ingest`: writes the corpus as a new generation (copying the rows of
 * unchanged articles from the current one, embedding the rest) and switches bots to it; nothing
 * when the corpus is unchanged. Prints where the time went (rows, HNSW index) and the generation.
 * Returns whether it succeeded; a failure (the server refusing, another ingest running) is one line,
 * and ends the process unless `watching`, where the next round tries again.
 */
export async function ingestPostgres(
  store: Extract<StoreConfig, { kind: "postgres" }>,
  corpus: LoadedCorpus,
  inputs: string[],
  embeddings: IndexEmbeddings,
  started: number,
  opts: { full?: boolean; watching?: boolean } = {},
): Promise<{ ok: boolean; problems: boolean }> {
  const pool = createPgPool(store.databaseUrl, { max: 2 });
  try {
    let shown = 0;
    const summary = await ingestToPostgres({
      pool,
      corpus,
      embeddings,
      inputs,
      full: opts.full ?? false,
      onProgress: (done, total) => {
        // A line per tenth, for logs (a scheduled job has no terminal for a bar).
        if (total > 0 && (done === total || done - shown >= total / 10)) {
          shown = done;
          note(`写入 loading ${done}/${total} 段落 passages`);
        }
      },
    });
    const problems = corpus.problems.length > 0 || summary.duplicateArticleIds.length > 0;
    if (summary.unchanged) {
      if (!opts.watching)
        process.stdout.write(
          `语料未变 (corpus unchanged): PostgreSQL 第 ${summary.generation} 代仍在使用 (generation ${summary.generation} stays current)\n`,
        );
      return { ok: true, problems };
    }
    for (const id of summary.duplicateArticleIds)
      note(`重复的文章 id ${id}（后出现的已跳过 later one skipped）`);
    const seconds = (performance.now() - started) / 1000;
    const perSecond = Math.round(summary.passages / (summary.loadMs / 1000 || 1));
    process.stdout.write(
      `已索引 ${summary.articles} 篇文章、${summary.passages} 个段落，用时 ${seconds.toFixed(2)} 秒 → PostgreSQL 第 ${summary.generation} 代` +
        ` (indexed ${summary.articles} articles, ${summary.passages} passages in ${seconds.toFixed(2)} s: rows ${(summary.loadMs / 1000).toFixed(1)} s = ${perSecond}/s,` +
        ` HNSW index ${(summary.indexMs / 1000).toFixed(1)} s; ${summary.embedded} embedded, ${summary.reused} copied unchanged;` +
        ` generation ${summary.generation} is current` +
        `${summary.dropped.length > 0 ? `, removed ${summary.dropped.join(", ")}` : ""})\n`,
    );
    return { ok: true, problems };
  } catch (error) {
    // The server refusing, a wrong password, another ingest running: one line, and the generation
    // the bots answer from is untouched.
    const why = error instanceof Error ? error.message : String(error);
    const line = `PostgreSQL: ${why}；正在使用的索引未改动 (the index in use is unchanged)`;
    if (!opts.watching) fail(line);
    note(line);
    return { ok: false, problems: true };
  } finally {
    await pool.end();
  }
}
