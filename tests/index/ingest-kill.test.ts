import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadIndex } from "../../src/index/load.js";
import { LocalEmbeddings } from "../../src/index/local-embeddings.js";
import { readManifest } from "../../src/index/manifest.js";
import { watchChild } from "../helpers/child-stderr.js";
import { scratchDir } from "../helpers/scratch.js";

/**
 * `npm run ingest` killed (SIGKILL) at several moments of a ~1 s build, the last one the moment its
 * temporary directory appears: the index in place is always whole and loads, and it is the previous
 * one unless the new one was completely swapped in.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const INGEST = join(ROOT, "src/cli/ingest.ts");
const embeddings = new LocalEmbeddings();
let base: string;
let big: string;
let indexDir: string;

/** A synthetic corpus of `n` one-paragraph articles, big enough for the build to take a while. */
function syntheticJsonl(n: number): string {
  const zones = ["珠海", "西安", "成都", "武汉", "杭州", "苏州", "合肥", "长沙"];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const zone = zones[i % zones.length];
    const text = Array.from(
      { length: 6 },
      (_, k) =>
        `${zone}高新区第${i}号园区今年新增企业${((i * 7) % 500) + k}家，工业产值同比增长${(i + k) % 60}.${k}%，带动就业${(i % 900) + k}人。`,
    ).join("");
    lines.push(JSON.stringify({ id: `gen-${i}`, title: `${zone}高新区园区${i}发展报道`, text }));
  }
  return `${lines.join("\n")}\n`;
}

/** `npm run ingest` of `input` into the index; `exit` is watched from the start, so it is never missed. */
function ingest(input: string): { child: ChildProcess; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", INGEST, "--input", input, "--index", indexDir], {
    cwd: ROOT,
    stdio: "ignore",
  });
  return { child, exit: once(child, "exit").then(([code]) => code as number | null) };
}

/** Resolves once a sibling `…/index.tmp-*` directory exists (the build is writing), or after `ms`. */
async function tmpAppears(ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if ((await readdir(base)).some((n) => n.startsWith("index.tmp-"))) return;
    await new Promise((r) => setTimeout(r, 1));
  }
}

beforeAll(async () => {
  base = await scratchDir("gaoxin-kill-");
  big = join(base, "big");
  await mkdir(big);
  await writeFile(join(big, "generated.jsonl"), syntheticJsonl(1_500));
  indexDir = join(base, "index");
  expect(await ingest(join(ROOT, "data/corpus")).exit).toBe(0);
}, 60_000);

/**
 * Runs `npm run ingest` of `big`, kills it (SIGKILL) `when` ms in or once its temporary directory
 * appears, and loads the index it left: it must load and search.
 */
async function killedIngest(when: number | "tmp") {
  const { child, exit } = ingest(big);
  if (when === "tmp") await tmpAppears(15_000);
  else await new Promise((r) => setTimeout(r, when));
  child.kill("SIGKILL");
  await exit;
  const loaded = await loadIndex(indexDir, embeddings);
  expect(loaded.ok, `killed at ${when}`).toBe(true);
  if (loaded.ok) expect((await loaded.value.denseSearch("珠海高新区", 3)).length).toBe(3);
  return loaded;
}

