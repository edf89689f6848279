import { err, ok, type Result } from "../result.js";

/** BM25 parameters; the usual defaults. */
export interface Bm25Params {
  k1: number;
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 0.9, b: 0.4 };

/** One scored document: its position in the build order and its BM25 score. */
export interface Bm25Hit {
  doc: number;
  score: number;
}

/** The persisted form: vocabulary as strings, postings as base64 typed arrays (compact, fast to parse). */
export interface Bm25Json {
  format: "bm25-csr-v1";
  k1: number;
  b: number;
  terms: string[];
  /** Uint32 [terms + 1]: postings of term t are at offsets[t] … offsets[t + 1]. */
  offsets: string;
  /** Uint32 [postings]: document numbers, ascending within a term. */
  docs: string;
  /** Uint16 [postings]: term frequency in that document (capped at 65535). */
  tfs: string;
  /** Uint32 [documents]: length of each document in terms. */
  lengths: string;
}

const toB64 = (a: Uint32Array | Uint16Array): string =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");

function fromB64<T extends Uint32Array | Uint16Array>(
  s: unknown,
  Ctor: { new (buf: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
): T | null {
  if (typeof s !== "string") return null;
  const buf = Buffer.from(s, "base64");
  if (buf.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) return null;
  // Copy into a fresh, aligned ArrayBuffer: Buffer's pooled memory may be misaligned.
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return new Ctor(copy);
}

/**
 * Okapi BM25 over term lists, stored as compressed sparse rows (term → documents): about six
 * bytes a posting, which keeps a 100k-passage index in tens of MB instead of a JS object per term.
 * idf is Lucene's `ln(1 + (N − df + 0.5) / (df + 0.5))`, never negative.
 */
export class Bm25Index {
  private readonly termIds: Map<string, number>;
  /** The scoring over this index's document lengths, made at the first search. */
  private scorer: Bm25Scorer | undefined;

  private constructor(
    readonly params: Bm25Params,
    private readonly terms: string[],
    private readonly offsets: Uint32Array,
    private readonly docs: Uint32Array,
    private readonly tfs: Uint16Array,
    private readonly lengths: Uint32Array,
  ) {
    this.termIds = new Map(terms.map((t, i) => [t, i]));
  }

  /** Number of documents indexed. */
  get size(): number {
    return this.lengths.length;
  }

  /**
   * Builds from one term list per document, in document order. Takes an iterable so a caller can
   * tokenise lazily and never hold every document's terms at once.
   */
  static build(documents: Iterable<readonly string[]>, params: Bm25Params = DEFAULT_BM25): Bm25Index {
    const builder = Bm25Index.builder(params);
    for (const doc of documents) builder.add(doc);
    return builder.finish();
  }

  /**
   * An index built one document at a time — `add` each in document order, then `finish` — exactly as
   * {@link build} builds it: a caller tokenising a large corpus takes turns of the event loop between
   * documents (an index build's tokenising never yielded, and a stop waited for it).
   */
  static builder(params: Bm25Params = DEFAULT_BM25): {
    add(doc: readonly string[]): void;
    finish(): Bm25Index;
  } {
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    const lengths: number[] = [];
    // Row-major (document → term) first, as flat growable arrays; transposed below.
    let rowTerm = new Uint32Array(1024);
    let rowTf = new Uint16Array(1024);
    const rowStart: number[] = [];
    let n = 0;
    // Per term: the last document it was seen in and its row slot there, so that repeats within a
    // document bump a count in place (rows keep first-occurrence order) without a Map per document.
    const lastDoc: number[] = [];
    const slotOf: number[] = [];
    let d = 0;
    const add = (doc: readonly string[]): void => {
      rowStart.push(n);
      lengths.push(doc.length);
      for (const term of doc) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
          lastDoc.push(-1);
          slotOf.push(0);
        }
        if (lastDoc[id] === d) {
          const at = slotOf[id] as number;
          if ((rowTf[at] as number) < 0xffff) rowTf[at] = (rowTf[at] as number) + 1;
          continue;
        }
        if (n === rowTerm.length) {
          // Grow by half, not double: at 100k passages these arrays hold ~20M postings.
          const size = Math.ceil(rowTerm.length * 1.5);
          rowTerm = grow(rowTerm, new Uint32Array(size));
          rowTf = grow(rowTf, new Uint16Array(size));
        }
        lastDoc[id] = d;
        slotOf[id] = n;
        rowTerm[n] = id;
        rowTf[n] = 1;
        n++;
      }
      d++;
    };
    const finish = (): Bm25Index => {
      // Counting sort by term; documents stay ascending within a term because rows were in order.
      const offsets = new Uint32Array(terms.length + 1);
      for (let i = 0; i < n; i++) {
        const slot = (rowTerm[i] as number) + 1;
        offsets[slot] = (offsets[slot] as number) + 1;
      }
      for (let t = 0; t < terms.length; t++)
        offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
      const cursor = offsets.slice(0, terms.length);
      const docs = new Uint32Array(n);
      const tfs = new Uint16Array(n);
      rowStart.push(n);
      for (let doc = 0; doc < lengths.length; doc++) {
        const end = rowStart[doc + 1] as number;
        for (let i = rowStart[doc] as number; i < end; i++) {
          const t = rowTerm[i] as number;
          const at = cursor[t] as number;
          docs[at] = doc;
          tfs[at] = rowTf[i] as number;
          cursor[t] = at + 1;
        }
      }
      return new Bm25Index(params, terms, offsets, docs, tfs, Uint32Array.from(lengths));
    };
    return { add, finish };
  }

  /**
   * One index over several: part `i`'s document `d` becomes document `docMap[d]` (−1: dropped). The
   * result scores exactly as `build` over the kept documents in their new order would (same
   * document frequencies, lengths and numbering; only the order of the vocabulary differs).
   */
  static merge(parts: readonly { index: Bm25Index; docMap: Int32Array }[], documents: number): Bm25Index {
    const lengths = new Uint32Array(documents);
    const termIds = new Map<string, number>();
    const terms: string[] = [];
    const counts: number[] = [];
    const termMaps: Int32Array[] = [];
    for (const { index, docMap } of parts) {
      docMap.forEach((g, d) => {
        if (g >= 0) lengths[g] = index.lengths[d] as number;
      });
      const termMap = new Int32Array(index.terms.length).fill(-1);
      index.terms.forEach((term, t) => {
        let live = 0;
        const end = index.offsets[t + 1] as number;
        for (let p = index.offsets[t] as number; p < end; p++)
          if ((docMap[index.docs[p] as number] as number) >= 0) live++;
        if (live === 0) return;
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
          counts.push(0);
        }
        counts[id] = (counts[id] as number) + live;
        termMap[t] = id;
      });
      termMaps.push(termMap);
    }
    const offsets = new Uint32Array(terms.length + 1);
    counts.forEach((c, t) => {
      offsets[t + 1] = (offsets[t] as number) + c;
    });
    const total = offsets[terms.length] as number;
    const docs = new Uint32Array(total);
    const tfs = new Uint16Array(total);
    const cursor = offsets.slice(0, terms.length);
    parts.forEach(({ index, docMap }, i) => {
      const termMap = termMaps[i] as Int32Array;
      for (let t = 0; t < index.terms.length; t++) {
        const id = termMap[t] as number;
        if (id < 0) continue;
        const end = index.offsets[t + 1] as number;
        for (let p = index.offsets[t] as number; p < end; p++) {
          const g = docMap[index.docs[p] as number] as number;
          if (g < 0) continue;
          const at = cursor[id] as number;
          docs[at] = g;
          tfs[at] = index.tfs[p] as number;
          cursor[id] = at + 1;
        }
      }
    });
    // Postings must ascend by document within a term; runs gathered from several parts may not.
    for (let t = 0; t < terms.length; t++) {
      const from = offsets[t] as number;
      const to = offsets[t + 1] as number;
      let sorted = true;
      for (let p = from + 1; p < to && sorted; p++) sorted = (docs[p - 1] as number) < (docs[p] as number);
      if (sorted) continue;
      const keys = new Float64Array(to - from);
      for (let p = from; p < to; p++) keys[p - from] = (docs[p] as number) * 65_536 + (tfs[p] as number);
      keys.sort();
      keys.forEach((key, j) => {
        docs[from + j] = Math.floor(key / 65_536);
        tfs[from + j] = key % 65_536;
      });
    }
    return new Bm25Index(parts[0]?.index.params ?? DEFAULT_BM25, terms, offsets, docs, tfs, lengths);
  }

  /** How many documents contain the term; 0 for a term not in the index. */
  docFreq(term: string): number {
    const t = this.termIds.get(term);
    return t === undefined ? 0 : (this.offsets[t + 1] as number) - (this.offsets[t] as number);
  }

  /** Inverse document frequency of a term; 0 for a term not in the index. */
  idf(term: string): number {
    if (!this.termIds.has(term)) return 0;
    return bm25Idf(this.lengths.length, this.docFreq(term));
  }

  /**
   * The `k` best documents for the query terms, best first; ties broken by document number.
   * Repeated query terms count once: a question that says `高新区` twice is not asking twice.
   */
  search(queryTerms: readonly string[], k: number): Bm25Hit[] {
    const postings: TermPostings[] = [];
    for (const term of new Set(queryTerms)) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      const from = this.offsets[t] as number;
      const to = this.offsets[t + 1] as number;
      postings.push({ df: to - from, docs: this.docs.subarray(from, to), tfs: this.tfs.subarray(from, to) });
    }
    this.scorer ??= new Bm25Scorer(this.params, this.lengths);
    return this.scorer.score(postings, k);
  }

  /** A JSON form (postings in base64), for small indexes and tests; files use {@link metaChunks}. */
  toJSON(): Bm25Json {
    return {
      format: "bm25-csr-v1",
      k1: this.params.k1,
      b: this.params.b,
      terms: this.terms,
      offsets: toB64(this.offsets),
      docs: toB64(this.docs),
      tfs: toB64(this.tfs),
      lengths: toB64(this.lengths),
    };
  }

  /**
   * The on-disk form, part one: `bm25.json` with the parameters, the vocabulary and the array sizes,
   * in pieces (the vocabulary runs to millions of terms at a million passages).
   */
  *metaChunks(): Generator<string> {
    yield `{"format":"bm25-csr-v2","k1":${JSON.stringify(this.params.k1)},"b":${JSON.stringify(this.params.b)},"terms":[`;
    for (let i = 0; i < this.terms.length; i += 10_000) {
      const part = JSON.stringify(this.terms.slice(i, i + 10_000)).slice(1, -1);
      yield i === 0 ? part : `,${part}`;
    }
    yield `],"postings":${this.docs.length},"documents":${this.lengths.length}}`;
  }

  /**
   * The on-disk form, part two: `bm25.bin`, the arrays' bytes (offsets, docs, lengths, then tfs, so
   * the 32-bit arrays stay aligned). Binary rather than base64 in JSON: at a million passages the
   * postings are over a gigabyte, past what one JavaScript string can hold.
   */
  postingsChunks(): Uint8Array[] {
    return [this.offsets, this.docs, this.lengths, this.tfs].map(
      (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
    );
  }

  /** Reads the on-disk form back (see {@link metaChunks}, {@link postingsChunks}), checking it fits together. */
  static fromFiles(meta: unknown, postings: Uint8Array): Result<Bm25Index, string> {
    if (typeof meta !== "object" || meta === null) return err("bm25: not an object");
    const m = meta as {
      format?: unknown;
      k1?: unknown;
      b?: unknown;
      terms?: unknown;
      postings?: unknown;
      documents?: unknown;
    };
    if (m.format !== "bm25-csr-v2") return err(`bm25: unknown format ${String(m.format)}`);
    if (typeof m.k1 !== "number" || typeof m.b !== "number") return err("bm25: missing k1/b");
    if (!Array.isArray(m.terms) || !m.terms.every((t) => typeof t === "string"))
      return err("bm25: bad terms");
    if (typeof m.postings !== "number" || typeof m.documents !== "number") return err("bm25: missing sizes");
    const terms = m.terms as string[];
    const sizes = [(terms.length + 1) * 4, m.postings * 4, m.documents * 4, m.postings * 2];
    if (postings.byteLength !== sizes.reduce((x, y) => x + y, 0))
      return err("bm25: bm25.bin does not match bm25.json (truncated?)");
    // Copied into fresh, aligned buffers: the file's bytes may sit at any offset.
    let at = 0;
    const take = <T extends Uint32Array | Uint16Array>(
      bytes: number,
      Ctor: { new (buf: ArrayBuffer): T },
    ): T => {
      const copy = new ArrayBuffer(bytes);
      new Uint8Array(copy).set(postings.subarray(at, at + bytes));
      at += bytes;
      return new Ctor(copy);
    };
    const offsets = take(sizes[0] as number, Uint32Array);
    const docs = take(sizes[1] as number, Uint32Array);
    const lengths = take(sizes[2] as number, Uint32Array);
    const tfs = take(sizes[3] as number, Uint16Array);
    return Bm25Index.fromParts({ k1: m.k1, b: m.b, terms, offsets, docs, tfs, lengths });
  }

  /** Reads the persisted form back, checking that its arrays fit together. */
  static fromJSON(json: unknown): Result<Bm25Index, string> {
    if (typeof json !== "object" || json === null) return err("bm25: not an object");
    const j = json as Partial<Record<keyof Bm25Json, unknown>>;
    if (j.format !== "bm25-csr-v1") return err(`bm25: unknown format ${String(j.format)}`);
    if (typeof j.k1 !== "number" || typeof j.b !== "number") return err("bm25: missing k1/b");
    if (!Array.isArray(j.terms) || !j.terms.every((t) => typeof t === "string"))
      return err("bm25: bad terms");
    const offsets = fromB64(j.offsets, Uint32Array);
    const docs = fromB64(j.docs, Uint32Array);
    const tfs = fromB64(j.tfs, Uint16Array);
    const lengths = fromB64(j.lengths, Uint32Array);
    if (!offsets || !docs || !tfs || !lengths) return err("bm25: bad postings arrays");
    return Bm25Index.fromParts({ k1: j.k1, b: j.b, terms: j.terms as string[], offsets, docs, tfs, lengths });
  }

  /** The index's arrays as they are (no copy), for a store that keeps them as binary columns. */
  parts(): Bm25Parts {
    const { terms, offsets, docs, tfs, lengths } = this;
    return { ...this.params, terms, offsets, docs, tfs, lengths };
  }

  /** An index over arrays from {@link parts}, checking that they fit together. */
  static fromParts(p: Bm25Parts): Result<Bm25Index, string> {
    const { terms, offsets, docs, tfs, lengths } = p;
    if (
      offsets.length !== terms.length + 1 ||
      offsets[terms.length] !== docs.length ||
      tfs.length !== docs.length
    ) {
      return err("bm25: postings arrays do not fit together");
    }
    for (const d of docs) if (d >= lengths.length) return err("bm25: posting points past the last document");
    return ok(new Bm25Index({ k1: p.k1, b: p.b }, terms, offsets, docs, tfs, lengths));
  }
}

