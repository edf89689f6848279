import pg from "pg";

/**
 * The PostgreSQL store's one way to the server: SQL with `$n` placeholders and its values, rows typed
 * by the caller, every table of the store qualified by its schema. Identifiers (a generation's table
 * names) are ours and validated; every value travels as a parameter.
 */
export interface Sql {
  /** The rows of a query, as objects. */
  rows<R extends object>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** The rows of a query as arrays (half the memory of objects, for reads of many small rows). */
  arrays<R extends unknown[]>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** Runs a statement; returns how many rows it touched. */
  run(text: string, values?: readonly unknown[]): Promise<number>;
}

/** One connection held for a while: the ingest's advisory lock, a transaction, LISTEN. */
export interface Session extends Sql {
  /** Runs `fn` in a transaction on this connection: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
}

/** A schema name the store may use: a plain lower-case identifier (no quoting surprises). */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `name` as a quoted SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function over(target: pg.Pool | pg.PoolClient): Sql {
  return {
    async rows<R extends object>(text: string, values?: readonly unknown[]) {
      return (await target.query<R>(text, values as unknown[] | undefined)).rows;
    },
    async arrays<R extends unknown[]>(text: string, values?: readonly unknown[]) {
      return (await target.query<R>({ text, values: values as unknown[] | undefined, rowMode: "array" }))
        .rows;
    },
    async run(text: string, values?: readonly unknown[]) {
      return (await target.query(text, values as unknown[] | undefined)).rowCount ?? 0;
    },
  };
}

/** The `hnsw.ef_search` each pooled connection was last set to. */
const efOf = new WeakMap<pg.PoolClient, number>();

/**
 * The store's database: a pool, and the schema its tables live in. Built by {@link openPgDb}; the
 * pool belongs to whoever created it.
 */
export class PgDb implements Sql {
  private readonly sql: Sql;

  constructor(
    /** For LangChain's PGVectorStore, which writes the passages' rows. */
    readonly pool: pg.Pool,
    readonly schema: string,
  ) {
    this.sql = over(pool);
  }

  rows<R extends object>(text: string, values?: readonly unknown[]): Promise<R[]> {
    return this.sql.rows<R>(text, values);
  }

  arrays<R extends unknown[]>(text: string, values?: readonly unknown[]): Promise<R[]> {
    return this.sql.arrays<R>(text, values);
  }

  run(text: string, values?: readonly unknown[]): Promise<number> {
    return this.sql.run(text, values);
  }

  /** `name` (a table or index of the store) qualified by the store's schema, quoted. */
  t(name: string): string {
    return `${quoteIdent(this.schema)}.${quoteIdent(name)}`;
  }

  /** Runs `fn` on one connection of its own, released afterwards (destroyed when `discard`). */
  async session<T>(fn: (session: Session) => Promise<T>, discard = false): Promise<T> {
    const client = await this.pool.connect();
    const sql = over(client);
    const session: Session = {
      ...sql,
      async transaction(body) {
        await client.query("BEGIN");
        try {
          const result = await body(sql);
          await client.query("COMMIT");
          return result;
        } catch (e) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw e;
        }
      },
    };
    let broken = discard;
    try {
      return await fn(session);
    } catch (e) {
      broken = true;
      throw e;
    } finally {
      client.release(broken);
    }
  }

  /** Runs `fn` in a transaction on a connection of its own. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T> {
    return this.session((s) => s.transaction(fn));
  }

  /** Whether the store's schema has a table of this name. */
  async tableExists(name: string): Promise<boolean> {
    const found = await this.rows("SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2", [
      this.schema,
      name,
    ]);
    return found.length === 1;
  }

  /** Whether the store's schema has an index of this name. */
  async indexExists(name: string): Promise<boolean> {
    const found = await this.rows("SELECT 1 FROM pg_indexes WHERE schemaname = $1 AND indexname = $2", [
      this.schema,
      name,
    ]);
    return found.length === 1;
  }

  /**
   * A read on a connection whose `hnsw.ef_search` is `ef`: set once per connection, and again only
   * when a search with another ef runs on it. pgvector's default (40) caps a `LIMIT 50` search at 40 rows.
   */
  async searchRows<R extends object>(ef: number, text: string, values: readonly unknown[]): Promise<R[]> {
    const client = await this.pool.connect();
    try {
      if (efOf.get(client) !== ef) {
        await client.query(`SET hnsw.ef_search = ${Math.floor(ef)}`);
        efOf.set(client, ef);
      }
      return (await client.query<R>(text, values as unknown[])).rows;
    } finally {
      client.release();
    }
  }

  /**
   * LISTENs on `channel` on a connection of its own, calling `onNotify` for each notification.
   * Resolves to a function that stops listening (and drops the connection).
   */
  async listen(
    channel: string,
    onNotify: () => void,
    onError: (error: unknown) => void,
  ): Promise<() => void> {
    const client = await this.pool.connect();
    client.on("notification", onNotify);
    client.on("error", onError);
    try {
      await client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (e) {
      client.release(true);
      throw e;
    }
    return () => client.release(true);
  }
}

/**
 * Connections per process: a search holds one for a few milliseconds; the bot answers 4 at a time
 * by default (MAX_CONCURRENT_ANSWERS), keeps one for LISTEN, and may be loading a new generation.
 */
const PG_POOL_SIZE = 8;

/**
 * A pool on `databaseUrl`. An idle connection the server drops is reported, not fatal
 * (node-postgres would otherwise crash the process on it).
 */
export function createPgPool(
  databaseUrl: string,
  opts: { max?: number; onError?: (error: Error) => void } = {},
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: opts.max ?? PG_POOL_SIZE,
    idleTimeoutMillis: 30_000,
  });
  pool.on("error", (error) => opts.onError?.(error));
  return pool;
}

/**
 * The store's database over `pool`, in `schema` — or, when none is given, the connection's current
 * schema (`public` on a default server: where the store's tables have always been).
 */
export async function openPgDb(pool: pg.Pool, schema?: string | null): Promise<PgDb> {
  let name = schema ?? null;
  if (name === null) {
    const [row] = (await pool.query<{ s: string | null }>("SELECT current_schema() AS s")).rows;
    name = row?.s ?? null;
    if (name === null)
      throw new Error("no schema on the connection's search_path: set STORE_SCHEMA (e.g. public)");
  }
  if (!SCHEMA_NAME.test(name))
    throw new Error(`schema ${JSON.stringify(name)} is not a plain lower-case name (a-z, 0-9, _)`);
  return new PgDb(pool, name);
}
