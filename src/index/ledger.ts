import { createHash } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import type { Article, CorpusProblem, LoadedCorpus } from "../corpus/types.js";
import { err, ok, type Result } from "../result.js";

/** The segment a full build writes: the index directory itself (LangChain HNSWLib's files at its top). */
export const BASE_SEGMENT = ".";

/** One indexed article: id, content hash, the segment holding its passages, their count, its zones. */
export type LedgerArticle = [id: string, hash: string, segment: string, passages: number, zones: string[]];

/** One corpus file as last read: its hash, its articles in order, what could not be read in it. */
export interface LedgerFile {
  path: string;
  sha256: string;
  articles: LedgerArticle[];
  problems: CorpusProblem[];
}

/**
 * `ledger.json`: which article is where, in corpus order. It is what an incremental update compares
 * the corpus with (file hashes, then article hashes), and the order in which loading lays out the
 * live passages of every segment, so that an updated index searches exactly like a full rebuild.
 * A passage of a segment that no ledger article points to is deleted.
 */
export interface Ledger {
  files: LedgerFile[];
}

/** sha256 of everything an article's passages are made of (text, title, zones, source …). */
export function articleHash(a: Article): string {
  return createHash("sha256").update(JSON.stringify(a)).digest("hex");
}

/** Every problem message loadCorpus gives an article dropped for an id already read. */
export const isDuplicateProblem = (p: CorpusProblem): boolean =>
  /^duplicate (?:article )?id /.test(p.message);

/**
 * The ledger of a corpus whose `kept` articles (first of each id, in corpus order) went into
 * `segment` with `counts[i]` passages each.
 */
export function ledgerOf(
  corpus: LoadedCorpus,
  kept: readonly Article[],
  counts: readonly number[],
  segment: string,
): Ledger {
  const byPath = new Map<string, LedgerFile>(
    corpus.files.map((f) => [f.path, { path: f.path, sha256: f.sha256, articles: [], problems: [] }]),
  );
  kept.forEach((a, i) => {
    byPath.get(a.source)?.articles.push([a.id, articleHash(a), segment, counts[i] ?? 0, a.zones]);
  });
  for (const p of corpus.problems) byPath.get(p.path)?.problems.push(p);
  return { files: [...byPath.values()] };
}

/** Writes the ledger beside its final name and renames it in, so a reader never sees half of it. */
export async function writeLedger(path: string, ledger: Ledger): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, `{"files":[\n${ledger.files.map((f) => JSON.stringify(f)).join(",\n")}\n]}\n`);
  await rename(tmp, path);
}

/** Reads and checks a ledger's shape. */
export async function readLedger(path: string): Promise<Result<Ledger, string>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    return err(
      (e as NodeJS.ErrnoException).code === "ENOENT"
        ? "ledger.json is missing"
        : "ledger.json is not valid JSON",
    );
  }
  const files = (json as { files?: unknown } | null)?.files;
  const good =
    Array.isArray(files) &&
    files.every(
      (f: Partial<LedgerFile> | null) =>
        typeof f?.path === "string" &&
        typeof f.sha256 === "string" &&
        Array.isArray(f.problems) &&
        Array.isArray(f.articles) &&
        f.articles.every(
          (a) =>
            Array.isArray(a) &&
            typeof a[0] === "string" &&
            typeof a[1] === "string" &&
            typeof a[2] === "string" &&
            typeof a[3] === "number" &&
            Array.isArray(a[4]),
        ),
    );
  return good ? ok({ files: files as LedgerFile[] }) : err("ledger.json lacks files/articles");
}