describe("killing ingest mid-build", () => {
  it("leaves a whole index in place every time: the previous one, or the new one once swapped in", async () => {
    const before = await readManifest(indexDir);
    expect(before.ok).toBe(true);
    const oldBuiltAt = before.ok ? before.value.builtAt : "";
    const outcomes: string[] = [];
    for (const when of [300, 1_200, 1_800, "tmp"] as const) {
      const loaded = await killedIngest(when);
      if (!loaded.ok) continue;
      const n = loaded.value.manifest.counts.articles;
      outcomes.push(
        `${when}: ${loaded.value.manifest.builtAt === oldBuiltAt ? "previous" : "new"} (${n} articles)`,
      );
      if (loaded.value.manifest.builtAt === oldBuiltAt) expect(n).toBeLessThan(1_500);
      else expect(n).toBe(1_500);
    }
    console.log(`[ingest killed] ${outcomes.join(" · ")}`);
    expect(outcomes.some((o) => o.includes("previous"))).toBe(true);

    // A build that finishes swaps the new index in and clears what the killed ones left behind.
    expect(await ingest(big).exit).toBe(0);
    const after = await loadIndex(indexDir, embeddings);
    expect(after.ok && after.value.manifest.counts.articles).toBe(1_500);
    expect((await readdir(base)).filter((n) => /^index\.(tmp|old)-/.test(n))).toEqual([]);
  }, 90_000);

  it("killed during an incremental update (a file dropped into the corpus): the previous version, or the new one whole", async () => {
    const before = await loadIndex(indexDir, embeddings);
    expect(before.ok && before.value.manifest.counts.articles).toBe(1_500);
    // 1,500 more articles, ids of their own, the same zones: an update, not a rebuild.
    await writeFile(join(big, "more.jsonl"), syntheticJsonl(3_000).split("\n").slice(1_500).join("\n"));
    const outcomes: string[] = [];
    for (const when of [300, 900, 1_500] as const) {
      const loaded = await killedIngest(when);
      if (!loaded.ok) continue;
      const n = loaded.value.manifest.counts.articles;
      outcomes.push(`${when}: ${n} articles`);
      expect([1_500, 3_000]).toContain(n);
      expect(loaded.value.passages).toHaveLength(loaded.value.manifest.counts.passages);
    }
    console.log(`[update killed] ${outcomes.join(" · ")}`);
    expect(await ingest(big).exit).toBe(0);
    const after = await loadIndex(indexDir, embeddings);
    expect(after.ok && after.value.manifest.segments).toHaveLength(2);
    expect(after.ok && after.value.manifest.counts.articles).toBe(3_000);
    expect(after.ok && after.value.passageById("gen-2999#0")?.text).toContain("第2999号园区");
    // Segments that killed updates left and no manifest names are gone.
    const segs = (await readdir(indexDir)).filter((n) => n.startsWith("seg-"));
    expect(segs).toEqual(after.ok ? after.value.manifest.segments.filter((n) => n !== ".") : []);
  }, 90_000);
});

describe("stopping (SIGTERM, Ctrl-C) mid-build", () => {
  it("a process stopping while a worker writes the graph waits for the write (exiting during it aborts the process)", async () => {
    // What a stop-signal handler does (removeTempDirs, then exit), the moment the graph file appears.
    const script = join(base, "exit-during-write.mjs");
    await writeFile(
      script,
      `import { existsSync } from "node:fs";
const { HnswWorker } = await import(${JSON.stringify(join(ROOT, "src/index/hnsw-worker.ts"))});
const { removeTempDirs } = await import(${JSON.stringify(join(ROOT, "src/index/target.ts"))});
const dimensions = 512, n = 8000, path = ${JSON.stringify(join(base, "graph.index"))};
const w = new HnswWorker({ dimensions, maxElements: n, m: 8, efConstruction: 10, randomSeed: 1 });
let x = 1;
const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5;
for (let start = 0; start < n; start += 500)
  await w.add(Array.from({ length: 500 }, () => Array.from({ length: dimensions }, next)), start);
void w.write(path).catch(() => {});
while (!existsSync(path)) await new Promise((r) => setTimeout(r, 0));
await removeTempDirs();
process.exit(0);
`,
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    const [code, signal] = await once(child, "exit");
    expect(stderr).not.toContain("FATAL ERROR");
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  }, 60_000);
});

describe("stopping an evaluation", () => {
  it("Ctrl-C during `eval --contexts` exits 130 without a message and leaves no pooled store behind", async () => {
    const tmp = join(base, "eval-tmp");
    await mkdir(tmp);
    const fixture = (name: string) => join(ROOT, "tests/fixtures", name);
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(ROOT, "src/cli/eval.ts"),
        "--questions",
        fixture("cmrc-subset.questions.jsonl"),
        "--contexts",
        fixture("cmrc-subset.contexts.jsonl"),
        "--no-split",
      ],
      { cwd: ROOT, env: { ...process.env, TMPDIR: tmp }, stdio: ["ignore", "ignore", "pipe"] },
    );
    const watched = watchChild(child);
    // The pool's folder is named once it exists: `正在为 106 个段落建立索引 … → /tmp/…/gaoxin-eval-…`.
    await watched.until("→");
    child.kill("SIGINT");
    expect(await watched.exit).toBe(130);
    expect(watched.stderr()).not.toMatch(/没有索引|FATAL/);
    // Neither the pool nor a build's temporary folder nor the empty `….probe-…` folder made to see that
    // the folder takes one (tsx keeps its cache there too).
    expect((await readdir(tmp)).filter((n) => n.startsWith("gaoxin-"))).toEqual([]);
  }, 60_000);
});

