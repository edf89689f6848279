import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { questionShape } from "../src/answer/question.js";
import { commandArgs, refuse } from "../src/cli/args.js";
import { percentiles } from "../src/cli/bench/stats.js";
import { normalizeText } from "../src/index/tokenize.js";

/**
 * `node --import tsx scripts/short-in-turn.ts --answers FILE NAME=TREE ...`: the short answer alone
 * (`shortAnswer` of each checkout's `src/answer/short.ts`), timed for several checkouts in one process,
 * quote by quote in turn (the order rotating), over the first quote of every answered question of an
 * `ask --batch` output. As `ask-in-turn.ts` does for the whole `ask`: every checkout sees the same load.
 * Prints, for each of `--passes` passes (the first as a fresh process meets the quotes, the later ones
 * warm), the CPU time (`process.cpuUsage`) per checkout: in all, p50 and p95 per quote.
 */

const USAGE =
  "用法 (usage): node --import tsx scripts/short-in-turn.ts --answers FILE [--passes N] NAME=TREE ...";
const { values, positionals } = commandArgs({
  usage: USAGE,
  help: "在同一进程中轮流计时多个检出的简短答案 (times the short answer of several checkouts in turn, in one process).",
  options: { answers: { type: "string" }, passes: { type: "string", default: "3" } },
  positionals: true,
});
const passes = Number(values.passes);
if (values.answers === undefined || positionals.length === 0 || !(passes >= 1))
  refuse("需要 --answers 和至少一个 NAME=TREE (answers file and a checkout needed)", USAGE);

type ShortAnswerFn = (q: string, shape: unknown, quote: string, normalize: (s: string) => string) => unknown;
const checkouts: { name: string; short: ShortAnswerFn }[] = [];
for (const spec of positionals) {
  const m = /^([^=]+)=(.+)$/.exec(spec);
  if (m === null) refuse(`不是 NAME=TREE (not NAME=TREE): ${spec}`, USAGE);
  const [, name = "", tree = ""] = m;
  const mod = (await import(resolve(tree, "src/answer/short.ts"))) as { shortAnswer: ShortAnswerFn };
  checkouts.push({ name, short: mod.shortAnswer });
}

// The service's normalisation is memoised for short texts: so is this one.
const memo = new Map<string, string>();
const normalize = (s: string): string => {
  if (s.length > 200) return normalizeText(s);
  let out = memo.get(s);
  if (out === undefined) {
    out = normalizeText(s);
    if (memo.size >= 2048) memo.clear();
    memo.set(s, out);
  }
  return out;
};

const quotes = readFileSync(values.answers, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { question: string; abstained: boolean; citations: { quote: string }[] })
  .filter((a) => !a.abstained && a.citations[0] !== undefined)
  .map((a) => {
    const norm = normalize(a.question);
    return { norm, shape: questionShape(norm), quote: a.citations[0]?.quote ?? "" };
  });
for (let pass = 0; pass < passes; pass++) {
  const cpu = checkouts.map(() => [] as number[]);
  quotes.forEach((q, turn) => {
    for (let k = 0; k < checkouts.length; k++) {
      const at = (k + turn) % checkouts.length;
      const started = process.cpuUsage();
      checkouts[at]?.short(q.norm, q.shape, q.quote, normalize);
      const used = process.cpuUsage(started);
      cpu[at]?.push((used.user + used.system) / 1000);
    }
  });
  checkouts.forEach((c, at) => {
    const times = cpu[at] ?? [];
    const p = percentiles(times);
    const total = times.reduce((a, b) => a + b, 0);
    process.stdout.write(
      `pass ${pass + 1}\t${c.name}\tCPU ${total.toFixed(0)} ms in all (${quotes.length} quotes), p50 ${p.p50.toFixed(3)} p95 ${p.p95.toFixed(3)} ms\n`,
    );
  });
}
