import { join } from "node:path";
import { createAnswerService } from "../../src/answer/service.js";
import type { AnswerService } from "../../src/answer/types.js";
import { loadCorpus } from "../../src/corpus/load.js";
import { buildIndex } from "../../src/index/build.js";
import { type EmbeddedIndex, loadIndex } from "../../src/index/load.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { scratchDir } from "./scratch.js";

/** The default corpus, as the CLI sees it. */
export const PAGE_CORPUS = "data/corpus";

/** Builds the default page into a fresh temporary index and opens the real answer service over it. */
export async function openPageService(): Promise<{
  service: AnswerService;
  index: EmbeddedIndex;
  dir: string;
}> {
  const dir = join(await scratchDir("gaoxin-page-"), "index");
  const embeddings = new LocalEmbeddings();
  const corpus = await loadCorpus([PAGE_CORPUS]);
  await buildIndex({ corpus, embeddings, dir, inputs: [PAGE_CORPUS] });
  const loaded = await loadIndex(dir, embeddings);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { service: createAnswerService(loaded.value), index: loaded.value, dir };
}

/** A question row shaped like the bench's `seed-dev.jsonl`. */
export interface SeedRow {
  id: string;
  question: string;
  answers: string[];
  article_title_contains: string | null;
  answerable: boolean;
}
