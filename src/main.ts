import { openAnswerService } from "./answer/open.js";
import { createReindexer } from "./answer/reindex.js";
import { createSwappableService } from "./answer/swappable.js";
import { answerModel, createEmbeddings } from "./cli/common.js";
import { openBotPostgresService, storeConfig } from "./cli/postgres.js";
import { runBotProcess } from "./discord/run.js";

/**
 * `npm start`: configuration → the answer service (building the index first if it is missing) → the
 * Discord client → login. SIGINT/SIGTERM stop it gracefully. `/reindex` rebuilds the index and swaps
 * the new service in while the old one keeps answering. See docs/discord.md.
 */
await runBotProcess({
  envFile: ".env",
  async openService(base, logger) {
    const embeddings = createEmbeddings(base.indexDir);
    const model = answerModel(logger);
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
      },
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const service = createSwappableService(opened.value);
    logger.info(service.stats(), "answer service ready");
    const reindex = createReindexer({
      indexDir: base.indexDir,
      corpusPaths: [base.corpusDir],
      embeddings,
      ...model,
      install: (next) => service.swap(next),
    });
    return { service, reindex };
  },
});
