import { loadCorpus } from "../corpus/load.js";
import type { CorpusProblem } from "../corpus/types.js";
import type { IndexEmbeddings } from "../index/build.js";
import type { IndexError } from "../index/manifest.js";
import { createPgPool, openPgDb, type PgDb, quoteIdent } from "../index/postgres/db.js";
import { currentManifest } from "../index/postgres/generations.js";
import { ingestToPostgres, PgStoreError } from "../index/postgres/ingest.js";
import { loadPostgresIndex, type PgLoadedIndex } from "../index/postgres/load.js";
import { currentGeneration, migrate } from "../index/postgres/schema.js";
import { watchGenerations } from "../index/postgres/watch.js";
import { err, ok, type Result } from "../result.js";
import { chooseInputs } from "./inputs.js";
import type { IndexUpdate, NewIndex, ScratchStore, Store, UpdateError } from "./types.js";

/** Settings of {@link postgresStore}. */
export interface PostgresSettings {
  /** Never logged or shown: it may hold a password. */
  databaseUrl: string;
  /** The schema holding the store's tables; null: the connection's current schema (normally `public`). */
  schema: string | null;
  /** How often a watching bot looks for a new generation. */
  pollMs: number;
  /** pgvector's `hnsw.ef_search` above the number of nearest passages asked for (STORE_EF_SEARCH). */
  efSearch: number | null;
  /** What the first ingest reads when given no inputs (CORPUS_DIR). */
  corpusDir: string;
  embeddings: IndexEmbeddings;
  /** Connections (default 8, a bot's). */
  poolSize?: number;
  /** An idle connection the server dropped (it reconnects). */
  onConnectionError?: (error: Error) => void;
}

/** The server and database of `url`, for messages: never its user or password. */
function serverOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return "DATABASE_URL";
  }
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The PostgreSQL store: generations in one database (see src/index/postgres/), shared by every bot
 * process. Opening loads the current generation; an ingest writes a new one and switches bots to
 * it; a bot never writes, and follows each switch (LISTEN, and a poll every `pollMs`). Connecting
 * waits for the first use, so a server that is away is an ordinary error of that use.
 */
