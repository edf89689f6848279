import { err, ok, type Result } from "../../result.js";
import { type Bm25Params, Bm25Scorer, type TermPostings } from "../bm25.js";
import type { LexicalIndex } from "../load.js";
import type { PgDb } from "./db.js";
import { postingsTable } from "./schema.js";

/** Vocabulary rows read per query at load (document frequencies): keeps the rows read at once small. */
const DF_PAGE = 20_000;

/**
 * BM25 over a generation's postings table: the vocabulary's document frequencies and the document
 * lengths in memory (a few MB at 100,000 passages), each question's postings read for its terms
 * only (`term = ANY`) and scored by the same {@link Bm25Scorer} as the embedded store's.
 */
export async function remoteBm25(
  db: PgDb,
  generation: number,
  params: Partial<Bm25Params> | null,
  lengthBytes: Buffer | null,
): Promise<Result<LexicalIndex & { size: number }, string>> {
  const table = postingsTable(generation);
  if (typeof params?.k1 !== "number" || typeof params?.b !== "number" || !lengthBytes)
    return err("BM25 parameters or document lengths missing");
  if (!(await db.tableExists(table))) return err(`${table} is missing`);
  const qualified = db.t(table);
  // octet_length of an uncompressed out-of-line value is read from its pointer, not its bytes. Read
  // in pages: 200,000 rows at once would leave V8 holding their transient heap for good.
  const read: [string, number][] = [];
  for (let after: string | null = null; ; ) {
    const page: [string, number][] =
      after === null
        ? await db.arrays(
            `SELECT term, octet_length(docs) / 4 AS df FROM ${qualified} ORDER BY term LIMIT $1`,
            [DF_PAGE],
          )
        : await db.arrays(
            `SELECT term, octet_length(docs) / 4 AS df FROM ${qualified} WHERE term > $2 ORDER BY term LIMIT $1`,
            [DF_PAGE, after],
          );
    for (const row of page) read.push(row);
    if (page.length < DF_PAGE) break;
    after = (page.at(-1) as [string, number])[0];
  }
  const dfs = TermCounts.of(read);
  read.length = 0;
  const lengths = typed(lengthBytes, Uint32Array);
  const scorer = new Bm25Scorer({ k1: params.k1, b: params.b }, lengths);
  return ok({
    size: lengths.length,
    docFreq: (term) => dfs.get(term),
    async search(terms, k) {
      // Distinct terms in query order, as Bm25Index.search takes them; unknown ones have no row.
      const wanted = [...new Set(terms)].filter((t) => dfs.has(t));
      if (wanted.length === 0 || k <= 0) return [];
      const found = await db.rows<{ term: string; docs: Buffer; tfs: Buffer }>(
        `SELECT term, docs, tfs FROM ${qualified} WHERE term = ANY($1::text[])`,
        [wanted],
      );
      const byTerm = new Map(found.map((r) => [r.term, r]));
      const postings: TermPostings[] = [];
      for (const term of wanted) {
        const r = byTerm.get(term);
        if (r === undefined) throw new Error(`${table} lost the postings of a term`);
        postings.push({
          df: dfs.get(term),
          docs: typed(r.docs, Uint32Array),
          tfs: typed(r.tfs, Uint16Array),
        });
      }
      return scorer.score(postings, k);
    },
  });
}

/**
 * Counts by term, compactly: the terms sorted (by UTF-16 code unit) and joined in one string, with
 * their start offsets and counts in typed arrays. A vocabulary of 214,084 terms takes ~3 MB this way
 * against ~12 MB of live heap as a Map; a lookup is a binary search (~18 comparisons).
 */
export class TermCounts {
  private constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
    private readonly counts: Uint32Array,
  ) {}

  static of(entries: readonly (readonly [string, number])[]): TermCounts {
    const sorted = entries.slice().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const starts = new Uint32Array(sorted.length + 1);
    const counts = new Uint32Array(sorted.length);
    sorted.forEach(([term, count], i) => {
      starts[i + 1] = (starts[i] as number) + term.length;
      counts[i] = count;
    });
    return new TermCounts(sorted.map(([term]) => term).join(""), starts, counts);
  }

  get size(): number {
    return this.counts.length;
  }

  /** The count of `term`, 0 when it is not there. */
  get(term: string): number {
    let lo = 0;
    let hi = this.counts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.compare(term, mid);
      if (c === 0) return this.counts[mid] as number;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return 0;
  }

  has(term: string): boolean {
    return this.get(term) > 0;
  }

  /** `term` against the i-th stored term, by UTF-16 code unit as `<` orders strings. */
  private compare(term: string, i: number): number {
    const from = this.starts[i] as number;
    const len = (this.starts[i + 1] as number) - from;
    const n = Math.min(term.length, len);
    for (let k = 0; k < n; k++) {
      const d = term.charCodeAt(k) - this.text.charCodeAt(from + k);
      if (d !== 0) return d;
    }
    return term.length - len;
  }
}

/**
 * `b`'s bytes as a typed array: a view when `b` is aligned for it, else an aligned copy
 * (node-postgres's Buffers are slices of the message they arrived in).
 */
function typed<T extends Uint32Array | Uint16Array>(
  b: Buffer,
  Ctor: { new (buf: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const size = Ctor.BYTES_PER_ELEMENT;
  if (b.byteOffset % size === 0) return new Ctor(b.buffer, b.byteOffset, Math.floor(b.byteLength / size));
  const out = new ArrayBuffer(b.byteLength);
  new Uint8Array(out).set(b);
  return new Ctor(out, 0, Math.floor(b.byteLength / size));
}

/** A typed array's bytes as a Buffer (no copy), for a bytea parameter. */
export const asBytes = (a: Uint32Array | Uint16Array): Buffer =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength);
