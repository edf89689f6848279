import { spawn } from "node:child_process";
import { once } from "node:events";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliInProcess, ROOT, workdir } from "../helpers/cli.js";
import { scratchDir } from "../helpers/scratch.js";

/**
 * Most commands here run in this process (see cliInProcess), being about what they print, build and
 * exit with. One answer, one refusal, one ingest and one zones run as `npm run` runs them, in a
 * process of their own: that each ends with its code and leaves nothing running.
 */
const run = cliInProcess;

let work: string;
beforeAll(async () => {
  work = await workdir();
});

describe("ask", () => {
  it("builds a missing index from the default corpus, then answers with the cited 40.7%", async () => {
    const r = await cli("ask.ts", ["珠海高新区工业投资增速多少"], work);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("正在从语料建立索引");
    expect(r.stdout).toContain("40.7%[1]");
    expect(r.stdout).toContain("《工业投资增40.7% 珠海高新区奋力夺取抗疫与发展“双胜利”》");
    expect(r.stdout).toContain("据统计，1-4月主要经济指标呈现回升势头，工业投资加速，增速达40.7%。");
  });

  it("--json prints the contract's answer object", async () => {
    const r = await run("ask.ts", ["--json", "珠海高新区工业投资增速多少"], work);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    // The contract's fields, plus `short` (this project's extension: the fact asked for, or null).
    expect(Object.keys(a).sort()).toEqual(["abstained", "answer", "citations", "mode", "question", "short"]);
    expect(a).toMatchObject({ abstained: false, mode: "extractive", question: "珠海高新区工业投资增速多少" });
    expect(a.short).toEqual({ text: "40.7%", qualifier: "1-4月" });
    expect(Object.keys(a.citations[0]).sort()).toEqual([
      "articleId",
      "date",
      "headline",
      "n",
      "passageId",
      "quote",
      "source",
      "title",
      "zones",
    ]);
    // The page's date, from the metadata file beside it, and the headline the article is shown under:
    // the contract's fields plus these two.
    expect(a.citations[0]).toMatchObject({ n: 1, zones: ["珠海高新区"], date: "2020-06" });
    expect(a.citations[0].headline).toBe(a.citations[0].title);
    expect(a.citations[0].source).toMatch(/data\/corpus\/000_d463814998410617\.txt$/);
  });

  it("--batch answers plain and JSON lines in input order, one JSON object a line", async () => {
    const file = join(work, "questions.txt");
    await writeFile(
      file,
      '珠海高新区工业投资增速多少\n{"question": "济宁高新区有多少个续建项目", "id": "x"}\n\n杭州高新区有多少家上市公司\n',
    );
    const r = await run("ask.ts", ["--batch", file], work);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.question)).toEqual([
      "珠海高新区工业投资增速多少",
      "济宁高新区有多少个续建项目",
      "杭州高新区有多少家上市公司",
    ]);
    expect(lines.map((l) => l.abstained)).toEqual([false, false, true]);
  });

  it("explains an empty question and a missing batch file instead of failing with a stack trace", async () => {
    const empty = await cli("ask.ts", [""], work);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("请给出一个问题");
    const missing = await run("ask.ts", ["--batch", "nope.txt"], work);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.txt");
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it("rebuilds when a corpus file is added, and the new article is answerable", async () => {
    const dir = await workdir();
    expect((await run("ask.ts", ["珠海高新区工业投资增速多少"], dir)).code).toBe(0);
    await writeFile(
      join(dir, "data/corpus/extra.jsonl"),
      `${JSON.stringify({ id: "hz-1", title: "杭州高新区集成电路产业加速集聚", text: "今年以来，杭州高新区新引进集成电路企业42家，产业规模突破300亿元。" })}\n`,
    );
    const r = await run("ask.ts", ["--json", "杭州高新区今年新引进了多少家集成电路企业"], dir);
    expect(r.stderr).toContain("语料有变化");
    const a = JSON.parse(r.stdout);
    expect(a.abstained).toBe(false);
    expect(a.answer).toContain("42家");
    expect(a.citations[0].articleId).toBe("hz-1");
  });

  it("refuses an index built with other embeddings and says how to rebuild", async () => {
    const dir = await workdir();
    expect((await cli("ingest.ts", [], dir)).code).toBe(0);
    const path = join(dir, "embeddings/manifest.json");
    const manifest = JSON.parse(await readFile(path, "utf8"));
    manifest.embeddings.id = "openai:text-embedding-3-small";
    await writeFile(path, JSON.stringify(manifest));
    const r = await run("ask.ts", ["珠海高新区工业投资增速多少"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("openai:text-embedding-3-small");
    expect(r.stderr).toContain("npm run ingest");
  });

  it("exits 1 with one configuration line for a bad model setting, worded as the bot words it", async () => {
    const r = await run("ask.ts", ["珠海高新区工业投资增速多少"], work, {
      EMBEDDINGS: "openai",
      EMBEDDINGS_API_KEY: "",
      LLM_API_KEY: "",
      OPENAI_API_KEY: "",
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^gaoxin-qa: 配置错误 \(configuration error\): EMBEDDINGS=openai needs a key/);
  });

  it("rebuilds a damaged index instead of failing", async () => {
    const dir = await workdir();
    expect((await run("ingest.ts", [], dir)).code).toBe(0);
    await writeFile(join(dir, "embeddings/passages.jsonl"), "{ truncated");
    const r = await run("ask.ts", ["--json", "珠海高新区工业投资增速多少"], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("索引已损坏");
    expect(JSON.parse(r.stdout).answer).toContain("40.7%");
  });
});

describe("zones", () => {
  it("--json lists the page's nine zones with article counts, by count then name", async () => {
    const r = await cli("zones.ts", ["--json"], work);
    expect(r.code).toBe(0);
    const zones = JSON.parse(r.stdout) as { zone: string; articles: number; titles: string[] }[];
    expect(zones.map((z) => z.zone).sort()).toEqual(
      ["济宁", "郴州", "重庆", "璧山", "永川", "荣昌", "兰州", "西安", "珠海"]
        .map((z) => `${z}高新区`)
        .sort(),
    );
    for (const z of zones) expect(z.articles).toBe(z.titles.length);
    const counts = zones.map((z) => z.articles);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(zones.find((z) => z.zone === "重庆高新区")?.titles).toEqual(["重庆市高新区协同创新战略联盟成立"]);
    // The contract's shape, nothing more.
    for (const z of zones) expect(Object.keys(z)).toEqual(["zone", "articles", "titles"]);
  });

  it("as text, a zone with many articles shows its count and its newest three, not every headline", async () => {
    const dir = await scratchDir("gaoxin-zones-");
    const days = ["2023-07-03", "2023-08-21", "2023-07-15", "2023-08-02", "2023-07-28"];
    await writeFile(
      join(dir, "month.jsonl"),
      days
        .map((date, i) =>
          JSON.stringify({
            id: `wh-${i}`,
            title: `东湖高新区新闻${date}`,
            date,
            text: `武汉东湖高新区第${i + 1}条消息。`,
          }),
        )
        .join("\n"),
    );
    const r = await run("zones.ts", ["--index", join(dir, "idx")], dir, {
      CORPUS_DIR: join(dir, "month.jsonl"),
    });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 5)).toEqual([
      "武汉东湖高新区  5 篇",
      "    《东湖高新区新闻2023-08-21》 2023-08-21",
      "    《东湖高新区新闻2023-08-02》 2023-08-02",
      "    《东湖高新区新闻2023-07-28》 2023-07-28",
      "    …另 2 篇",
    ]);
  });

  it("--zone lists every article of one zone, newest first (its --json the same), and refuses an unknown zone", async () => {
    const dir = await scratchDir("gaoxin-zone-");
    await writeFile(
      join(dir, "season.jsonl"),
      Array.from({ length: 120 }, (_, i) =>
        JSON.stringify({
          id: `wh-${i}`,
          title: `东湖高新区第${i}期新闻`,
          date: `2023-08-${String((i % 28) + 1).padStart(2, "0")}`,
          text: `武汉东湖高新区第${i + 1}条消息。`,
        }),
      ).join("\n"),
    );
    const env = { CORPUS_DIR: join(dir, "season.jsonl") };
    const r = await run("zones.ts", ["--index", join(dir, "idx"), "--zone", "武汉东湖高新区"], dir, env);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("武汉东湖高新区  120 篇（最新在前）");
    expect(lines).toHaveLength(121);
    expect(lines[1]).toMatch(/ 2023-08-28$/);
    const json = await run("zones.ts", ["--index", join(dir, "idx"), "--zone", "东湖", "--json"], dir, env);
    const detail = JSON.parse(json.stdout) as { zone: string; articles: { id: string; headline: string }[] };
    expect(detail.zone).toBe("武汉东湖高新区");
    expect(detail.articles.map((a) => `    《${a.headline}》`)).toEqual(
      lines.slice(1).map((l) => l.replace(/ \S+$/, "")),
    );
    const unknown = await run("zones.ts", ["--index", join(dir, "idx"), "--zone", "火星高新区"], dir, env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("没有找到");
  });
  it("ends quietly, exit 0, when its reader closes the pipe (`zones | head -1`)", async () => {
    const child = spawn(join(ROOT, "node_modules/.bin/tsx"), [join(ROOT, "src/cli/zones.ts")], { cwd: work });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    // The reader takes the first chunk and goes away, as `head` does.
    child.stdout.once("data", () => child.stdout.destroy());
    const [code] = (await once(child, "exit")) as [number | null];
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});

describe("ingest", () => {
  it("reads GBK and UTF-16 files and says so in its summary; a Big5 one is skipped with how to convert it", async () => {
    const dir = await scratchDir("gaoxin-encodings-");
    const r = await run(
      "ingest.ts",
      ["--input", join(ROOT, "tests/fixtures/encodings"), "--index", join(dir, "idx")],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("已索引 4 篇文章");
    expect(r.stdout).toContain(
      "; 2 files read as GBK/GB18030; 1 file read as UTF-16 BE; 1 file read as UTF-16 LE)",
    );
    expect(r.stderr).toMatch(/gbk\.md: 按 GBK\/GB18030 编码读取 \(read as GBK\/GB18030, not UTF-8\)/);
    expect(r.stderr).toMatch(
      /big5\.md: not valid UTF-8 \(near byte 0\): save it as UTF-8, e\.g\. iconv -f BIG5 -t UTF-8/,
    );
  });

  it("reports bad files by path and line, indexes the rest, and exits 1", async () => {
    const dir = await scratchDir("gaoxin-ingest-");
    const corpus = join(dir, "in");
    await mkdir(corpus);
    await cp(join(ROOT, "data/corpus/000_d463814998410617.txt"), join(corpus, "page.txt"));
    await writeFile(join(corpus, "empty.md"), "");
    await writeFile(join(corpus, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe]));
    await writeFile(
      join(corpus, "articles.jsonl"),
      `${JSON.stringify({ id: "a1", title: "标题", text: "成都高新区新增企业100家。" })}\n{not json\n${JSON.stringify({ id: "a2", title: "缺正文" })}\n`,
    );
    const r = await run("ingest.ts", ["--input", corpus, "--index", join(dir, "idx")], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/empty\.md/);
    expect(r.stderr).toMatch(/binary\.txt/);
    expect(r.stderr).toMatch(/articles\.jsonl:2/);
    expect(r.stderr).toMatch(/articles\.jsonl:3/);
    expect(r.stdout).toMatch(/已索引 7 篇文章/);
    const manifest = JSON.parse(await readFile(join(dir, "idx/manifest.json"), "utf8"));
    expect(manifest.counts.articles).toBe(7);
  });

  it("leaves the previous index alone when nothing could be read", async () => {
    const dir = await workdir();
    expect((await run("ingest.ts", [], dir)).code).toBe(0);
    const before = await readFile(join(dir, "embeddings/manifest.json"), "utf8");
    await writeFile(join(dir, "blank.md"), "");
    const r = await run("ingest.ts", ["--input", join(dir, "blank.md")], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("索引未改动");
    expect(await readFile(join(dir, "embeddings/manifest.json"), "utf8")).toBe(before);
  });
});
