import type { CorpusProblem, DecodedFile, LoadedCorpus } from "../corpus/types.js";
import type { EnsureEvents } from "../index/ensure.js";
import type { LoadedIndex } from "../index/load.js";
import type { IndexError } from "../index/manifest.js";
import type { Result } from "../result.js";

/**
 * Where the index lives, behind one seam: every command and the bot open, ingest into and watch a
 * {@link Store} without knowing which kind it is. `embedded`: a folder (INDEX_DIR) each process
 * loads whole; `postgres`: a PostgreSQL + pgvector database shared by every process, written in
 * generations.
 */
export type StoreKind = "embedded" | "postgres";

/** What an ingest reads: the paths to read (absent: those the store last read, else CORPUS_DIR), or a corpus already read. */
export interface IngestSource {
  inputs?: readonly string[];
  /** A corpus already read (an evaluation's pooled contexts); `inputs` then only names it. */
  corpus?: LoadedCorpus;
}

/** Options of {@link Store.ingest}. */
export interface IngestOptions {
  /** Embed everything again, reusing nothing the store holds. */
  full?: boolean;
  /** Called as passages are embedded, with how many so far of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** What an ingest did, whatever the store. */
interface IngestCommon {
  /** The inputs read (and recorded: the default of the next ingest). */
  inputs: string[];
  /** Inputs the store's index was built from before that this run left out (their articles are gone). */
  droppedInputs: string[];
  /** `unchanged`: nothing was written; the index in use is this corpus already. */
  mode: "full" | "incremental" | "unchanged";
  /** Why a full rebuild was done, when it was not asked for (empty otherwise). */
  reason: string;
  articles: number;
  passages: number;
  added: number;
  changed: number;
  removed: number;
  /** Passages embedded by this run; the rest were reused unchanged. */
  embedded: number;
  /** Corpus files or lines skipped (each with why), and repeated article ids. */
  problems: CorpusProblem[];
  /** Files this run read in another encoding than UTF-8 (GBK/GB18030, UTF-16). */
  decoded: DecodedFile[];
  ms: number;
}

/** An ingest into the embedded store: the folder it wrote. */
export interface EmbeddedIngest extends IngestCommon {
  kind: "embedded";
  dir: string;
}

/** An ingest into PostgreSQL: the generation now current, and where the time went. */
export interface PostgresIngest extends IngestCommon {
  kind: "postgres";
  generation: number;
  /** Embedding and inserting the rows. */
  loadMs: number;
  /** Building the HNSW index over them. */
  indexMs: number;
  /** Generations removed: older ones, and ones an ingest killed midway left behind. */
  dropped: number[];
}

export type IngestSummary = EmbeddedIngest | PostgresIngest;

/** Why an ingest wrote nothing; the index in use is untouched in every case. */
export interface IngestError {
  /** `no-articles`: nothing readable; `busy`: another ingest is writing; `failed`: anything else (the server away, a disk full). */
  code: "no-articles" | "busy" | "failed";
  message: string;
  problems: CorpusProblem[];
}

/** A newer index a store found (or made), to put in service. */
export interface NewIndex {
  index: LoadedIndex;
  /** Seconds from the start of the look (or rebuild) to the index being loaded. */
  seconds: number;
  /** Corpus files or lines skipped while rebuilding. */
  skipped: number;
  /** PostgreSQL: the generation loaded. */
  generation?: number;
}

/** What `/reindex` found: a new index to put in service, or that the one in service is current. */
export type IndexUpdate =
  | ({ changed: true } & NewIndex)
  | { changed: false; articles: number; passages: number; seconds: number; generation?: number };

/** Why `/reindex` or a watch round did not bring a new index; the one in use keeps answering. */
export interface UpdateError {
  code: "busy" | "no-articles" | "failed";
  message: string;
}

/** A running watch. */
export interface Watch {
  /** How often it looks, in milliseconds (for the log). */
  everyMs: number;
  /** Looks now, as the timer does (a round already under way is waited for). */
  check(): Promise<void>;
  /** PostgreSQL: true once the server's notifications reach it (then it looks at once on each switch). */
  listening?: Promise<boolean>;
  /** Stops it; a round under way finishes first. */
  stop(): Promise<void>;
}

/** What a watch tells its owner. */
export interface WatchListener {
  /** A newer index: put it in service (the watch waits for this before looking again). */
  onIndex(update: NewIndex): Promise<void>;
  /** A round that failed; the next one tries again. */
  onError(error: UpdateError): void;
}

/** The store seam. */
export interface Store {
  readonly kind: StoreKind;
  /** Where the index lives, for messages: the folder, or PostgreSQL's host, database and schema. */
  readonly location: string;
  /**
   * The index to answer from. The embedded store first builds one that is missing, damaged or older
   * than its corpus (`events` tell how it goes); PostgreSQL loads the current generation.
   */
  open(events?: EnsureEvents): Promise<Result<LoadedIndex, IndexError>>;
  /**
   * The paths a plain ingest (no `--input`) reads: those the index was last built from, else
   * CORPUS_DIR. Fetched articles go into the first of them, so that the ingest after the fetch reads them.
   */
  inputs(): Promise<string[]>;
  /** Brings the store up to date with a corpus; only new and changed articles are embedded. */
  ingest(source: IngestSource, opts?: IngestOptions): Promise<Result<IngestSummary, IngestError>>;
  /**
   * `/reindex`: the embedded store updates its index from the corpus it was built from; PostgreSQL
   * (written by `npm run ingest`, never by a bot) loads the current generation if it is newer than
   * the one opened. `changed: false` when the index in service is already current.
   */
  reindex(): Promise<Result<IndexUpdate, UpdateError>>;
  /**
   * Keeps the bot current: each newer index (another process's ingest; for the embedded store with
   * INGEST_INTERVAL also a changed corpus, updated here) goes to `listener.onIndex`. Null when this
   * store is not set to watch (the embedded store without INGEST_INTERVAL).
   */
  watch(listener: WatchListener): Watch | null;
  /** Releases what the store holds (PostgreSQL's connections). */
  close(): Promise<void>;
}

/** A store of its own for a bench or an evaluation, apart from the user's index. */
export interface ScratchStore extends Store {
  /** Removes it and everything in it (a temporary folder, or a PostgreSQL schema). */
  drop(): Promise<void>;
}
