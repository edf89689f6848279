import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { openPgDb, type PgDb } from "../../src/index/postgres/db.js";

/**
 * An in-memory PostgreSQL (PGlite, with pgvector) served on 127.0.0.1 to the ordinary `pg` client,
 * standing in for a real server in tests. With PG_TEST_URL set, that server is used instead (the
 * tests then run against real PostgreSQL + pgvector; each gets a schema of its own, so a database
 * that already holds a user's generations in `public` is neither read nor changed).
 */
export interface TestDatabase {
  /** The server's URL (with PG_TEST_URL, its search_path starts with the test's schema). */
  url: string;
  /** The test's schema: `public` on PGlite; with PG_TEST_URL a new one, dropped by `close`. */
  schema: string;
  /** STORE=postgres's variables for a child process using this database. */
  env: Record<string, string>;
  /** A pool on the database (closed by `close`). */
  pool: pg.Pool;
  /** The store's view of it: its tables in `schema`. */
  db: PgDb;
  close(): Promise<void>;
}

/** PGlite serves one connection at a time unless multiplexed; bots and ingest here share it. */
const MAX_CONNECTIONS = 40;

export async function startTestDatabase(): Promise<TestDatabase> {
  const real = process.env.PG_TEST_URL;
  if (real) {
    // A schema per test file, first on the search path, so tables never clash and are dropped after.
    const schema = `gaoxin_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Pool({ connectionString: real, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.query("CREATE EXTENSION IF NOT EXISTS vector");
    const url = withSearchPath(real, schema);
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    return {
      url,
      schema,
      env: { STORE: "postgres", DATABASE_URL: url, STORE_SCHEMA: schema },
      pool,
      db: await openPgDb(pool, schema),
      async close() {
        await pool.end();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  }
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: MAX_CONNECTIONS });
  await server.start();
  const port = server.getServerConn().split(":").at(-1);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    url,
    schema: "public",
    env: { STORE: "postgres", DATABASE_URL: url, STORE_SCHEMA: "public" },
    pool,
    db: await openPgDb(pool, "public"),
    async close() {
      await pool.end();
      await server.stop();
      await db.close();
    },
  };
}

/** `url` with `options=-c search_path=<schema>,public` (libpq's way, which node-postgres understands). */
function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema},public`);
  return u.toString();
}
