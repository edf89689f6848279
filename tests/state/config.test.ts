import { describe, expect, it } from "vitest";
import { ConfigError, loadStateConfig } from "../../src/config.js";

describe("loadStateConfig", () => {
  it("defaults to data/state.sqlite, no salt, 90 days", () => {
    expect(loadStateConfig({})).toEqual({ db: "data/state.sqlite", salt: null, retentionDays: 90 });
    expect(loadStateConfig({ STATE_DB: "", STATE_SALT: " ", STATE_RETENTION_DAYS: "" })).toEqual({
      db: "data/state.sqlite",
      salt: null,
      retentionDays: 90,
    });
  });

  it("reads off (any case), a path, a salt and a retention", () => {
    expect(loadStateConfig({ STATE_DB: "OFF" }).db).toBe("off");
    expect(
      loadStateConfig({ STATE_DB: "/var/lib/bot/state.sqlite", STATE_SALT: "k", STATE_RETENTION_DAYS: "30" }),
    ).toEqual({
      db: "/var/lib/bot/state.sqlite",
      salt: "k",
      retentionDays: 30,
    });
  });

  it("a bad retention is one line naming the variable, never its value", () => {
    for (const bad of ["0", "-3", "soon", "1.5"]) {
      expect(() => loadStateConfig({ STATE_RETENTION_DAYS: bad })).toThrow(ConfigError);
      expect(() => loadStateConfig({ STATE_RETENTION_DAYS: bad })).toThrow(
        /^STATE_RETENTION_DAYS must be a positive whole number$/,
      );
    }
  });
});
