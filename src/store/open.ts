import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StoreConfig } from "../config.js";
import type { IndexEmbeddings } from "../index/build.js";
import { makeTempDir, releaseScratch, releaseTempDir, trackScratch } from "../index/target.js";
import { embeddedStore } from "./embedded.js";
import { postgresScratch, postgresStore } from "./postgres.js";
import type { ScratchStore, Store } from "./types.js";

/** What {@link openStore} needs: the configuration every entry point reads. */
export interface StoreSettings {
  /** STORE and its settings (see config.ts). */
  store: StoreConfig;
  /** The embedded store's folder (INDEX_DIR, or `--index`). */
  indexDir: string;
  /** What the first ingest (or an embedded store's first build) reads when given no inputs (CORPUS_DIR). */
  corpusDir: string;
  embeddings: IndexEmbeddings;
  /**
   * The embedded store's watch: seconds between a bot's looks at its index and corpus
   * (INGEST_INTERVAL; 0: none). PostgreSQL stores always watch, every STORE_POLL_SECONDS.
   */
  ingestIntervalSeconds?: number;
  /** PostgreSQL's connections per process (default 8, a bot's). */
  poolSize?: number;
  /** PostgreSQL: an idle connection the server dropped (it reconnects). */
  onConnectionError?: (error: Error) => void;
}

function postgresSettings(s: StoreSettings, config: Extract<StoreConfig, { kind: "postgres" }>) {
  return {
    databaseUrl: config.databaseUrl,
    schema: config.schema,
    pollMs: config.pollMs,
    efSearch: config.efSearch,
    corpusDir: s.corpusDir,
    embeddings: s.embeddings,
    ...(s.poolSize !== undefined ? { poolSize: s.poolSize } : {}),
    ...(s.onConnectionError ? { onConnectionError: s.onConnectionError } : {}),
  };
}

/**
 * The store STORE names, for every command and the bot. Nothing is opened or connected yet: that
 * happens at the store's first use, whose result says what went wrong.
 */
export function openStore(s: StoreSettings): Store {
  if (s.store.kind === "postgres") return postgresStore(postgresSettings(s, s.store));
  return embeddedStore({
    dir: s.indexDir,
    corpusDir: s.corpusDir,
    embeddings: s.embeddings,
    watchSeconds: s.ingestIntervalSeconds ?? 0,
  });
}

/** A store apart from the user's, and what a child process needs in its environment to use it. */
export type Scratch = ScratchStore & { env: Record<string, string> };

/**
 * A store of the kind STORE names, apart from the user's index, for a bench or an evaluation
 * (`label` names it: `bench`, `eval`): a new temporary folder, or a new schema in the same
 * PostgreSQL database. Its `location` says where it is; `drop` removes it and all it holds. Either is
 * removed as well by a stop signal's `removeTempDirs` unless kept (`keepTempDir` of its `location`).
 */
export async function openScratchStore(s: StoreSettings, label: string): Promise<Scratch> {
  if (s.store.kind === "postgres") {
    const scratch = postgresScratch(postgresSettings(s, s.store), label);
    // A Ctrl-C midway drops the schema too (removeTempDirs), as it removes a folder: it was left behind.
    const name = scratch.location;
    const drop = scratch.drop;
    trackScratch(name, drop);
    return Object.assign(scratch, { drop: () => releaseScratch(name) });
  }
  // A Ctrl-C midway removes it too (removeTempDirs): it left the whole pool behind (108 MB for the news set).
  const dir = await makeTempDir(join(tmpdir(), `gaoxin-${label}-`), { temp: true });
  const store = embeddedStore({ dir, corpusDir: s.corpusDir, embeddings: s.embeddings, watchSeconds: 0 });
  return Object.assign(store, {
    env: { STORE: "embedded", INDEX_DIR: dir },
    drop: () => releaseTempDir(dir),
  });
}
