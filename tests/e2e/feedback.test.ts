import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/report/chart.js";
import { openState, type State } from "../../src/state/state.js";
import { createFakeService } from "../discord/fake-service.js";
import { pngInfo } from "../report/png.js";
import type { RecordedRequest, UploadedFile } from "./emulator.js";
import { body, callbackBody, type Harness, type MessageBody, startHarness } from "./harness.js";
import { buttonClick, selectMenu, userFactory } from "./payloads.js";

/**
 * Feedback and the report end to end: the real discord.js client against the emulator, the real
 * SQLite state store in a temporary folder, a fake answer service. Ask, vote, change the vote with
 * a reason, restart the bot, and read it all back in `/report`.
 */

const freshUser = userFactory(640000000000000000n, "fb");
const MANAGE_SERVER = "32";
const service = createFakeService();
let dir: string;
let h: Harness;
const silent = (await import("../../src/logger.js")).createLogger({ level: "silent" });
const openStore = (db: string): Promise<State> =>
  openState({ db, salt: "test-salt", retentionDays: 90 }, silent);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gaoxin-feedback-e2e-"));
  h = await startHarness({ service, state: await openStore(join(dir, "state.sqlite")) });
});

afterAll(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

type Component = { type: number; custom_id: string; label?: string; options?: { value: string }[] };
const components = (m: MessageBody): Component[] =>
  (m.components ?? []).flatMap((r) => r.components as unknown as Component[]);

/** Asks `question` as `user` and returns the final answer message. */
async function ask(question: string, user = freshUser()): Promise<MessageBody> {
  const i = h.slash("ask", [{ name: "question", type: 3, value: question }], user);
  return body(await h.edit(i, (b) => (b.content ?? "").includes("问：")));
}

/** Clicks `customId` as `user`; returns the private interaction callback. */
async function click(customId: string, user = freshUser()) {
  const payload = buttonClick(h.emu, customId, user);
  h.emu.dispatch("INTERACTION_CREATE", payload);
  return callbackBody(await h.callback(payload));
}

/**
 * Runs `/report` as an admin; returns the final edit (embed and attachment). Drawing the chart loads
 * vega and a CJK font (1–3 s alone, more with the suite running beside it): waited for generously.
 */
async function report(): Promise<RecordedRequest> {
  const i = h.slash("report", [], freshUser(), MANAGE_SERVER);
  return h.edit(i, () => true, 60_000);
}

describe("feedback under every answer", () => {
  it("an answer carries 👍 and 👎 after its source buttons; a declined one 这个问题语料里应该有", async () => {
    const answered = await ask("珠海高新区工业投资增速多少");
    const ids = components(answered).map((c) => c.custom_id);
    expect(ids[0]).toMatch(/^src:1:/);
    expect(ids.slice(-2).map((id) => id.split(":")[1])).toEqual(["up", "down"]);
    const declined = await ask("火星高新区有多少企业");
    const row = components(declined).filter((c) => c.custom_id.startsWith("fb:"));
    expect(row.map((c) => c.label)).toEqual(["👍", "👎 这个问题语料里应该有"]);
    for (const c of [...components(answered), ...components(declined)])
      expect(c.custom_id.length).toBeLessThanOrEqual(100);
  });

  it("👍, then 👎 with a reason, restart, and /report shows the vote and the question", async () => {
    const voter = freshUser();
    const answer = await ask("西安高新区新基建项目总投资多少");
    const up = components(answer).find((c) => c.custom_id.startsWith("fb:up:"))?.custom_id as string;
    const down = up.replace("fb:up:", "fb:down:");

    const ackUp = await click(up, voter);
    expect(ackUp.type).toBe(4);
    expect(ackUp.data?.flags).toBe(64);
    expect(ackUp.data?.content).toContain("👍");

    const ackDown = await click(down, voter);
    expect(ackDown.data?.flags).toBe(64);
    const menu = components(ackDown.data as MessageBody).find((c) => c.type === 3) as Component;
    expect(menu.options?.map((o) => o.value)).toEqual(["wrong", "citation", "off_point", "outdated"]);
    const pick = selectMenu(h.emu, menu.custom_id, ["citation"], voter);
    h.emu.dispatch("INTERACTION_CREATE", pick);
    const updated = callbackBody(await h.callback(pick));
    // 7: the private acknowledgement is updated in place; the public answer is never edited by a vote.
    expect(updated.type).toBe(7);
    expect(updated.data?.content).toContain("引用不对");
    const answerEdits = h.emu.requests.filter(
      (r) => r.method === "PATCH" && (body(r).content ?? "").includes("西安高新区新基建项目总投资多少"),
    );
    expect(answerEdits).toHaveLength(1);

    await h.restart({ state: await openStore(join(dir, "state.sqlite")) });

    const r = await report();
    const embed = body(r).embeds?.[0];
    const text = JSON.stringify(embed);
    expect(text).toContain("西安高新区新基建项目总投资多少");
    expect(text).toContain("引用不对");
    expect(embed?.description).toMatch(/👍 \*\*\d+\*\*，👎 \*\*\d+\*\*/);
    // The vote counts once: changed from 👍 to 👎, not added.
    expect(text).toMatch(/👎1 👍0 西安高新区新基建项目总投资多少/);
  });

  it("two users voting on one answer count as two", async () => {
    const answer = await ask("珠海高新区民间投资增速多少");
    const down = components(answer).find((c) => c.custom_id.startsWith("fb:down:"))?.custom_id as string;
    await click(down);
    await click(down);
    const text = JSON.stringify(body(await report()).embeds?.[0]);
    expect(text).toMatch(/👎2 👍0 珠海高新区民间投资增速多少/);
  });

  it("/report attaches the chart as an 800×400 PNG the embed shows", async () => {
    const r = await report();
    const files = (r.body as { files?: UploadedFile[] }).files ?? [];
    expect(files.map((f) => f.name)).toEqual(["report.png"]);
    const png = pngInfo((files[0] as UploadedFile).data);
    expect([png.width, png.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(body(r).embeds?.[0]).toMatchObject({ image: { url: "attachment://report.png" } });
    expect(body(r).allowed_mentions?.parse).toEqual([]);
  });

  it("/report is refused privately to a member without Manage Server", async () => {
    const i = h.slash("report", [], freshUser());
    const cb = callbackBody(await h.callback(i));
    expect(cb.data?.flags).toBe(64);
    expect(cb.data?.content).toContain("管理服务器");
  });

  it("/forget-me deletes the asker's questions and votes and says how many", async () => {
    const user = freshUser();
    const answer = await ask("珠海高新区工业投资增速多少", user);
    await click(components(answer).find((c) => c.custom_id.startsWith("fb:up:"))?.custom_id as string, user);
    const i = h.slash("forget-me", [], user);
    expect(body(await h.edit(i)).content).toBe("已删除你的 1 条提问记录和 1 条反馈。");
    const again = h.slash("forget-me", [], user);
    expect(body(await h.edit(again)).content).toContain("没有找到你的记录");
  });
});

describe("under load", () => {
  it("200 simultaneous questions from 200 users are all answered and all recorded", async () => {
    const db = join(dir, "load.sqlite");
    await h.restart({ state: await openStore(db) });
    const tokens = Array.from({ length: 200 }, (_, k) =>
      h.slash("ask", [{ name: "question", type: 3, value: `珠海高新区第${k}个问题` }], freshUser()),
    );
    await Promise.all(tokens.map((i) => h.edit(i, (b) => (b.content ?? "").includes("问："), 30_000)));
    // Stopping drains the queue; the next bot reads the file back.
    const state = await openStore(db);
    await h.restart({ state });
    const rows = await state.readSince(0);
    expect(rows.ok && rows.value.questions.length).toBe(200);
    expect(rows.ok && new Set(rows.value.questions.map((q) => q.userKey)).size).toBe(200);
  });
});

describe("a state file that cannot be used", () => {
  it("a corrupt state.sqlite: one clear log line, answers go on without buttons, /report says why", async () => {
    const bad = join(dir, "corrupt.sqlite");
    await writeFile(
      bad,
      "this is not a database, just bytes that happen to sit where one should".repeat(100),
    );
    const logs: string[] = [];
    const logger = (await import("../../src/logger.js")).createLogger({
      level: "info",
      destination: { write: (line: string) => void logs.push(line) },
    });
    const state = await openState({ db: bad, salt: "s", retentionDays: 90 }, logger);
    const lines = logs.filter((l) => l.includes("state store unavailable"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("not a database");
    await h.restart({ state });

    const answer = await ask("珠海高新区工业投资增速多少");
    expect(answer.content).toContain("40.7%");
    expect(components(answer).some((c) => c.custom_id.startsWith("fb:"))).toBe(false);

    const i = h.slash("report", [], freshUser(), MANAGE_SERVER);
    const cb = callbackBody(await h.callback(i));
    expect(cb.data?.flags).toBe(64);
    expect(cb.data?.content).toMatch(/^统计报告不可用：统计库不可用：.*not a database/);
  });
});
