/** One paragraph of an article body; `section` is the subhead it stands under, if any. */
export interface Paragraph {
  section: string | null;
  text: string;
}

/** A news article as read from the corpus, cleaned of layout damage. */
export interface Article {
  /** Stable across re-ingests: `<file stem>-<n>` for a page, the file stem for `.md`, the record id for `.jsonl`. */
  id: string;
  title: string;
  /** Reporters' names as printed (`黄鹏飞 曾凯然 戈清平`), or null when the article has none. */
  byline: string | null;
  /** The zone the headline is about (canonical, e.g. `珠海高新区`), or null. */
  mainZone: string | null;
  /** Every zone the article names, canonical, main zone first. */
  zones: string[];
  /** Path of the file it came from, as given to the loader. */
  source: string;
  date?: string;
  url?: string;
  /** Publisher or outlet, from a `.jsonl` record's `source` field. */
  publisher?: string;
  paragraphs: Paragraph[];
}

/** A file or line that could not be read; the rest of the corpus is still used. */
export interface CorpusProblem {
  path: string;
  line?: number;
  message: string;
}

/** A corpus input file and the hash of its bytes, recorded in the index manifest. */
export interface CorpusFile {
  path: string;
  sha256: string;
}

/** A file read in another encoding than UTF-8, named as `ingest` reports it (`GBK/GB18030`, `UTF-16 LE`). */
export interface DecodedFile {
  path: string;
  encoding: string;
}

export interface LoadedCorpus {
  articles: Article[];
  problems: CorpusProblem[];
  files: CorpusFile[];
  /** Files read in another encoding than UTF-8. */
  decoded?: DecodedFile[];
}
