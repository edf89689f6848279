import type { StoreConfig } from "../config.js";
import { loadStoreConfig } from "../config.js";
import { openStore, type StoreSettings } from "../store/open.js";
import type { Store } from "../store/types.js";
import { baseConfig, createEmbeddings, fail, orExit } from "./common.js";

/** Reads STORE and its settings (`store` in place of STORE, for `--store`), or exits with the one-line reason. */
export const storeConfig = (store?: "embedded" | "postgres"): StoreConfig =>
  orExit(() => loadStoreConfig(undefined, store));

/**
 * What a command opens its store with: STORE's kind; `--index DIR` for the embedded store's folder
 * (with STORE=postgres the index is in the database, and `--index` is refused in one line, exit 2).
 */
export function commandStoreSettings(opts: {
  index?: string | undefined;
  poolSize?: number;
  /** In place of STORE (`bench --store postgres`). */
  kind?: "embedded" | "postgres";
}): StoreSettings {
  const config = baseConfig();
  const store = storeConfig(opts.kind);
  if (store.kind === "postgres" && opts.index !== undefined)
    fail(
      "--index 只用于本地索引文件夹，STORE=postgres 时索引在数据库里 (--index names the embedded store's folder; with STORE=postgres the index is in DATABASE_URL)",
      2,
    );
  const indexDir = opts.index ?? config.indexDir;
  return {
    store,
    indexDir,
    corpusDir: config.corpusDir,
    embeddings: createEmbeddings(indexDir),
    ...(opts.poolSize !== undefined ? { poolSize: opts.poolSize } : {}),
  };
}

/** The store of a command (see {@link commandStoreSettings}). */
export function commandStore(opts: { index?: string | undefined; poolSize?: number }): Store {
  return openStore(commandStoreSettings(opts));
}
