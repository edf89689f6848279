/**
 * One "shard" for tests/state/shards.test.ts: opens the shared state file as the bot does (the same
 * openState, so the migration and the salt race too), records `count` questions and a vote on each
 * through the recorder's batches, closes, and prints what it saw as one JSON line.
 * Usage: tsx tests/state/shard-writer.ts FILE SHARD COUNT START_AT
 * (START_AT: epoch ms at which to open the file, so the shards open it at the same moment)
 */
import { createLogger } from "../../src/logger.js";
import { openState } from "../../src/state/state.js";
import { question, vote } from "./fixtures.js";

const [file, shard, count, startAt] = process.argv.slice(2);
if (file === undefined || shard === undefined || count === undefined) {
  console.error("usage: shard-writer FILE SHARD COUNT");
  process.exit(2);
}
await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt ?? 0) - Date.now())));
const lines: string[] = [];
const logger = createLogger({ level: "warn", destination: { write: (line: string) => lines.push(line) } });
const state = await openState({ db: file, salt: null, retentionDays: 90 }, logger);
const recordingAtOpen = state.recording;
const key = state.userKey("500000000000000001");
for (let i = 0; i < Number(count); i++) {
  const id = `s${shard}-q${i}`;
  state.recordQuestion(question({ id, userKey: `shard-${shard}`, at: Date.now() }));
  state.recordVote(vote({ questionId: id, userKey: `voter-${shard}`, at: Date.now() }));
  // Let the recorder's timer and batches interleave with the other shards' writes.
  if (i % 25 === 0) await new Promise((r) => setImmediate(r));
}
// Reading flushes the queue first: every batch of this shard is written, or recording has failed.
const read = await state.readSince(0);
const recordingAtEnd = state.recording;
await state.close();
const errors = lines.filter((l) => JSON.parse(l).level >= 50);
console.log(JSON.stringify({ shard, key, recordingAtOpen, recordingAtEnd, readOk: read.ok, errors }));
