import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/cli/args.js";
import { batchLines } from "../../src/cli/format.js";

const SPEC = {
  usage: "用法 (usage): npm run x -- [--index DIR] [--json]",
  help: "What x does.",
  options: { index: { type: "string" }, json: { type: "boolean" } },
} as const;

describe("parseCommand", () => {
  it("gives the values, and --help or -h the usage with the help under it", () => {
    const ok = parseCommand(SPEC, ["--index", "d", "--json"]);
    expect(ok).toEqual({ kind: "args", values: { index: "d", json: true }, positionals: [] });
    for (const flag of ["--help", "-h"])
      expect(parseCommand(SPEC, [flag])).toEqual({ kind: "help", text: `${SPEC.usage}\n\nWhat x does.` });
  });

  it("refuses a mistyped flag in one line of its own, naming the flag it resembles", () => {
    const r = parseCommand(SPEC, ["--jsn"]);
    expect(r.kind).toBe("refused");
    if (r.kind !== "refused") return;
    expect(r.refusal).toEqual({
      line: "未知选项 --jsn (unknown option --jsn)；是不是 --json？(did you mean --json?)",
      code: 2,
    });
    expect(r.usage).toBe(SPEC.usage);
    // Not Node's text.
    expect(r.refusal.line).not.toMatch(/To specify a positional argument|Unknown option/);
  });

  it("names no flag for an unknown one that resembles none", () => {
    const r = parseCommand(SPEC, ["--frobnicate"]);
    expect(r.kind === "refused" && r.refusal.line).toBe(
      "未知选项 --frobnicate (unknown option --frobnicate)",
    );
  });

  it("refuses a missing value, a value for a switch, and a stray argument, each in one line", () => {
    const lines = [["--index"], ["--json=yes"], ["stray"]].map((argv) => {
      const r = parseCommand(SPEC, argv);
      return r.kind === "refused" ? r.refusal.line : r.kind;
    });
    expect(lines).toEqual([
      "--index 需要一个值 (--index needs a value)",
      "--json 不带值 (--json takes no value)",
      '多余的参数 "stray" (unexpected argument "stray")',
    ]);
  });

  it("takes positionals only when the command does, and --no-X only when it is negatable", () => {
    expect(parseCommand({ ...SPEC, positionals: true }, ["a", "b"])).toMatchObject({
      positionals: ["a", "b"],
    });
    expect(parseCommand(SPEC, ["--no-json"]).kind).toBe("refused");
    expect(parseCommand({ ...SPEC, negatable: true }, ["--no-json"])).toMatchObject({
      values: { json: false },
    });
  });
});

describe("batchLines", () => {
  it("reads text and JSON lines, skips blank ones, and names each bad line by its number", () => {
    const text = [
      "珠海高新区工业投资增速多少",
      "",
      '{"question": "济宁高新区有多少个续建项目", "id": "x"}',
      '{"q": "bad"}',
      '{"question": "x',
      '{"question": 42}',
      "   ",
      "长".repeat(20_000),
    ].join("\n");
    const lines = batchLines(text);
    expect(lines.filter((l) => l.ok).map((l) => l.ok && l.value)).toEqual([
      { line: 1, question: "珠海高新区工业投资增速多少" },
      { line: 3, question: "济宁高新区有多少个续建项目" },
    ]);
    const problems = lines.flatMap((l) => (l.ok ? [] : [l.error]));
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6, 8]);
    expect(problems[0]?.message).toContain('没有 "question" 字段');
    expect(problems[1]?.message).toContain("不是有效的 JSON");
    expect(problems[3]?.message).toContain("问题太长");
    // A refused question is not echoed back.
    expect(problems[3]?.message.length).toBeLessThan(200);
  });
});