/** The arrays of a BM25 index (see {@link Bm25Json} for what each holds). */
export interface Bm25Parts extends Bm25Params {
  terms: string[];
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  lengths: Uint32Array;
}

/** Lucene's idf, `ln(1 + (N − df + 0.5) / (df + 0.5))`, never negative. */
export function bm25Idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** One query term's postings: its documents (ascending) and its frequency in each. */
export interface TermPostings {
  /** Documents holding the term in the whole index (the postings may be all of them, or read from elsewhere). */
  df: number;
  docs: Uint32Array;
  tfs: Uint16Array;
}

/**
 * BM25 scoring over a set of document lengths, given each query term's postings: what
 * {@link Bm25Index.search} does with postings in memory, and a store that keeps postings elsewhere
 * (PostgreSQL) does with the rows it reads — one scoring, so both rank alike to the last digit.
 */
export class Bm25Scorer {
  private readonly avgLength: number;
  /** Each document's length normalisation `k1 · (1 − b + b · length / avgLength)`, computed once. */
  private norms: Float64Array | undefined;
  /** Score accumulator reused by every search (zeroed again after each): no 800 kB allocation per query at 100k. */
  private scratch: Float64Array | undefined;

  constructor(
    readonly params: Bm25Params,
    private readonly lengths: Uint32Array,
  ) {
    let total = 0;
    for (const l of lengths) total += l;
    this.avgLength = lengths.length > 0 ? total / lengths.length : 0;
  }

