import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONVERT_HINT, looksLikeGb } from "../../src/corpus/encoding.js";
import { parseJsonl } from "../../src/corpus/jsonl.js";
import { loadCorpus } from "../../src/corpus/load.js";

let dir: string;
const second = await readFile("tests/fixtures/second-page.txt", "utf8");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gaoxin-corpus-"));
  await mkdir(join(dir, "a", "sub"), { recursive: true });
  await mkdir(join(dir, "b"), { recursive: true });
  await writeFile(join(dir, "a", "page.txt"), second);
  await writeFile(join(dir, "a", "README.md"), "# 说明\n\n这是语料说明。\n");
  await writeFile(join(dir, "a", "notes.csv"), "a,b\n");
  await writeFile(
    join(dir, "a", "sub", "zhuhai.md"),
    "# 珠海高新区复工率94%\n\n目前，珠海高新区复工复产企业达3240家，复工率94%。\n",
  );
  await writeFile(
    join(dir, "a", "sub", "records.jsonl"),
    [
      JSON.stringify({ id: "r1", title: "西安高新区项目开工", text: "西安高新区7个项目集中开工。" }),
      "{not json",
      JSON.stringify({ id: "r3", title: "兰州高新区主题党日", text: "兰州高新区开展主题党日活动。" }),
    ].join("\n"),
  );
  await writeFile(join(dir, "a", "empty.txt"), "  \n\n");
  await writeFile(join(dir, "a", "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  await writeFile(join(dir, "a", "latin1.md"), Buffer.from("# caf\xe9\n\ntext.\n", "latin1"));
  // Same stem as a/page.txt, hence the same article ids: the later file's articles are skipped.
  await writeFile(join(dir, "b", "page.txt"), second);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadCorpus", () => {
  it("reads the default corpus into six articles without problems", async () => {
    const c = await loadCorpus(["data/corpus"]);
    expect(c.problems).toEqual([]);
    expect(c.articles.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `000_d463814998410617-${n}`));
    const sha = async (name: string) =>
      createHash("sha256")
        .update(await readFile(join("data/corpus", name)))
        .digest("hex");
    // The page and the metadata file beside it that dates it.
    expect(c.files).toEqual([
      {
        path: join("data/corpus", "000_d463814998410617.txt"),
        sha256: await sha("000_d463814998410617.txt"),
      },
      {
        path: join("data/corpus", "000_d463814998410617.meta.json"),
        sha256: await sha("000_d463814998410617.meta.json"),
      },
    ]);
  });

  it("walks folders in sorted order, by extension, and reports bad files while reading the rest", async () => {
    const missing = join(dir, "nope");
    const c = await loadCorpus([join(dir, "a"), join(dir, "b"), missing]);

    expect(c.articles.map((a) => a.id)).toEqual([
      "page-1",
      "page-2",
      "page-3",
      "page-4",
      "r1",
      "r3",
      "zhuhai",
    ]);
    expect(c.articles.find((a) => a.id === "zhuhai")?.source).toBe(join(dir, "a", "sub", "zhuhai.md"));

    const rel = (p: string) => p.slice(dir.length + 1);
    expect(c.problems.map((p) => [rel(p.path), p.line, p.message])).toEqual([
      // Named while the folders are walked: a file of a type nobody reads is skipped, not ignored.
      [
        "a/notes.csv",
        undefined,
        'unsupported file type ".csv" (expected .txt, .md, .jsonl, .pdf, .png or .jpg)',
      ],
      ["a/binary.txt", undefined, "binary file (NUL bytes at byte 4)"],
      ["a/empty.txt", undefined, "empty file"],
      ["a/latin1.md", undefined, `not valid UTF-8 (near byte 0): ${CONVERT_HINT}`],
      ["a/sub/records.jsonl", 2, expect.stringMatching(/^malformed JSON/)],
      ...[1, 2, 3, 4].map((n) => [
        "b/page.txt",
        undefined,
        expect.stringContaining(`duplicate article id "page-${n}"`),
      ]),
      ["nope", undefined, "no such file or directory"],
    ]);

    // Every file read is hashed, bad ones included; README.md and other extensions are not read.
    expect(c.files.map((f) => rel(f.path))).toEqual([
      "a/binary.txt",
      "a/empty.txt",
      "a/latin1.md",
      "a/page.txt",
      "a/sub/records.jsonl",
      "a/sub/zhuhai.md",
      "b/page.txt",
    ]);
    for (const f of c.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads a file given twice only once", async () => {
    const p = join(dir, "a", "sub", "zhuhai.md");
    const c = await loadCorpus([p, p]);
    expect(c.articles.map((a) => a.id)).toEqual(["zhuhai"]);
    expect(c.problems).toEqual([]);
    expect(c.files).toHaveLength(1);
  });

  it("reports an explicitly named file of an unsupported type", async () => {
    const c = await loadCorpus([join(dir, "a", "notes.csv")]);
    expect(c.articles).toEqual([]);
    expect(c.problems).toEqual([
      {
        path: join(dir, "a", "notes.csv"),
        message: 'unsupported file type ".csv" (expected .txt, .md, .jsonl, .pdf, .png or .jpg)',
      },
    ]);
  });

  it("streams a .jsonl larger than one read: lines cut across reads, CRLF, the same as parseJsonl", async () => {
    // ~40 reads of 64 KiB: every line break lands somewhere inside a read, some between \r and \n.
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({
        id: `s${i}`,
        title: `武汉东湖高新区第${i}条`,
        text: `光谷企业${i}家完成投资${"。".padStart(i % 40, "增")}`,
      }),
    );
    const path = join(dir, "big.jsonl");
    const text = lines.join("\r\n");
    await writeFile(path, text);
    const c = await loadCorpus([path]);
    expect(c.problems).toEqual([]);
    expect(c.articles).toEqual(parseJsonl(text, path).articles);
    expect(c.articles).toHaveLength(3000);
    expect(c.files).toEqual([{ path, sha256: createHash("sha256").update(text).digest("hex") }]);
  });

  it("names where a large file stops being UTF-8 and keeps none of its lines", async () => {
    const good = `${JSON.stringify({ id: "a", title: "标题", text: "正文内容。" })}\n`.repeat(20_000);
    const path = join(dir, "late-bad.jsonl");
    await writeFile(path, Buffer.concat([Buffer.from(good), Buffer.from([0xff, 0x0a])]));
    const c = await loadCorpus([path]);
    expect(c.articles).toEqual([]);
    expect(c.problems).toEqual([
      {
        path,
        message: expect.stringMatching(/^not valid UTF-8 \(near byte \d+\): save it as UTF-8, e\.g\. iconv /),
      },
    ]);
    expect(Number(/byte (\d+)/.exec(c.problems[0]?.message ?? "")?.[1])).toBeGreaterThan(65_536);
  });
});

