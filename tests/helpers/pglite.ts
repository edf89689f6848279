import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";

/**
 * An in-memory PostgreSQL (PGlite, with pgvector) served on 127.0.0.1 to the ordinary `pg` client,
 * standing in for a real server in tests. With PG_TEST_URL set, that server is used instead (the
 * tests then run against real PostgreSQL + pgvector; each gets a schema of its own).
 */
export interface TestDatabase {
  url: string;
  /** A pool on the database (closed by `close`). */
  pool: pg.Pool;
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
      pool,
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
    pool,
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
