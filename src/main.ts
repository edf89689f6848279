import { openAnswerService } from "./answer/open.js";
import { answerModel, createEmbeddings } from "./cli/common.js";
import { runBotProcess } from "./discord/run.js";

/**
 * `npm start`: configuration → the answer service (building the index first if it is missing) → the
 * Discord client → login. SIGINT/SIGTERM stop it gracefully. See docs/discord.md.
 */
await runBotProcess({
  envFile: ".env",
  async openService(base, logger) {
    const opened = await openAnswerService({
      indexDir: base.indexDir,
      corpusPaths: [base.corpusDir],
      embeddings: createEmbeddings(base.indexDir),
      ...answerModel(logger),
      events: {
        rebuilding: (reason, detail) => logger.info({ reason, detail }, "building the index from the corpus"),
        built: (stats) => logger.info(stats, "index built"),
      },
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const service = opened.value;
    logger.info(service.stats(), "answer service ready");
    return service;
  },
});
