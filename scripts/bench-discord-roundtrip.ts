import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openService } from "../src/answer/live.js";
import type { AnswerService } from "../src/answer/types.js";
import { percentiles } from "../src/cli/bench/stats.js";
import { createEmbeddings } from "../src/cli/common.js";
import { startBot } from "../src/discord/run.js";
import { createLogger } from "../src/logger.js";
import { embeddedStore } from "../src/store/embedded.js";
import { createFakeService } from "../tests/discord/fake-service.js";
import { startEmulator } from "../tests/e2e/emulator.js";
import { autocomplete, buttonClick, channelMessage, slashCommand } from "../tests/e2e/payloads.js";

/**
 * Round-trip times through the Discord emulator with the real discord.js client:
 * dispatch → first callback, and dispatch → final message, per kind of request.
 *
 *   npx tsx scripts/bench-discord-roundtrip.ts [--runs 30] [--fake]
 *
 * By default the real answer service is used (index built into a temporary folder from data/corpus).
 */
const { values } = parseArgs({
  options: { runs: { type: "string", default: "30" }, fake: { type: "boolean" } },
});
const runs = Number(values.runs);

const indexDir = mkdtempSync(join(tmpdir(), "bench-index-"));
let service: AnswerService;
if (values.fake) service = createFakeService();
else {
  const opened = await openService(
    embeddedStore({
      dir: indexDir,
      corpusDir: "data/corpus",
      embeddings: createEmbeddings(),
      watchSeconds: 0,
    }),
  );
  if (!opened.ok) throw new Error(opened.error.message);
  service = opened.value;
}

const emu = await startEmulator();
const logger = createLogger({ level: "warn" });
const started = performance.now();
const running = await startBot({
  discord: {
    token: "bench-token",
    clientId: emu.applicationId,
    guildId: emu.guildId,
    apiBase: emu.api,
    rateLimit: { questions: 1_000_000, windowMs: 1_000 },
    maxConcurrentAnswers: 4,
    deployOnStart: true,
    timeZone: "Asia/Shanghai",
  },
  service,
  logger,
});
const startMs = performance.now() - started;

type Sample = { first: number; final: number };
const samples: Record<string, Sample[]> = {
  "/ask": [],
  "@mention": [],
  "/zone autocomplete": [],
  "citation button": [],
};
const user = (n: number) => ({
  id: String(800000000000000000n + BigInt(n)),
  username: `u${n}`,
  discriminator: "0",
  avatar: null,
  global_name: null,
});
const question = "珠海高新区工业投资增速多少";

for (let n = 0; n < runs; n++) {
  const ask = slashCommand(emu, "ask", [{ name: "question", type: 3, value: question }], user(n));
  const at = emu.dispatch("INTERACTION_CREATE", ask);
  const cb = await emu.waitForRequest((r) => r.path === `/interactions/${ask.id}/${ask.token}/callback`);
  const edit = await emu.waitForRequest((r) => r.method === "PATCH" && r.path.includes(ask.token));
  samples["/ask"]?.push({ first: cb.at - at, final: edit.at - at });

  const msg = channelMessage(emu, `<@${emu.botUser.id}> ${question}`, { author: user(n) });
  const mAt = emu.dispatch("MESSAGE_CREATE", msg);
  const reply = await emu.waitForRequest(
    (r) =>
      r.method === "POST" &&
      (r.body as { message_reference?: { message_id?: string } })?.message_reference?.message_id === msg.id,
  );
  samples["@mention"]?.push({ first: reply.at - mAt, final: reply.at - mAt });

  const ac = autocomplete(emu, "zone", [{ name: "name", type: 3, value: "珠", focused: true }], user(n));
  const aAt = emu.dispatch("INTERACTION_CREATE", ac);
  const acb = await emu.waitForRequest((r) => r.path === `/interactions/${ac.id}/${ac.token}/callback`);
  samples["/zone autocomplete"]?.push({ first: acb.at - aAt, final: acb.at - aAt });

  const passageId = (await service.zone("珠海高新区"))?.figures[0]?.passageId ?? "x";
  const click = buttonClick(emu, `src:1:${passageId}`, user(n));
  const bAt = emu.dispatch("INTERACTION_CREATE", click);
  const bcb = await emu.waitForRequest((r) => r.path === `/interactions/${click.id}/${click.token}/callback`);
  samples["citation button"]?.push({ first: bcb.at - bAt, final: bcb.at - bAt });
}

await running.bot.stop(5_000);
await emu.close();
rmSync(indexDir, { recursive: true, force: true });

console.log(
  `service: ${values.fake ? "fake" : "real (extractive)"} · runs: ${runs} · start → ready incl. command registration: ${startMs.toFixed(1)} ms`,
);
console.table(
  Object.entries(samples).map(([kind, xs]) => {
    const first = percentiles(xs.map((x) => x.first));
    const final = percentiles(xs.map((x) => x.final));
    return {
      kind,
      "first callback p50 (ms)": first.p50.toFixed(1),
      "first callback p95 (ms)": first.p95.toFixed(1),
      "final message p50 (ms)": final.p50.toFixed(1),
      "final message p95 (ms)": final.p95.toFixed(1),
    };
  }),
);
