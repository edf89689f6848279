import { openLiveService } from "./answer/live.js";
import { answerModel, createEmbeddings } from "./answer/models.js";
import type { Reindexer } from "./answer/reindex.js";
import { createFetcher } from "./corpus/feeds/http.js";
import { createFeedPoll } from "./corpus/feeds/step.js";
import { runBotProcess } from "./discord/run.js";
import { IndexFailure } from "./index/manifest.js";
import { openStore } from "./store/open.js";

/**
 * `npm start`: configuration → the store STORE names (the index folder, building the index first if
 * it is missing; or PostgreSQL) → the answer service → the Discord client → login. SIGINT/SIGTERM
 * stop it gracefully. A new index goes into service while the old one keeps answering: `/reindex`;
 * with PostgreSQL each generation an ingest writes; with the index folder and INGEST_INTERVAL set, a
 * look at the index and its corpus every that many seconds. See docs/discord.md, docs/scale-out.md.
 */
await runBotProcess({
  envFile: ".env",
  async openService(base, logger, config, storeConfig) {
    const embeddings = createEmbeddings(config.embeddings, base.indexDir);
    const store = openStore({
      store: storeConfig,
      indexDir: base.indexDir,
      corpusDir: base.corpusDir,
      embeddings,
      ingestIntervalSeconds: base.ingestIntervalSeconds,
      onConnectionError: (error) =>
        logger.error({ err: error }, "PostgreSQL connection lost (it reconnects)"),
    });
    const opened = await openLiveService(store, {
      ...answerModel(config.llm, logger),
      watch: true,
      log: logger,
      events: {
        rebuilding: (reason, detail) => logger.info({ reason, detail }, "building the index from the corpus"),
        built: (stats) => logger.info(stats, "index built"),
        inputsMissing: (paths) =>
          logger.warn({ paths }, "corpus inputs of the index not found: the index is used as built"),
        skipped: (problems) => {
          for (const p of problems) logger.warn(p, "corpus file skipped");
        },
      },
    });
    if (!opened.ok) {
      await store.close();
      throw new IndexFailure(opened.error);
    }
    const { service, reindex: rebuild, watch } = opened.value;
    logger.info({ store: store.kind, location: store.location, ...service.stats() }, "answer service ready");
    // Questions under way finish on the index they started on.
    if (watch) logger.info({ seconds: watch.everyMs / 1000 }, "watching the store for a new index");
    // FEEDS (index folder only: with PostgreSQL the `ingest --watch` job fetches them) are fetched
    // into the corpus (the first folder the index reads) every INGEST_INTERVAL, where the store's
    // watch finds what they brought, and before each /reindex, as `npm run ingest` fetches them
    // before it reads the corpus.
    const poll =
      store.kind === "embedded"
        ? await createFeedPoll(base.feeds, await store.inputs(), createFetcher(), logger)
        : null;
    if (poll === null) return { service, reindex: rebuild };
    if (base.ingestIntervalSeconds > 0) {
      void poll();
      setInterval(() => void poll(), base.ingestIntervalSeconds * 1000).unref();
    }
    const reindex: Reindexer = {
      get running() {
        return rebuild.running;
      },
      run: async () => {
        await poll();
        return rebuild.run();
      },
    };
    return { service, reindex };
  },
});
