// The search box through the API: a report found by a phrase of its text or of an earlier version's, a 1–2 character
// query answered by the fallback scan (and saying so), a record changed after it was written found by its new words
// and no longer by its old ones, and the read rules: the public finds tasks and stations, never a report under review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./support/db";
import { graphqlClient } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());

const STEERING = "steering@daqing.example";
const EPB = "epb@daqing.example";
const LAND = "land@daqing.example";
const TEXT = "本季度完成了龙凤湿地水质自动站的联网验收";
const OLD_VERSION = "首次报送：杜尔伯特草原噪声监测点位选址已完成";

const SEARCH = `query ($q: String!) { search(query: $q) { fallback hits { kind path snippet title { zh en } } } }`;
type Hit = { kind: string; path: string; snippet: string; title: { zh: string } };
const find = async (q: string, as?: string) => {
  const r = await gql<{ search: { fallback: boolean; hits: Hit[] } }>(SEARCH, { q }, as);
  if (r.errors) throw new Error(r.errors[0].message);
  return r.data!.search;
};

let reportPath = "";
beforeAll(async () => {
  const epb = await db.department.findUniqueOrThrow({ where: { code: "epb" } });
  // A task epb leads and land does not support, so land may not read its report under review.
  const task = await db.task.findFirstOrThrow({
    where: {
      assignments: { some: { departmentId: epb.id, role: "LEAD" } },
      NOT: { assignments: { some: { department: { code: "land" } } } },
    },
  });
  const cycle = await db.reportingCycle.create({
    data: {
      workflowId: "cycle-2020Q1",
      period: "2020Q1",
      dueDate: new Date("2020-03-31T16:00:00Z"),
      status: "OPEN",
      openedAt: new Date("2020-01-01T00:00:00Z"),
    },
  });
  const report = await db.progressReport.create({
    data: {
      workflowId: `report-2020Q1-${task.code}-epb`,
      cycleId: cycle.id,
      taskId: task.id,
      departmentId: epb.id,
      status: "SUBMITTED",
      progress: TEXT,
    },
  });
  await db.reportVersion.create({
    data: {
      reportId: report.id,
      version: 1,
      progress: OLD_VERSION,
      taskStatus: "ON_TRACK",
      submittedAt: new Date("2020-03-01T00:00:00Z"),
    },
  });
  reportPath = `/reports/${encodeURIComponent(report.workflowId)}`;
});

describe("search", () => {
  it("finds a report by a phrase of its text, with the words around the match", async () => {
    const { fallback, hits } = await find("湿地水质自动站", STEERING);
    expect(fallback).toBe(false);
    const hit = hits.find((h) => h.path === reportPath);
    expect(hit).toMatchObject({ kind: "REPORT", snippet: expect.stringContaining("湿地水质自动站") });
    expect(hit!.title.zh).toContain("2020年第一季度");
  });

  it("finds a report by a phrase of an earlier version's text, once", async () => {
    const { hits } = await find("噪声监测点位", STEERING);
    expect(hits.filter((h) => h.path === reportPath)).toHaveLength(1);
  });

  it("answers a 2-character Chinese query by the fallback scan, and says so", async () => {
    const { fallback, hits } = await find("湿地", STEERING);
    expect(fallback).toBe(true);
    expect(hits.some((h) => h.path === reportPath)).toBe(true);
  });

  it("finds a station renamed after it was created by its new name, not its old one", async () => {
    const area = await db.area.findFirstOrThrow();
    const station = await db.station.create({
      data: {
        code: "SRCH-1",
        name: "老街口空气站",
        element: "AIR",
        areaId: area.id,
        mode: "AUTOMATIC",
        status: "ACTIVE",
      },
    });
    expect((await find("老街口空气站")).hits.map((h) => h.path)).toContain("/stations/SRCH-1");
    await db.station.update({ where: { id: station.id }, data: { name: "新华路空气站" } });
    expect((await find("新华路空气站")).hits.map((h) => h.path)).toContain("/stations/SRCH-1");
    expect((await find("老街口空气站")).hits.map((h) => h.path)).not.toContain("/stations/SRCH-1");
    await db.station.delete({ where: { id: station.id } });
    expect((await find("新华路空气站")).hits.map((h) => h.path)).not.toContain("/stations/SRCH-1");
  });

  it("follows the read rules: the public and another department do not find a report under review", async () => {
    expect((await find("湿地水质自动站", EPB)).hits.some((h) => h.path === reportPath)).toBe(true);
    expect((await find("湿地水质自动站", LAND)).hits.some((h) => h.path === reportPath)).toBe(false);
    const publicHits = (await find("湿地水质自动站")).hits;
    expect(publicHits.every((h) => h.kind === "TASK" || h.kind === "STATION")).toBe(true);
    expect(publicHits.some((h) => h.path === reportPath)).toBe(false);
    // The public does find tasks: the plan is public.
    const task = await db.task.findFirstOrThrow();
    expect((await find(task.title)).hits.map((h) => h.path)).toContain(`/tasks/${task.code}`);
  });

  it("reads quotes, percent signs and operators as text, and refuses an empty query in both languages", async () => {
    await expect(find('水质" OR "x')).resolves.toMatchObject({ hits: [] });
    await expect(find("100%")).resolves.toBeDefined();
    const empty = await gql(SEARCH, { q: "   " });
    expect(empty.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: "请输入要查找的文字" });
  });
});
