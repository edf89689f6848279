import { shardOfGuild } from "../../src/discord/shards.js";

/** Four guild ids, two owned by each of 2 shards (`(guild_id >> 22) % 2`). */
export function guildsOnTwoShards(): string[] {
  const byShard: string[][] = [[], []];
  for (let n = 47_683_715_820n; byShard.some((g) => g.length < 2); n += 1n) {
    const id = String((n << 22n) + 1n);
    byShard[shardOfGuild(id, 2)]?.push(id);
  }
  return byShard.flatMap((g) => g.slice(0, 2));
}
