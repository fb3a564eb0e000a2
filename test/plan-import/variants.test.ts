// The importer on constructed plans (test/plan-import/fixtures/jiangsu/, built by scripts/plan-variants.ts from
// Daqing's text the ways real plans differ): each proposes the committed plan file, and each file loads.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../app/utils/db.server";
import { parsePlanFile } from "../../plans/format/read";
import type { PlanFile } from "../../plans/format/schema";
import { planFileText } from "../../plans/format/write";
import { importPlan } from "../../plans/import";
import { loadPlan } from "../../plans/load";
import { CITIES, FIXTURES } from "../../scripts/plan-variants";
import { DAQING_PLAN_FILE } from "../../seed/plan";
import { mangle } from "./support/construct";

const text = (name: string) => readFileSync(path.join(FIXTURES, `${name}.txt`), "utf8");
const file = (name: string) => readFileSync(path.join(FIXTURES, `${name}.yaml`), "utf8");
const province = parsePlanFile(file("jiangsu-2017"));
const imported = (name: string) => importPlan(text(name), { higher: province });
const tasks = (p: PlanFile) => p.taskGroups.flatMap((g) => g.tasks);
const daqing = parsePlanFile(readFileSync(DAQING_PLAN_FILE, "utf8"));
const NAMES = ["jiangsu-2017", ...CITIES.map((c) => `${c.file}-2018`)];

describe("the constructed plans", () => {
  it("are Jiangsu's plan and its thirteen cities'", () => {
    expect(NAMES).toHaveLength(14);
    expect(province.areas.map((a) => a.name)).toEqual(CITIES.map((c) => c.city));
  });

  it.each(NAMES)("%s: the importer proposes the committed file", (name) => {
    const proposed = name === "jiangsu-2017" ? importPlan(text(name)) : imported(name);
    expect(file(name)).toContain(planFileText(proposed));
  });
});

