import { readdirSync, readFileSync } from "node:fs";

/** One numbered schema file: `001_name.sql` is version 1. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The migration files of `dir` (`001_…sql`, `002_…sql`), in order: each store's versioned schema
 * (the state store's SQLite file, the PostgreSQL index store's bookkeeping tables).
 */
export function readMigrationFiles(dir: URL): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({
      version: Number(name.slice(0, 3)),
      name,
      sql: readFileSync(new URL(name, dir), "utf8"),
    }));
}
