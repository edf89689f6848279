import { answerModel, createEmbeddings } from "./answer/models.js";
import { openAnswerService } from "./answer/open.js";
import { createReindexer, type Reindexer, watchIndex } from "./answer/reindex.js";
import { createSwappableService } from "./answer/swappable.js";
import { openBotPostgresService, storeConfig } from "./cli/postgres.js";
import { createFetcher } from "./corpus/feeds/http.js";
import { createFeedPoll } from "./corpus/feeds/step.js";
import { runBotProcess } from "./discord/run.js";
import { IndexFailure } from "./index/manifest.js";

/**
 * `npm start`: configuration → the answer service (building the index first if it is missing) → the
 * Discord client → login. SIGINT/SIGTERM stop it gracefully. `/reindex` rebuilds the index and swaps
 * the new service in while the old one keeps answering; with INGEST_INTERVAL set, so does a look at
 * the corpus every that many seconds. See docs/discord.md.
 */
await runBotProcess({
  envFile: ".env",
  async openService(base, logger, config) {
    const embeddings = createEmbeddings(config.embeddings, base.indexDir);
    const model = answerModel(config.llm, logger);
    const store = storeConfig();
    if (store.kind === "postgres") {
      // Shared by every bot process; `npm run ingest` writes new generations, no /reindex here.
      const service = await openBotPostgresService(store, { ...model, embeddings, logger });
      logger.info(service.stats(), "answer service ready");
      return { service };
    }
    const opened = await openAnswerService({
      indexDir: base.indexDir,
      corpusPaths: [base.corpusDir],
      embeddings,
      ...model,
      events: {
        rebuilding: (reason, detail) => logger.info({ reason, detail }, "building the index from the corpus"),
        built: (stats) => logger.info(stats, "index built"),
        skipped: (problems) => {
          for (const p of problems) logger.warn(p, "corpus file skipped");
        },
      },
    });
    if (!opened.ok) throw new IndexFailure(opened.error);
    const service = createSwappableService(opened.value);
    logger.info(service.stats(), "answer service ready");
    const rebuild = createReindexer({
      indexDir: base.indexDir,
      corpusPaths: [base.corpusDir],
      embeddings,
      ...model,
      install: (next) => service.swap(next),
      builtAt: service.stats().builtAt,
    });
    // FEEDS are fetched into the corpus before every /reindex and every look, as `npm run ingest`
    // fetches them before it reads the corpus.
    const poll = await createFeedPoll(base.feeds, base.corpusDir, createFetcher(), logger);
    const reindex: Reindexer =
      poll === null
        ? rebuild
        : {
            get running() {
              return rebuild.running;
            },
            run: async () => {
              await poll();
              return rebuild.run();
            },
            refresh: async () => {
              await poll();
              return rebuild.refresh();
            },
          };
    if (base.ingestIntervalSeconds > 0) {
      // New corpus files (or an index another process updated) go into service without a restart;
      // questions under way finish on the index they started on.
      watchIndex(reindex, base.ingestIntervalSeconds * 1000, (result) => {
        if (result.ok) logger.info(result.value, "index updated: new version in service");
        else logger.warn(result.error, "index update failed: previous version still in service");
      });
      logger.info({ seconds: base.ingestIntervalSeconds }, "watching the corpus for changes");
    }
    return { service, reindex };
  },
});
