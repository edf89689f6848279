/**
 * pg_textsearch (BM25 inside PostgreSQL, here in PGlite) against our BM25 on the same passages and
 * the same terms: how many of its top 10 are ours, and how long a query takes in each. pg_textsearch
 * is given our jieba terms (each mapped to an ASCII token, indexed with the `simple` configuration)
 * and our k1/b, so any difference is its scoring, not its tokenising (PostgreSQL has no Chinese
 * word segmentation). A measurement for docs/scale-out.md, not part of the bot.
 *
 *   node --import tsx scripts/bench-pg-textsearch.ts --corpus corpus.jsonl --questions Q.jsonl [--limit 300]
 */
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_textsearch } from "@electric-sql/pglite-pg_textsearch";
import { percentiles } from "../src/cli/bench/stats.js";
import { type QuestionRow, readJsonl } from "../src/cli/bench/synthetic.js";
import { loadCorpus } from "../src/corpus/load.js";
import { Bm25Index, DEFAULT_BM25 } from "../src/index/bm25.js";
import { chunkCorpus, lexicalText, zoneWords } from "../src/index/build.js";
import { createTokenizer } from "../src/index/tokenize.js";

const { values } = parseArgs({
  options: {
    corpus: { type: "string" },
    questions: { type: "string" },
    limit: { type: "string", default: "300" },
  },
});
if (!values.corpus || !values.questions) {
  process.stderr.write("usage: pg-textsearch.ts --corpus FILE --questions FILE [--limit N]\n");
  process.exit(2);
}
const log = (s: string) => process.stderr.write(`${s}\n`);
const corpus = await loadCorpus([values.corpus]);
const { articles, passages } = chunkCorpus(corpus);
const tokenizer = createTokenizer({ userWords: zoneWords(articles) });
const tokenOf = new Map<string, string>();
const token = (term: string) => {
  let t = tokenOf.get(term);
  if (t === undefined) {
    t = `t${tokenOf.size}`;
    tokenOf.set(term, t);
  }
  return t;
};
const docTerms = passages.map((p) => tokenizer.terms(lexicalText(p)));
const ours = Bm25Index.build(docTerms);
log(`${passages.length} passages, ${ours.size} documents; loading PGlite…`);

const db = await PGlite.create({ extensions: { pg_textsearch } });
await db.exec("CREATE EXTENSION IF NOT EXISTS pg_textsearch");
await db.exec("CREATE TABLE p (doc int PRIMARY KEY, body text NOT NULL)");
for (let i = 0; i < docTerms.length; i += 2000) {
  const slice = docTerms.slice(i, i + 2000);
  await db.query("INSERT INTO p SELECT * FROM unnest($1::int[], $2::text[])", [
    slice.map((_, j) => i + j),
    slice.map((terms) => terms.map(token).join(" ")),
  ]);
}
const built = performance.now();
await db.exec(
  `CREATE INDEX p_bm25 ON p USING bm25 (body) WITH (text_config = 'simple', k1 = ${DEFAULT_BM25.k1}, b = ${DEFAULT_BM25.b})`,
);
log(`bm25 index built in ${((performance.now() - built) / 1000).toFixed(1)} s`);

const questions = (await readJsonl<QuestionRow>(values.questions)).slice(0, Number(values.limit));
const oursMs: number[] = [];
const theirsMs: number[] = [];
let overlap = 0;
let first = 0;
let asked = 0;
for (const { question } of questions) {
  const terms = tokenizer.terms(question).filter((t) => tokenOf.has(t));
  if (terms.length === 0) continue;
  let t = performance.now();
  const mine = ours.search(terms, 10).map((h) => h.doc);
  oursMs.push(performance.now() - t);
  const query = [...new Set(terms)].map(token).join(" ");
  t = performance.now();
  const { rows } = await db.query<{ doc: number }>(
    "SELECT doc FROM p ORDER BY body <@> to_bm25query($1, 'p_bm25') LIMIT 10",
    [query],
  );
  theirsMs.push(performance.now() - t);
  const theirs = rows.map((r) => r.doc);
  overlap += theirs.filter((d) => mine.includes(d)).length / Math.max(1, mine.length);
  if (theirs[0] === mine[0]) first++;
  asked++;
}
const ms = (xs: number[]) => {
  const p = percentiles(xs);
  return `${p.p50.toFixed(1)} / ${p.p95.toFixed(1)}`;
};
process.stdout.write(
  `| passages | questions | top-10 overlap | same first | ours p50/p95 ms | pg_textsearch p50/p95 ms |\n|---:|---:|---:|---:|---:|---:|\n` +
    `| ${passages.length} | ${asked} | ${(overlap / asked).toFixed(3)} | ${(first / asked).toFixed(3)} | ${ms(oursMs)} | ${ms(theirsMs)} |\n`,
);
await db.close();
