import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Our payloads are typed with discord-api-types, which discord.js takes as they are: no `as` cast
 * may stand between the two (one did, in feedback-render.ts, hiding a type that had drifted).
 */

const PAYLOAD_TYPES =
  /\bas\s+(?:unknown\s+as\s+)?(?:Payload|Embed|EmbedField|ActionRow|Button|BaseMessageOptions|InteractionReplyOptions|InteractionUpdateOptions|MessageEditOptions|API[A-Z]\w*)\b/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("the Discord layer", () => {
  it("casts nothing between our payloads and discord.js types", () => {
    const found = [...files("src/discord"), ...files("commands")].flatMap((path) =>
      readFileSync(path, "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${path}:${i + 1}`, line }))
        .filter(({ line }) => PAYLOAD_TYPES.test(line) || /\bas unknown as\b/.test(line)),
    );
    expect(found).toEqual([]);
  });
});