  /** Number of documents. */
  get size(): number {
    return this.lengths.length;
  }

  /**
   * The `k` best documents for the terms' postings (one entry per distinct query term, in query
   * order), best first; ties broken by document number.
   */
  score(postings: Iterable<TermPostings>, k: number): Bm25Hit[] {
    if (k <= 0) return [];
    const { k1 } = this.params;
    const norms = this.docNorms();
    const n = this.lengths.length;
    // A dense accumulator: common bigrams (`b:高新`) post to most documents, where a Map is slow.
    this.scratch ??= new Float64Array(n);
    const scores = this.scratch;
    const touched: number[] = [];
    try {
      for (const { df, docs, tfs } of postings) {
        const idf = bm25Idf(n, df);
        for (let p = 0; p < docs.length; p++) {
          const d = docs[p] as number;
          const tf = tfs[p] as number;
          if (scores[d] === 0) touched.push(d);
          scores[d] = (scores[d] as number) + (idf * tf * (k1 + 1)) / (tf + (norms[d] as number));
        }
      }
      return topK(touched, scores, k);
    } finally {
      for (const d of touched) scores[d] = 0;
    }
  }

  private docNorms(): Float64Array {
    if (this.norms === undefined) {
      const { k1, b } = this.params;
      const n = this.lengths.length;
      this.norms = new Float64Array(n);
      for (let d = 0; d < n; d++)
        this.norms[d] = k1 * (1 - b + (b * (this.lengths[d] as number)) / (this.avgLength || 1));
    }
    return this.norms;
  }
}

/** The `k` best of the touched documents, best first, ties by document number; no full sort. */
function topK(touched: readonly number[], scores: Float64Array, k: number): Bm25Hit[] {
  const better = (x: number, y: number): boolean =>
    (scores[x] as number) > (scores[y] as number) || (scores[x] === scores[y] && x < y);
  // Keep a sorted buffer of at most k: O(touched · log k) comparisons plus O(k) moves per insert.
  const best: number[] = [];
  for (const d of touched) {
    if (!((scores[d] as number) > 0)) continue;
    if (best.length === k && !better(d, best[k - 1] as number)) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(best[mid] as number, d)) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, d);
    if (best.length > k) best.pop();
  }
  return best.map((doc) => ({ doc, score: scores[doc] as number }));
}

function grow<T extends Uint32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
