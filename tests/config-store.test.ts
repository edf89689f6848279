import { describe, expect, it } from "vitest";
import { loadStoreConfig } from "../src/config.js";

describe("loadStoreConfig", () => {
  it("is the embedded store unless STORE=postgres, whatever DATABASE_URL says", () => {
    expect(loadStoreConfig({})).toEqual({ kind: "embedded" });
    expect(loadStoreConfig({ DATABASE_URL: "postgres://u@h/db" })).toEqual({ kind: "embedded" });
  });

  it("reads DATABASE_URL, the poll interval and an ef_search override for STORE=postgres", () => {
    expect(
      loadStoreConfig({
        STORE: "Postgres",
        DATABASE_URL: "postgres://u:p@h:5432/db",
        STORE_POLL_SECONDS: "2",
      }),
    ).toEqual({
      kind: "postgres",
      databaseUrl: "postgres://u:p@h:5432/db",
      pollMs: 2000,
      efSearch: null,
      schema: null,
    });
    expect(
      loadStoreConfig({ STORE: "postgres", DATABASE_URL: "postgresql://h/db", STORE_EF_SEARCH: "200" }),
    ).toMatchObject({ efSearch: 200 });
    expect(loadStoreConfig({ DATABASE_URL: "postgres://h/db" }, "postgres")).toMatchObject({
      kind: "postgres",
    });
  });

  it("reads STORE_SCHEMA as a plain lower-case name, refusing anything else in one line", () => {
    const pg = { STORE: "postgres", DATABASE_URL: "postgres://h/db" };
    expect(loadStoreConfig({ ...pg, STORE_SCHEMA: "news_2024" })).toMatchObject({ schema: "news_2024" });
    expect(loadStoreConfig({ ...pg, STORE_SCHEMA: "" })).toMatchObject({ schema: null });
    expect(() => loadStoreConfig({ ...pg, STORE_SCHEMA: 'x"; DROP TABLE y' })).toThrow(
      /^STORE_SCHEMA must be a lower-case name/,
    );
  });

  it("refuses a missing or non-PostgreSQL DATABASE_URL and an unknown STORE in one line, never echoing the value", () => {
    expect(() => loadStoreConfig({ STORE: "postgres" })).toThrow(/^STORE=postgres needs DATABASE_URL/);
    expect(() => loadStoreConfig({ STORE: "postgres", DATABASE_URL: "mysql://secret@h/db" })).toThrow(
      /^DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/$/,
    );
    expect(() => loadStoreConfig({ STORE: "redis" })).toThrow(/^STORE must be embedded or postgres$/);
  });
});