describe("variants", () => {
  it("other names for the same departments get the same codes (无锡: 生态环境局, 水利局 …)", () => {
    const wuxi = imported("wuxi-2018");
    expect(wuxi.departments.map((d) => d.code)).toEqual(daqing.departments.map((d) => d.code));
    expect(wuxi.departments.find((d) => d.code === "epb")!.name).toBe("市生态环境局");
    expect(tasks(wuxi).map((t) => [t.leads, t.supports])).toEqual(tasks(daqing).map((t) => [t.leads, t.supports]));
  });

  it("a department the dictionary lacks gets a pinyin code and a review mark (连云港: 文广旅局)", () => {
    const p = imported("lianyungang-2018");
    const i = p.departments.findIndex((d) => d.name === "市文广旅局");
    expect(p.departments[i]).toMatchObject({ code: "wenguanglvju", nameEn: "" });
    expect(tasks(p).find((t) => t.code === "1.4")!.supports).toContain("wenguanglvju");
    expect(p.review!.map((r) => r.at)).toContain(`departments[${i}]`);
  });

  it("reordered, renumbered tasks keep their own numbers and name the province's task they implement (徐州)", () => {
    const p = imported("xuzhou-2018");
    const group2 = p.taskGroups[1].tasks;
    expect(group2.map((t) => [t.code, t.title, t.implements?.task])).toEqual([
      ["2.1", "推进全市生态环境监测信息统一发布", "2.3"],
      ["2.2", "建立生态环境监测数据共享机制", "2.1"],
      ["2.3", "推进环境质量监测大数据平台建设", "2.2"],
    ]);
    expect(p.document.implements.map((i) => i.plan)).toEqual([undefined, "jiangsu-2017"]);
    expect(p.targets.find((t) => t.measure === "MILESTONE")!.task).toBe("2.3");
  });

  it("other dates and frequencies (南通, 扬州, 淮安, 泰州)", () => {
    const due = (p: PlanFile, clause: RegExp) => p.targets.find((t) => clause.test(t.clause))!.due;
    expect(due(imported("nantong-2018"), /地表水/)).toBe("2019-12-31");
    expect(due(imported("yangzhou-2018"), /土壤/)).toBe("2020-06-30");
    expect(imported("huaian-2018").targets.find((t) => /培训/.test(t.clause))).toMatchObject({ minPerPeriod: 2 });
    expect(imported("taizhou-2018").targets.find((t) => /报送/.test(t.clause))).toMatchObject({
      recurrence: "PERIODIC",
      evidence: "REPORTING_CYCLES",
    });
  });

  it("each city's own districts, counties and zones, with GB/T 2260 codes where there are any", () => {
    const nanjing = imported("nanjing-2018");
    expect(nanjing.areas.filter((a) => a.kind === "COUNTY")).toEqual([]);
    expect(nanjing.areas.slice(-2).map((a) => a.code)).toEqual(["320100-HTZ", "320100-ETDZ"]);
    expect(imported("xuzhou-2018").areas.at(-1)).toMatchObject({ code: "320371", name: "经开区", kind: "ZONE" });
    const changzhou = imported("changzhou-2018");
    expect(changzhou.areas.map((a) => a.name)).toEqual(["天宁区", "钟楼区", "新北区", "武进区", "金坛区", "溧阳市"]);
    expect(changzhou.targets.find((t) => /个县/.test(t.clause))).toMatchObject({ areas: "COUNTIES" });
  });

  it("tasks naming their own implementers, without the convention (苏州)", () => {
    const p = imported("suzhou-2018");
    expect(p.implementersClause).toBe("");
    expect(tasks(p).find((t) => t.code === "1.5")!.implementers).toEqual(["320581", "320582"]);
    expect(tasks(p).filter((t) => t.implementers === "all")).toHaveLength(19);
  });

  it("a province plan names its cities as implementers and its departments as the province's (江苏)", () => {
    expect(province.document.issuer).toMatchObject({ level: "PROVINCE", division: "320000", government: "江苏省" });
    expect(province.areas.every((a) => a.kind === "CITY" && a.city === a.code.slice(0, 4))).toBe(true);
    expect(province.departments.find((d) => d.code === "epb")).toMatchObject({
      name: "省环保厅",
      kind: "PROVINCIAL_DEPARTMENT",
    });
    expect(province.departments.find((d) => d.name === "省经信委")!.nameEn).toBe("");
    expect(province.implementersClause).toBe("以下均需各设区市人民政府落实，不再列出");
  });

  it("OCR-mangled punctuation is restored to the same proposal, with a note to compare the wording (常州, 盐城)", () => {
    for (const name of ["changzhou-2018", "yancheng-2018"]) {
      const mangled = text(name);
      expect(mangled).toMatch(/^\(一\)/m);
      const p = imported(name);
      expect(p.review!.map((r) => r.at)).toContain("document");
      expect(p.document.number).toMatch(/〔2018〕\d+号$/);
      expect(tasks(p)).toHaveLength(20);
    }
    const clean = readFileSync("seed/plan/document.zh.txt", "utf8");
    const fromMangled = importPlan(mangle(clean));
    expect({ ...fromMangled, review: undefined }).toEqual({ ...importPlan(clean), review: undefined });
  });
});

describe("loading the constructed plan files", () => {
  let dir: string;
  let empty: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "plan-variants-"));
    empty = path.join(dir, "empty.db");
    const env = { ...process.env, DATABASE_URL: `file:${empty}` };
    execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(NAMES)("%s loads into an empty database", async (name) => {
    const db_ = path.join(dir, `${name}.db`);
    copyFileSync(empty, db_);
    const db = createDb(`file:${db_}`);
    try {
      const plan = parsePlanFile(file(name));
      await loadPlan(db, plan);
      expect(await db.task.count()).toBe(tasks(plan).length);
      expect(await db.target.count()).toBe(plan.targets.length);
      expect(await db.area.count()).toBe(plan.areas.length);
    } finally {
      await db.$disconnect();
    }
  });
});