describe("stopping during BM25 tokenising", () => {
  it("a SIGTERM while the build tokenises is handled at once: exit 143, tokenising cut short, no temporary folder left", async () => {
    // A build's segment written as `ingest` writes it (writeSegment into a tracked temporary folder,
    // under runCli's stop handler), its tokenizer saying when it starts and how far it got when the
    // signal is handled; the articles are long, so tokenising takes a few seconds.
    const tmp = join(base, "tokenise-tmp");
    await mkdir(tmp);
    const script = join(base, "stop-while-tokenising.mjs");
    const corpus = join(base, "long.jsonl");
    await writeFile(
      corpus,
      syntheticJsonl(2_000)
        .split("\n")
        .filter(Boolean)
        .map((l) => {
          const row = JSON.parse(l);
          return JSON.stringify({ ...row, text: row.text.repeat(6) });
        })
        .join("\n"),
    );
    const src = (p: string) => JSON.stringify(join(ROOT, "src", p));
    await writeFile(
      script,
      `import { readFileSync } from "node:fs";
const { runCli } = await import(${src("cli/common.ts")});
const { writeSegment, DEFAULT_HNSW } = await import(${src("index/build.ts")});
const { makeTempDir } = await import(${src("index/target.ts")});
const { createTokenizer } = await import(${src("index/tokenize.ts")});
const { LocalEmbeddings } = await import(${src("index/local-embeddings.ts")});
const { parseJsonl } = await import(${src("corpus/jsonl.ts")});
const { articles } = parseJsonl(readFileSync(${JSON.stringify(corpus)}, "utf8"), "long.jsonl");
const inner = createTokenizer({ userWords: [] });
let tokenised = 0;
const tokenizer = {
  ...inner,
  terms(text) {
    if (tokenised++ === 0) process.stderr.write("tokenising\\n");
    return inner.terms(text);
  },
};
process.on("SIGTERM", () => process.stderr.write(\`handled after \${tokenised}\\n\`));
await runCli(async () => {
  const dir = await makeTempDir(${JSON.stringify(join(tmp, "gaoxin-seg-"))}, { temp: true });
  const done = await writeSegment({ articles, embeddings: new LocalEmbeddings({ dimensions: 32 }), dir, hnsw: DEFAULT_HNSW, tokenizer });
  process.stderr.write(\`written \${done.passages}\\n\`);
});
`,
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const watched = watchChild(child);
    await watched.until("tokenising");
    child.kill("SIGTERM");
    const code = await watched.exit;
    const stderr = watched.stderr();
    expect(stderr).toContain("tokenising");
    expect(stderr).not.toContain("written");
    const handled = Number(/handled after (\d+)/.exec(stderr)?.[1]);
    // Handled while tokenising, not once every passage was (12,000: 2,000 articles of six passages).
    expect(handled).toBeLessThan(2_000);
    expect(code).toBe(143);
    expect(await readdir(tmp)).toEqual([]);
  }, 120_000);
});