describe("files in other encodings", () => {
  const fixture = (name: string) => join("tests/fixtures/encodings", name);

  it("reads GBK and GB18030 Chinese, names the encoding, and keeps the hash of the bytes", async () => {
    const c = await loadCorpus([fixture("gbk.md"), fixture("gb18030.txt")]);
    expect(c.problems).toEqual([]);
    expect(c.decoded).toEqual([
      { path: fixture("gbk.md"), encoding: "GBK/GB18030" },
      { path: fixture("gb18030.txt"), encoding: "GBK/GB18030" },
    ]);
    const [md, page] = c.articles;
    expect(md).toMatchObject({
      title: "成都高新区新经济企业突破10万家",
      date: "2024-05-10",
      mainZone: "成都高新区",
    });
    expect(md?.paragraphs[0]?.text).toContain("较去年底增长18.2%");
    // A character only GB18030's four-byte form holds.
    expect(JSON.stringify(page)).toContain("㐀");
    const bytes = await readFile(fixture("gbk.md"));
    expect(c.files[0]?.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
  });

  it("reads UTF-16 with its byte-order mark, either way round, without calling it binary", async () => {
    const c = await loadCorpus([fixture("utf16le.jsonl"), fixture("utf16be.md")]);
    expect(c.problems).toEqual([]);
    expect(c.decoded?.map((d) => d.encoding)).toEqual(["UTF-16 LE", "UTF-16 BE"]);
    expect(c.articles.map((a) => a.title)).toEqual(["西安高新区项目开工", "兰州高新区"]);
    expect(c.articles[0]?.paragraphs[0]?.text).toBe("西安高新区7个“新基建”项目集中开工，总投资166亿元。");
  });

  it("does not take Big5 for GBK: it keeps the UTF-8 message, with how to convert", async () => {
    const c = await loadCorpus([fixture("big5.md")]);
    expect(c.articles).toEqual([]);
    expect(c.decoded).toEqual([]);
    expect(c.problems).toEqual([
      { path: fixture("big5.md"), message: `not valid UTF-8 (near byte 0): ${CONVERT_HINT}` },
    ]);
  });
});

describe("looksLikeGb", () => {
  it("takes simplified Chinese in GBK, not Big5 or Latin-1 accents or plain ASCII", async () => {
    expect(looksLikeGb(await readFile("tests/fixtures/encodings/gbk.md"))).toBe(true);
    expect(looksLikeGb(await readFile("tests/fixtures/encodings/big5.md"))).toBe(false);
    expect(looksLikeGb(Buffer.from("caf\xe9 cr\xe8me br\xfbl\xe9e", "latin1"))).toBe(false);
    expect(looksLikeGb(Buffer.from("plain ascii"))).toBe(false);
  });
});
