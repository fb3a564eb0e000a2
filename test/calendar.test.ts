// The calendar's entries for a month, per role (app/models/calendar.server.ts), and the API's `calendar` query that
// the /calendar page reads: recurring inspection series with every occurrence in the month, and the read rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarEntries, type CalendarEntry } from "../app/models/calendar.server";
import type { Viewer } from "../app/models/viewer";
import { useClock } from "../app/utils/clock.server";
import { createTestDb } from "./support/db";
import { EPB_SECOND, EPB_SERIES, WATER_INSPECTION, writeCalendarFacts } from "./support/calendar-facts";
import { graphqlClient } from "./support/graphql";

const { db } = createTestDb();
const gql = graphqlClient(db);
afterAll(() => db.$disconnect());

async function viewer(email: string): Promise<Viewer> {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  return { ...u, role: u.role as Viewer["role"] };
}
const march = (v: Viewer | null) => calendarEntries(db, v, "2027-03-01", "2027-03-31");
const summary = (entries: CalendarEntry[]) => entries.map((e) => `${e.date} ${e.kind} ${e.uid}`);

beforeAll(() => writeCalendarFacts(db));

describe("a month's entries by role", () => {
  it("a department: its report due, its own milestone, the inspections of it (the series' occurrence in the month), its rectification deadline", async () => {
    const entries = await march(await viewer("epb@daqing.example"));
    expect(summary(entries)).toEqual([
      "2027-03-10 REPORT_DUE report-2027Q1-1.1-epb",
      "2027-03-15 MILESTONE workplan-2027-epb-milestone-1",
      `2027-03-25 RECTIFICATION ${EPB_SERIES}-finding-1`,
      // The third occurrence has no row yet: its day comes from the schedule (31 January + 2 months), its uid is the
      // workflow ID it will get, and it links to the series' last written occurrence.
      "2027-03-31 INSPECTION inspection-2027-03-31-epb",
    ]);
    const third = entries.at(-1)!;
    expect(third.path).toBe(`/inspections/${EPB_SECOND}`);
    expect(third.title.zh).toBe("督导检查：空气自动站运维专项督导 · 市环保局（每月一次，第3次）");
    expect(entries[0].title.zh).toContain("报告截止：2027年第一季度");
    expect(entries[0].path).toBe("/reports/report-2027Q1-1.1-epb");
  });

  it("another department sees only its own", async () => {
    expect(summary(await march(await viewer("water@daqing.example")))).toEqual([
      `2027-03-05 INSPECTION ${WATER_INSPECTION}`,
      "2027-03-10 REPORT_DUE report-2027Q1-1.2-water",
      "2027-03-16 MILESTONE workplan-2027-water-milestone-1",
    ]);
  });

  it("every occurrence of a series in each month, clamped to a short month's last day, none past its end", async () => {
    const epb = await viewer("epb@daqing.example");
    const inspections = async (from: string, to: string) =>
      (await calendarEntries(db, epb, from, to)).filter((e) => e.kind === "INSPECTION").map((e) => e.date);
    expect(await inspections("2027-01-01", "2027-12-31")).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
      "2027-05-31",
      "2027-06-30",
    ]);
    // February's occurrence is a written row: one entry, its own page.
    const february = await calendarEntries(db, epb, "2027-02-01", "2027-02-28");
    expect(february.map((e) => [e.uid, e.path])).toEqual([[EPB_SECOND, `/inspections/${EPB_SECOND}`]]);
  });

  it("the steering group: every cycle's deadline, every milestone, every inspection and rectification", async () => {
    expect(summary(await march(await viewer("steering@daqing.example")))).toEqual([
      `2027-03-05 INSPECTION ${WATER_INSPECTION}`,
      "2027-03-10 CYCLE_DUE cycle-2027Q1",
      "2027-03-15 MILESTONE workplan-2027-epb-milestone-1",
      "2027-03-16 MILESTONE workplan-2027-water-milestone-1",
      `2027-03-25 RECTIFICATION ${EPB_SERIES}-finding-1`,
      "2027-03-31 INSPECTION inspection-2027-03-31-epb",
    ]);
  });

  it("an inspector: the inspections they lead and their rectification deadlines, no reports or milestones", async () => {
    expect(summary(await march(await viewer("inspector@daqing.example")))).toEqual([
      `2027-03-05 INSPECTION ${WATER_INSPECTION}`,
      `2027-03-25 RECTIFICATION ${EPB_SERIES}-finding-1`,
      "2027-03-31 INSPECTION inspection-2027-03-31-epb",
    ]);
  });

  it("an area implementer and the public: nothing of the departments' work", async () => {
    expect(await march(await viewer("zhaozhou@daqing.example"))).toEqual([]);
    expect(await march(null)).toEqual([]);
  });

  it("the plan's dated targets, for everyone, on their day, linking to their task", async () => {
    const target = await db.target.findFirstOrThrow({
      where: { dueDate: { not: null }, taskId: { not: null } },
      include: { task: true },
    });
    const day = new Date(target.dueDate!.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const entries = await calendarEntries(db, null, day, day);
    const entry = entries.find((e) => e.uid === `target-${target.code}`);
    expect(entry).toMatchObject({ kind: "TARGET", date: day, path: `/tasks/${target.task!.code}` });
    expect(entry!.title.zh).toBe(`目标期限：${target.title}`);
  });
});

