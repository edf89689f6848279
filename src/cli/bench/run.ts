import { existsSync } from "node:fs";
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../../corpus/load.js";
import { keepTempDir, makeTempDir, releaseTempDir } from "../../index/target.js";
import { FULL_SETS_HINT } from "../eval-data.js";
import { type ChildOutput, HEAP_FLAG, runCaptured } from "./child.js";
import { median, seededRandom, shuffled } from "./stats.js";
import {
  type ContextRow,
  contextArticles,
  type QuestionRow,
  readJsonl,
  sentencePool,
  syntheticArticles,
  writeJsonl,
} from "./synthetic.js";
import type {
  AddResult,
  BenchReport,
  CorpusResult,
  IngestResult,
  LangchainResult,
  Machine,
  ProbeSpec,
  QueryResult,
} from "./types.js";

/** Where the project is: three levels above this file (src/cli/bench). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PROBE = fileURLToPath(new URL("./probe.ts", import.meta.url));
const ASK = join(PROJECT_ROOT, "src/cli/ask.ts");

/** Options of {@link runBench}. */
export interface BenchOptions {
  /** Synthetic corpus sizes in passages. */
  sizes: number[];
  /** ../shared/bench: CMRC 2018 / DRCD dev sets and the page's seed questions (read, never copied into the project). */
  dataDir: string;
  /** The newspaper page corpus. */
  pageDir: string;
  /** Work folder for corpora and indexes; default a fresh folder under the system temp dir. */
  workDir?: string;
  /** Keep the work folder afterwards. */
  keep?: boolean;
  /** Questions timed per corpus. */
  questions: number;
  /** CMRC dev questions asked for R@1 (default all). */
  r1Questions?: number;
  /** Questions used for HNSW recall@10. */
  recallQueries: number;
  /** Cold starts per corpus (the median is reported). */
  coldRuns: number;
  /** Also time cold starts through `npm run ask` (default true). */
  npmColdStart?: boolean;
  /** Questions in flight for the concurrent run. */
  inFlight: number;
  /** Use only the first N paragraphs of each public dev set (and their questions): for smoke runs. */
  publicContexts?: number;
  /** Run the plain LangChain pipeline for comparison. */
  langchain: boolean;
  /** The command line, recorded in the report. */
  command: string;
  log?: (line: string) => void;
}

export const DEFAULT_SIZES = [10_000];

