// The plan file format: Daqing's file reads, writes back byte for byte, and loads without changing the seeded
// database; a bad file is refused with each problem at its line, in Chinese and English.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../../app/utils/errors";
import { planFileJsonSchema, JSON_SCHEMA_FILE } from "../../plans/format/json-schema";
import { parsePlanFile, type Problem } from "../../plans/format/read";
import { planFileText } from "../../plans/format/write";
import { loadPlan } from "../../plans/load";
import { dumpPlanTables } from "../../scripts/plan-dump";
import { DAQING_PLAN_FILE } from "../../seed/plan";
import { createTestDb, testDatabase } from "../support/db";

const source = readFileSync(DAQING_PLAN_FILE, "utf8");
const lineOf = (needle: string) => source.split("\n").findIndex((l) => l.includes(needle)) + 1;

function problemsOf(text: string): Problem[] {
  try {
    parsePlanFile(text, "test.yaml");
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("BAD_INPUT");
    return (e as AppError).extensions.problems as Problem[];
  }
  throw new Error("the file was accepted");
}

describe("Daqing's plan file", () => {
  it("is valid and the writer gives back the same text", () => {
    const plan = parsePlanFile(source);
    expect(plan.code).toBe("daqing-2018");
    expect(plan.taskGroups.flatMap((g) => g.tasks)).toHaveLength(20);
    const header = source
      .split("\n")
      .filter((l) => l.startsWith("# "))
      .slice(0, 2)
      .map((l) => l.slice(2));
    expect(planFileText(plan, header)).toBe(source);
  });

  it("has a JSON Schema that matches the zod schema", async () => {
    expect(await planFileJsonSchema()).toBe(readFileSync(JSON_SCHEMA_FILE, "utf8"));
  });

  // The dump reads the SQLite file itself (scripts/plan-dump.ts); the PostgreSQL run still loads the plan below.
  it.skipIf(testDatabase === "postgresql")("loads into the seeded database without changing a row", async () => {
    const { db, file } = createTestDb();
    try {
      const before = dumpPlanTables(file);
      await loadPlan(db, parsePlanFile(source));
      await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
      expect(dumpPlanTables(file)).toEqual(before);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses to merge another plan into a database that holds Daqing's", async () => {
    const { db } = createTestDb();
    try {
      const other = parsePlanFile(source.replace("number: 庆政办规〔2018〕1号", "number: 绥政办规〔2018〕3号"));
      await expect(loadPlan(db, other)).rejects.toMatchObject({ code: "CONFLICT" });
    } finally {
      await db.$disconnect();
    }
  });
});

describe("a bad plan file", () => {
  it("points at the line of a value of the wrong type", () => {
    const [p] = problemsOf(source.replace("horizonYear: 2020", "horizonYear: twenty"));
    expect(p).toMatchObject({ path: "document.horizonYear", line: lineOf("horizonYear:"), zh: "类型应为 number" });
    expect(p.en).toBe("expected number");
  });

  it("points at the line of a code the file does not define", () => {
    const bad = source.replace("supports: [finance, land]", "supports: [finance, lands]");
    const [p] = problemsOf(bad);
    expect(p).toMatchObject({ line: lineOf("supports: [finance, land]"), zh: "未定义的部门：lands" });
    expect(p.path).toMatch(/^taskGroups\[0\]\.tasks\[\d\]\.supports\[1\]$/);
  });

  it("names an unknown field and a value outside its list", () => {
    const bad = source
      .replace("    kind: ZONE\n", "    kind: PARK\n")
      .replace("  horizonYear:", "  horizon: 2020\n  horizonYear:");
    const problems = problemsOf(bad);
    expect(problems.map((p) => p.zh)).toEqual(
      expect.arrayContaining(["未知字段：horizon", "取值应为以下之一：DISTRICT, COUNTY, ZONE, CITY"]),
    );
  });

  it("points a missing field at the map that lacks it", () => {
    const [p] = problemsOf(source.replace(/^ {8}responsibilityClause: 市环保局牵头，市财政局等配合。\n/m, ""));
    expect(p.zh).toBe("缺少必填字段");
    expect(p.path).toMatch(/\.responsibilityClause$/);
    expect(source.split("\n")[p.line - 1]).toMatch(/- code: "1\.5"/);
  });

  it("refuses a file of another format and a YAML syntax error", () => {
    expect(problemsOf(source.replace("eco-monitoring-plan/1", "eco-monitoring-plan/2"))[0]).toMatchObject({
      path: "format",
      line: lineOf("format:"),
    });
    expect(problemsOf(`${source}\n  - : [\n`)[0].zh).toMatch(/^YAML 语法错误/);
  });
});

describe("npm run plan:load", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "plan-load-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports a bad file's line in both languages and exits 1", () => {
    const file = path.join(dir, "bad.yaml");
    writeFileSync(file, source.replace("issuedOn: 2018-02-05", "issuedOn: 2018-2-5"));
    let out = "";
    let status = 0;
    try {
      execFileSync("npx", ["tsx", "plans/cli/load.ts", file, "--check"], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status;
      out = err.stderr;
    }
    expect(status).toBe(1);
    expect(out).toContain(`${file}:${lineOf("issuedOn:")}:`);
    expect(out).toContain("日期格式应为 YYYY-MM-DD");
    expect(out).toContain("a date must be YYYY-MM-DD");
  });

  it("refuses, with --strict, a proposed file whose review list is not empty", () => {
    const file = path.join(dir, "proposed.yaml");
    execFileSync("npx", ["tsx", "plans/cli/import.ts", "seed/plan/document.zh.txt", "--out", file], { stdio: "pipe" });
    const run = (...flags: string[]) => {
      try {
        execFileSync("npx", ["tsx", "plans/cli/load.ts", file, "--check", ...flags], {
          encoding: "utf8",
          stdio: "pipe",
        });
        return { status: 0, stderr: "" };
      } catch (e) {
        return e as { status: number; stderr: string };
      }
    };
    expect(run().status).toBe(0);
    const strict = run("--strict");
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(
      /尚有 \d+ 处待人工核对（review）\n\n\d+ review item\(s\) not yet checked by a person/,
    );
  });
});

describe("npm run plan:import", () => {
  it("asks for one paragraph a line when the text runs together, as the received text does", () => {
    let out = { status: 0, stderr: "" };
    try {
      execFileSync("npx", ["tsx", "plans/cli/import.ts", "seed/plan/source/000_ace8364d03e1f3b2.txt"], {
        encoding: "utf8",
        stdio: "pipe",
      });
    } catch (e) {
      out = e as typeof out;
    }
    expect(out.status).toBe(1);
    expect(out.stderr).toContain("全文只有 1 行：需每段一行");
    expect(out.stderr).toContain("it needs one paragraph a line");
  });
});