describe("the calendar query", () => {
  const QUERY = `query ($from: Date!, $to: Date!) { calendar(from: $from, to: $to) { uid kind date path title { zh en } } }`;

  it("answers what the model gives the viewer", async () => {
    const r = await gql(QUERY, { from: "2027-03-01", to: "2027-03-31" }, "epb@daqing.example");
    expect(r.errors).toBeUndefined();
    const entries = (await march(await viewer("epb@daqing.example"))).map(
      ({ done: _done, light: _light, lightWords: _words, ...e }) => e,
    );
    expect(r.data.calendar).toEqual(entries);
  });

  it("refuses a range longer than a year or backwards, in both languages", async () => {
    const long = await gql(QUERY, { from: "2027-01-01", to: "2028-12-31" }, "epb@daqing.example");
    expect(long.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: "一次最多查询366天" });
    const backwards = await gql(QUERY, { from: "2027-03-31", to: "2027-03-01" });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: "结束日期早于开始日期" });
  });
});

describe("work-plan drafting deadlines and each entry's light", () => {
  const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
  const january = async (email: string, now: string) =>
    (await calendarEntries(db, await viewer(email), "2027-01-01", "2027-01-31", at(now))).filter(
      (e) => e.kind === "WORK_PLAN_DUE",
    );

  it("a department sees its own plan's drafting deadline; the steering group one entry for the year's plans", async () => {
    const [own] = await january("epb@daqing.example", "2027-01-20");
    expect(own).toMatchObject({
      uid: "workplan-2027-epb-due",
      date: "2027-01-31",
      title: { zh: "工作计划编制截止：市环保局2027年度工作计划" },
      path: "/work-plans/workplan-2027-epb",
    });
    expect((await january("water@daqing.example", "2027-01-20")).map((e) => e.uid)).toEqual([
      "workplan-2027-water-due",
    ]);
    const [all] = await january("steering@daqing.example", "2027-01-20");
    expect(all.uid).toBe("workplans-2027-2027-01-31-due");
    expect(all.title.zh).toMatch(/^工作计划编制截止：2027年度（\d+个部门，\d+个尚未报送）$/);
    expect(all.path).toBe("/work-plans/chase?year=2027");
  });

  it("says 正常, 临期 within 3 working days, 逾期 once past, and nothing once done", async () => {
    const light = async (now: string) => (await january("epb@daqing.example", now))[0];
    expect(await light("2027-01-20")).toMatchObject({ light: "GREEN", lightWords: { zh: "正常", en: "On track" } });
    expect(await light("2027-01-28")).toMatchObject({ light: "YELLOW", lightWords: { zh: "临期", en: "Due soon" } });
    const late = await calendarEntries(
      db,
      await viewer("epb@daqing.example"),
      "2027-01-31",
      "2027-01-31",
      at("2027-02-02"),
    );
    expect(late.find((e) => e.kind === "WORK_PLAN_DUE")).toMatchObject({ light: "RED", lightWords: { zh: "逾期" } });
    // A later occurrence of the recurring series has its light too.
    const series = await calendarEntries(
      db,
      await viewer("epb@daqing.example"),
      "2027-06-01",
      "2027-06-30",
      at("2027-06-28"),
    );
    expect(series.find((e) => e.uid === "inspection-2027-06-30-epb")).toMatchObject({ light: "YELLOW" });
    await db.annualWorkPlan.update({ where: { workflowId: "workplan-2027-epb" }, data: { status: "SUBMITTED" } });
    try {
      expect(await light("2027-02-02")).toMatchObject({ light: null, lightWords: null });
      const [all] = await january("steering@daqing.example", "2027-02-02");
      expect(all.title.zh).toMatch(/，\d+个尚未报送）$/);
    } finally {
      await db.annualWorkPlan.update({ where: { workflowId: "workplan-2027-epb" }, data: { status: "DRAFTING" } });
    }
  });

  it("the calendar query carries the light in words", async () => {
    useClock(() => Date.parse("2027-01-28T10:00:00+08:00"));
    try {
      const r = await gql(
        `{ calendar(from: "2027-01-31", to: "2027-01-31") { uid kind light lightWords { zh en } } }`,
        {},
        "epb@daqing.example",
      );
      expect(r.errors).toBeUndefined();
      expect(r.data.calendar.find((e: { kind: string }) => e.kind === "WORK_PLAN_DUE")).toEqual({
        uid: "workplan-2027-epb-due",
        kind: "WORK_PLAN_DUE",
        light: "YELLOW",
        lightWords: { zh: "临期", en: "Due soon" },
      });
    } finally {
      useClock(null);
    }
  });
});
