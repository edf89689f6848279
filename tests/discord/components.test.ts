import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Interaction } from "discord.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { BotContext } from "../../src/discord/command.js";
import type { Component } from "../../src/discord/component.js";
import { sourceButtonId, zonePageId, zonesPageId } from "../../src/discord/custom-ids.js";
import { feedbackId } from "../../src/discord/feedback-render.js";
import { loadComponents } from "../../src/discord/loader.js";

/**
 * The button and menu registry: every custom id the bot sends belongs to exactly one component
 * module, which parses it; ids that are no one's (old, forged) are no one's.
 */

let components: Component[];
beforeAll(async () => {
  components = await loadComponents();
});

/** A click on `customId` as discord.js presents it, recording which component ran. */
function click(kind: "button" | "select", customId: string): Interaction {
  return {
    customId,
    values: ["wrong"],
    isButton: () => kind === "button",
    isStringSelectMenu: () => kind === "select",
  } as unknown as Interaction;
}

/** Which components take `customId` (each would run it; the fake context makes the run fail at once). */
async function owners(kind: "button" | "select", customId: string): Promise<string[]> {
  const took: string[] = [];
  for (const c of components) {
    const handled = await c.handle(click(kind, customId), {} as BotContext).then(
      (h) => h,
      () => true,
    );
    if (handled) took.push(c.name);
  }
  return took;
}

describe("the component registry", () => {
  it("has one module per button and menu the bot sends", () => {
    expect(components.map((c) => [c.name, c.kind])).toEqual([
      ["feedback-reason", "select"],
      ["feedback-vote", "button"],
      ["source", "button"],
      ["zone-page", "button"],
      ["zones-page", "button"],
    ]);
  });

  it("gives every custom id the bot sends to exactly one component", async () => {
    const answer = "abcdefabcdef";
    const sent: ["button" | "select", string, string][] = [
      ["button", sourceButtonId(1, "000_d463814998410617-5#0") ?? "", "source"],
      ["button", zonesPageId(2, "next"), "zones-page"],
      ["button", zonePageId("重庆高新区", 2, "next") ?? "", "zone-page"],
      ["button", feedbackId("up", answer), "feedback-vote"],
      ["button", feedbackId("down", answer), "feedback-vote"],
      ["button", feedbackId("missing", answer), "feedback-vote"],
      ["select", feedbackId("reason", answer), "feedback-reason"],
    ];
    for (const [kind, id, owner] of sent) expect(await owners(kind, id), id).toEqual([owner]);
  });

  it("leaves ids that are no one's (old, forged, or on the wrong kind of component) to the caller", async () => {
    for (const id of ["src:1:", "zones:x:next", "fb:up:", "fb:why:has space!", "other:1"])
      expect(await owners("button", id), id).toEqual([]);
    expect(await owners("button", feedbackId("reason", "abcdefabcdef"))).toEqual([]);
    expect(await owners("select", feedbackId("up", "abcdefabcdef"))).toEqual([]);
  });

  it("the loader refuses a module that is not a component, naming the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bad-components-"));
    try {
      writeFileSync(join(dir, "broken.js"), "export default { name: 'x', parse() { return null; } };\n");
      await expect(loadComponents(pathToFileURL(`${dir}/`))).rejects.toThrow(
        "components/broken.js must export default button(",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
