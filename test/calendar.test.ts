// The calendar's entries for a month, per role (app/models/calendar.server.ts), and the API's `calendar` query that
// the /calendar page reads: recurring inspection series with every occurrence in the month, and the read rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarEntries, type CalendarEntry } from "../app/models/calendar.server";
import type { Viewer } from "../app/models/viewer";
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
    const entries = (await march(await viewer("epb@daqing.example"))).map((e) => ({ ...e }));
    expect(r.data.calendar).toEqual(entries);
  });

  it("refuses a range longer than a year or backwards, in both languages", async () => {
    const long = await gql(QUERY, { from: "2027-01-01", to: "2028-12-31" }, "epb@daqing.example");
    expect(long.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: "一次最多查询366天" });
    const backwards = await gql(QUERY, { from: "2027-03-31", to: "2027-03-01" });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: "BAD_INPUT", zh: "结束日期早于开始日期" });
  });
});