/** The machine the figures were taken on. */
export function machine(): Machine {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? "unknown",
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

function run(cmd: string, args: string[]): Promise<ChildOutput> {
  return runCaptured(cmd, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${HEAP_FLAG}`.trim() },
  });
}

let specCount = 0;
async function probe<T>(
  workDir: string,
  command: "ingest" | "query" | "langchain" | "add",
  spec: ProbeSpec,
): Promise<T> {
  const path = join(workDir, `spec-${++specCount}-${command}.json`);
  await writeFile(path, JSON.stringify(spec));
  const out = await run(process.execPath, ["--import", "tsx", PROBE, command, "--spec", path]);
  if (out.code !== 0)
    throw new Error(`bench probe ${command} failed (exit ${out.code}):\n${out.stderr.slice(-2000)}`);
  return JSON.parse(out.stdout.trim().split("\n").at(-1) ?? "") as T;
}

/** Process start → answer printed, for the real `ask` entry point; refuses a run that rebuilt the index. */
async function coldStart(dir: string, question: string, runs: number, viaNpm: boolean): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = viaNpm
      ? await run("npm", ["run", "--silent", "ask", "--", "--index", dir, "--json", question])
      : await run(process.execPath, ["--import", "tsx", ASK, "--index", dir, "--json", question]);
    if (out.code !== 0 || /建立索引/.test(out.stderr)) {
      throw new Error(
        `cold start of ask failed or rebuilt the index (exit ${out.code}):\n${out.stderr.slice(-2000)}`,
      );
    }
    const answer = JSON.parse(out.stdout) as { citations?: unknown };
    if (!Array.isArray(answer.citations)) throw new Error("cold start: ask printed no answer object");
    times.push(out.seconds);
  }
  return times;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isFile()) total += (await stat(join(dir, e.name))).size;
  }
  return total;
}

/** Cycles `items` until there are `n` (a small question set still gives a stable latency sample). */
function cycle<T>(items: readonly T[], n: number): T[] {
  if (items.length === 0) return [];
  return Array.from({ length: n }, (_, i) => items[i % items.length] as T);
}

interface CorpusPlan {
  name: string;
  synthetic: boolean;
  inputs: string[];
  questions: string[];
  r1?: { question: string; context_id: string }[];
  /** An article to add with an incremental update once the corpus is measured. */
  added?: { id: string; title: string; text: string };
}

/**
 * Measures every corpus — the page, the CMRC 2018 + DRCD dev paragraphs, and synthetic corpora of
 * the given sizes — each in fresh processes: ingest, index size, cold start of `ask`, load time and
 * RSS, latency and throughput of retrieval and of full answers, HNSW recall@10; then the plain
 * LangChain pipeline over the CMRC + DRCD paragraphs for comparison.
 */
export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  // Made tracked: a Ctrl-C midway removes it (it was left behind), unless --keep asked to keep it.
  const workDir = opts.workDir ?? (await makeTempDir(join(tmpdir(), "gaoxin-bench-"), { temp: true }));
  if (opts.keep && opts.workDir === undefined) keepTempDir(workDir);
  await mkdir(workDir, { recursive: true });
  const notes: string[] = [];
  try {
    const dataDir = resolve(opts.dataDir);
    const file = (name: string): string => join(dataDir, name);
    const haveData = ["cmrc2018-dev", "drcd-dev"].every(
      (s) => existsSync(file(`${s}.contexts.jsonl`)) && existsSync(file(`${s}.questions.jsonl`)),
    );
    if (!haveData)
      notes.push(
        `${dataDir}: CMRC/DRCD dev files not found (${FULL_SETS_HINT}); their corpus, R@1 and the LangChain comparison are skipped, and synthetic corpora recombine the page's sentences`,
      );

    const pageQuestions: string[] = [];
    for (const path of [file("seed-dev.jsonl"), join(PROJECT_ROOT, "tests/fixtures/page-questions.jsonl")]) {
      if (existsSync(path))
        pageQuestions.push(...(await readJsonl<QuestionRow>(path)).map((q) => q.question));
    }
    if (pageQuestions.length === 0) pageQuestions.push("珠海高新区工业投资增速多少");

    const plans: CorpusPlan[] = [
      {
        name: "page",
        synthetic: false,
        inputs: [resolve(opts.pageDir)],
        questions: cycle(pageQuestions, opts.questions),
      },
    ];
    let squadQuestions = pageQuestions;
    let sentences: string[];
    let titles: string[];
    let squadFile: string | undefined;
    let cmrcR1: { question: string; context_id: string }[] = [];
    if (haveData) {
      const limit = opts.publicContexts ?? Number.POSITIVE_INFINITY;
      const contexts = [
        ...(await readJsonl<ContextRow>(file("cmrc2018-dev.contexts.jsonl"))).slice(0, limit),
        ...(await readJsonl<ContextRow>(file("drcd-dev.contexts.jsonl"))).slice(0, limit),
      ];
      const kept = new Set(contexts.map((c) => c.context_id));
      const ofKept = <Q extends QuestionRow>(qs: Q[]): Q[] => qs.filter((q) => kept.has(q.context_id ?? ""));
      const cmrc = ofKept(
        await readJsonl<QuestionRow & { context_id: string }>(file("cmrc2018-dev.questions.jsonl")),
      );
      const drcd = ofKept(await readJsonl<QuestionRow>(file("drcd-dev.questions.jsonl")));
      squadQuestions = shuffled([...cmrc, ...drcd], seededRandom(7)).map((q) => q.question);
      cmrcR1 = cmrc
        .slice(0, opts.r1Questions ?? cmrc.length)
        .map((q) => ({ question: q.question, context_id: q.context_id }));
      squadFile = join(workDir, "squad", "cmrc2018-drcd-dev.jsonl");
      await mkdir(join(workDir, "squad"), { recursive: true });
      await writeJsonl(squadFile, contextArticles(contexts));
      plans.push({
        name: "CMRC+DRCD dev",
        synthetic: false,
        inputs: [squadFile],
        questions: cycle(squadQuestions, opts.questions),
        r1: cmrcR1,
      });
      sentences = sentencePool(contexts.map((c) => c.text));
      // An untitled article would be refused by the .jsonl reader, and its passages lost.
      titles = contexts.map((c) => c.title).filter((t) => t.trim() !== "");
    } else {
      const page = await loadCorpus([resolve(opts.pageDir)]);
      sentences = sentencePool(page.articles.flatMap((a) => a.paragraphs.map((p) => p.text)));
      titles = page.articles.map((a) => a.title);
    }
    for (const size of opts.sizes) {
      const dir = join(workDir, `synthetic-${size}`);
      await mkdir(dir, { recursive: true });
      const path = join(dir, "synthetic.jsonl");
      const articles = syntheticArticles(sentences, titles, size);
      await writeJsonl(path, articles);
      // Added after the queries by an incremental update: the first article's headline (so no zone
      // name is new to the corpus) over its sentences in reverse order.
      const first = articles[0];
      const added = first && {
        id: "added-1",
        title: first.title,
        text: first.text.split("\n").reverse().join("\n"),
      };
      plans.push({
        name: `synthetic ${size.toLocaleString("en-US")}`,
        synthetic: true,
        // The folder: an article is added by dropping a file into it.
        inputs: [dir],
        ...(added ? { added } : {}),
        questions: cycle(squadQuestions, opts.questions),
      });
    }

    const corpora: CorpusResult[] = [];
    for (const [i, plan] of plans.entries()) {
      const index = join(workDir, `index-${i}`);
      log(`${plan.name}: ingest…`);
      const ingest = await probe<IngestResult>(workDir, "ingest", { inputs: plan.inputs, index });
      // Timing an empty index would print a table of meaningless figures and pass.
      if (ingest.passages === 0)
        throw new Error(
          `${plan.name}: 语料没有产生任何段落 (the corpus yielded no passages: ${plan.inputs.join(", ")})` +
            (ingest.problems.length > 0 ? `; ${ingest.problems.join("; ")}` : ""),
        );
      log(`${plan.name}: ${ingest.passages} passages in ${ingest.seconds.toFixed(1)} s; cold starts…`);
      const question = plan.questions[0] ?? "高新区";
      const cold = await coldStart(index, question, opts.coldRuns, false);
      const coldNpm =
        opts.npmColdStart === false ? [] : await coldStart(index, question, opts.coldRuns, true);
      log(`${plan.name}: queries…`);
      const query = await probe<QueryResult>(workDir, "query", {
        index,
        questions: plan.questions,
        inFlight: opts.inFlight,
        recallQueries: opts.recallQueries,
        ...(plan.r1 ? { r1: plan.r1 } : {}),
      });
      let add: AddResult | undefined;
      if (plan.added) {
        log(`${plan.name}: adding one article…`);
        add = await probe<AddResult>(workDir, "add", { inputs: plan.inputs, index, added: plan.added });
        if (add.mode !== "incremental")
          throw new Error(
            `${plan.name}: adding one article rebuilt the index (${add.mode}), expected an incremental update`,
          );
      }
      corpora.push({
        name: plan.name,
        synthetic: plan.synthetic,
        ingest,
        indexBytes: await dirBytes(index),
        coldStart: { median: median(cold), runs: cold },
        coldStartNpm: { median: median(coldNpm), runs: coldNpm },
        query,
        ...(add ? { add } : {}),
      });
      if (!opts.keep) await rm(index, { recursive: true, force: true });
    }

    let langchain: BenchReport["langchain"];
    const squad = corpora.find((c) => c.query.r1 !== undefined);
    if (opts.langchain && squadFile && squad?.query.r1) {
      log("LangChain pipeline…");
      const lc = await probe<LangchainResult>(workDir, "langchain", {
        inputs: [squadFile],
        questions: cycle(squadQuestions, opts.questions),
        r1: cmrcR1,
      });
      langchain = { ...lc, ours: { r1: squad.query.r1, corpus: squad.name } };
    }
    return {
      machine: machine(),
      command: opts.command,
      startedAt: new Date().toISOString(),
      seconds: (performance.now() - started) / 1000,
      corpora,
      ...(langchain ? { langchain } : {}),
      notes,
    };
  } finally {
    if (!opts.keep && opts.workDir === undefined) await releaseTempDir(workDir);
  }
}
