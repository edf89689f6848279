/**
 * A corpus for measuring answer quality at scale: the paragraphs of a SQuAD-style contexts file (each
 * an article whose id is its `context_id`, as `npm run eval -- --contexts` pools them) padded with
 * synthetic articles, recombined from the sentences of `--sentences` files, to `--passages`
 * passages in all. Questions about the paragraphs are then asked of the corpus a store holds
 * (`npm run eval -- --questions Q.jsonl`, no `--contexts`), among ~100 times as many passages.
 *
 *   node --import tsx scripts/pooled-corpus.ts --contexts C.jsonl --sentences S.jsonl... \
 *     --passages 100000 --out corpus.jsonl
 */
import { parseArgs } from "node:util";
import {
  type ContextRow,
  contextArticles,
  readJsonl,
  sentencePool,
  syntheticArticles,
  toJsonl,
  writeJsonl,
} from "../src/cli/bench/synthetic.js";
import { parseJsonl } from "../src/corpus/jsonl.js";
import { chunkArticle } from "../src/index/chunk.js";

const { values } = parseArgs({
  options: {
    contexts: { type: "string" },
    sentences: { type: "string", multiple: true },
    passages: { type: "string" },
    out: { type: "string" },
  },
});
if (!values.contexts || !values.out || !values.passages) {
  process.stderr.write(
    "usage: pooled-corpus.ts --contexts C.jsonl [--sentences S.jsonl...] --passages N --out FILE\n",
  );
  process.exit(2);
}
const contexts = await readJsonl<ContextRow>(values.contexts);
const real = contextArticles(contexts);
// The paragraphs' own passages, counted as the chunker cuts them.
const realPassages = parseJsonl(toJsonl(real), values.contexts).articles.reduce(
  (n, a) => n + chunkArticle(a).length,
  0,
);
const pool = (
  await Promise.all((values.sentences ?? [values.contexts]).map((p) => readJsonl<ContextRow>(p)))
).flat();
const padding = syntheticArticles(
  sentencePool(pool.map((c) => c.text)),
  pool.map((c) => c.title).filter((t) => t.trim() !== ""),
  Math.max(0, Number(values.passages) - realPassages),
);
await writeJsonl(values.out, [...real, ...padding]);
process.stderr.write(
  `${real.length} paragraphs (${realPassages} passages) + ${padding.length} synthetic articles → ${values.out}\n`,
);