export function postgresStore(s: PostgresSettings): Store {
  const pool = createPgPool(s.databaseUrl, {
    ...(s.poolSize !== undefined ? { max: s.poolSize } : {}),
    ...(s.onConnectionError ? { onError: s.onConnectionError } : {}),
  });
  let connected: Promise<PgDb> | null = null;
  // A database written by older code is brought to the current layout once, by whoever opens it
  // first (a bot only when there is something to bring: it never creates the store's tables).
  const database = (): Promise<PgDb> =>
    (connected ??= (async () => {
      const db = await openPgDb(pool, s.schema);
      await migrate(db, { create: false });
      return db;
    })().catch((e: unknown) => {
      connected = null;
      throw e;
    }));
  let schemaName = s.schema ?? "";
  const server = serverOf(s.databaseUrl);
  /** The generation this process last loaded, and its counts. */
  let opened: { generation: number; articles: number; passages: number } | null = null;
  const stops = new Set<() => Promise<void>>();
  let busy = false;

  const load = async (generation?: number): Promise<Result<PgLoadedIndex, IndexError>> => {
    const db = await database();
    schemaName = db.schema;
    const loaded = await loadPostgresIndex(db, s.embeddings, { generation, efSearch: s.efSearch });
    if (!loaded.ok) return loaded;
    const { generation: gen, manifest } = loaded.value;
    opened = { generation: gen, ...manifest.counts };
    return ok(loaded.value);
  };

  /** The current generation when it is not the one opened, loaded; null when it is. */
  const newer = async (started: number): Promise<Result<NewIndex | null, UpdateError>> => {
    const gen = await currentGeneration(await database());
    if (gen === null || gen === opened?.generation) return ok(null);
    const loaded = await load(gen);
    if (!loaded.ok) return err({ code: "failed", message: loaded.error.message });
    return ok({
      index: loaded.value,
      generation: gen,
      seconds: (performance.now() - started) / 1000,
      skipped: 0,
    });
  };

  return {
    kind: "postgres",
    get location() {
      return `PostgreSQL ${server}${schemaName ? ` schema ${schemaName}` : ""}`;
    },
    async open() {
      try {
        return await load();
      } catch (e) {
        return err({ code: "unusable", message: `PostgreSQL (${server}): ${why(e)}` });
      }
    },
    async inputs() {
      const before = await currentManifest(await database());
      return chooseInputs(undefined, before?.corpus.inputs ?? null, s.corpusDir).inputs;
    },
    async ingest(source, opts = {}) {
      let problems: CorpusProblem[] = [];
      try {
        const db = await database();
        schemaName = db.schema;
        const before = source.corpus ? null : await currentManifest(db);
        const { inputs, dropped } = source.corpus
          ? { inputs: [...(source.inputs ?? [])], dropped: [] }
          : chooseInputs(source.inputs, before?.corpus.inputs ?? null, s.corpusDir);
        const corpus = source.corpus ?? (await loadCorpus(inputs));
        problems = corpus.problems;
        if (corpus.articles.length === 0)
          return err({
            code: "no-articles",
            message: `没有读到任何文章 (no articles in ${inputs.join(", ")})，数据库未改动 (database unchanged)`,
            problems,
          });
        const r = await ingestToPostgres({
          db,
          corpus,
          embeddings: s.embeddings,
          inputs,
          full: opts.full ?? false,
          ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        });
        const duplicates = r.duplicateArticleIds.map((id) => ({
          path: inputs.join(", "),
          message: `duplicate article id "${id}"; skipped`,
        }));
        return ok({
          kind: "postgres",
          inputs,
          droppedInputs: dropped,
          mode: r.unchanged ? "unchanged" : r.reused > 0 ? "incremental" : "full",
          reason: "",
          articles: r.articles,
          passages: r.passages,
          added: r.added,
          changed: r.changed,
          removed: r.removed,
          embedded: r.embedded,
          problems: [...problems, ...duplicates],
          decoded: corpus.decoded ?? [],
          ms: r.buildMs,
          generation: r.generation,
          loadMs: r.loadMs,
          indexMs: r.indexMs,
          dropped: r.dropped,
        });
      } catch (e) {
        // The server refusing, a wrong password, another ingest running: the generation the bots
        // answer from is untouched.
        return err({
          code: e instanceof PgStoreError ? "busy" : "failed",
          message: `PostgreSQL: ${why(e)}`,
          problems,
        });
      }
    },
    async reindex(): Promise<Result<IndexUpdate, UpdateError>> {
      if (busy) return err({ code: "busy", message: "正在载入新的索引 (a new generation is being loaded)" });
      busy = true;
      const started = performance.now();
      try {
        const found = await newer(started);
        if (!found.ok) return found;
        if (found.value !== null) return ok({ changed: true, ...found.value });
        return ok({
          changed: false,
          articles: opened?.articles ?? 0,
          passages: opened?.passages ?? 0,
          seconds: (performance.now() - started) / 1000,
          ...(opened ? { generation: opened.generation } : {}),
        });
      } catch (e) {
        return err({ code: "failed", message: `PostgreSQL: ${why(e)}` });
      } finally {
        busy = false;
      }
    },
    watch(listener) {
      let stopWatcher: (() => Promise<void>) | null = null;
      const watching = database().then((db) => {
        const watcher = watchGenerations({
          db,
          current: opened?.generation ?? -1,
          intervalMs: s.pollMs,
          async onChange(generation) {
            // Already loaded here (a /reindex took it): nothing to put in service.
            if (generation === opened?.generation) return true;
            const started = performance.now();
            const loaded = await load(generation);
            if (!loaded.ok) {
              listener.onError({ code: "failed", message: loaded.error.message });
              return false;
            }
            await listener.onIndex({
              index: loaded.value,
              generation,
              seconds: (performance.now() - started) / 1000,
              skipped: 0,
            });
            return true;
          },
          onError: (e) => listener.onError({ code: "failed", message: `PostgreSQL: ${why(e)}` }),
        });
        stopWatcher = watcher.stop;
        return watcher;
      });
      const stop = async () => {
        stops.delete(stop);
        await watching.catch(() => undefined);
        await stopWatcher?.();
      };
      stops.add(stop);
      return {
        everyMs: s.pollMs,
        check: async () => (await watching).check(),
        listening: watching.then((w) => w.listening).catch(() => false),
        stop,
      };
    },
    async close() {
      for (const stop of [...stops]) await stop();
      await pool.end();
    },
  };
}

/**
 * A PostgreSQL store in a schema of its own in the same database (`gaoxin_<label>_<time>_<pid>`),
 * for a bench or an evaluation: the user's generations, in their schema, are never read or switched.
 * `drop` removes the schema with everything in it.
 */
export function postgresScratch(
  s: PostgresSettings,
  label: string,
): ScratchStore & { env: Record<string, string> } {
  const schema = `gaoxin_${label}_${Date.now().toString(36)}_${process.pid}`;
  const store = postgresStore({ ...s, schema });
  return Object.assign(store, {
    env: { STORE: "postgres", DATABASE_URL: s.databaseUrl, STORE_SCHEMA: schema },
    async drop() {
      await store.close();
      const pool = createPgPool(s.databaseUrl, { max: 1 });
      try {
        await pool.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      } finally {
        await pool.end();
      }
    },
  });
}
