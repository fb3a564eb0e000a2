// Dated facts for the calendar's tests, written straight into a copy of the seeded database as the workflows mirror
// them (the calendar reads rows, whatever wrote them). March 2027 holds one of everything:
//   - cycle 2027Q1 due 2027-03-10 with a report of 市环保局 (task 1.1) and one of 市水务局 (task 1.2);
//   - a milestone of each department's 2027 work plan (市环保局 15 March, 市水务局 16 March);
//   - a monthly inspection series of 市环保局 from 31 January to 30 June 2027: its first occurrence has started (with a
//     finding due for rectification 25 March) and so its second (28 February, clamped) is written; the later days
//     (31 March, 30 April, 31 May, 30 June) come from the schedule;
//   - a single inspection of 市水务局 on 5 March 2027.
import type { Db } from "../../app/utils/db.server";

const shanghai = (day: string) => new Date(`${day}T00:00:00+08:00`);
export const EPB_SERIES = "inspection-2027-01-31-epb";
export const EPB_SECOND = "inspection-2027-02-28-epb";
export const WATER_INSPECTION = "inspection-2027-03-05-water";

export async function writeCalendarFacts(db: Db) {
  const dept = async (code: string) => (await db.department.findUniqueOrThrow({ where: { code } })).id;
  const task = async (code: string) => (await db.task.findUniqueOrThrow({ where: { code } })).id;
  const [epb, water] = [await dept("epb"), await dept("water")];
  const inspector = await db.user.findUniqueOrThrow({ where: { email: "inspector@daqing.example" } });

  const cycle = await db.reportingCycle.create({
    data: {
      workflowId: "cycle-2027Q1",
      period: "2027Q1",
      dueDate: shanghai("2027-03-10"),
      status: "OPEN",
      openedAt: new Date(),
    },
  });
  for (const [taskCode, departmentId, code] of [
    ["1.1", epb, "epb"],
    ["1.2", water, "water"],
  ] as const)
    await db.progressReport.create({
      data: {
        workflowId: `report-2027Q1-${taskCode}-${code}`,
        cycleId: cycle.id,
        taskId: await task(taskCode),
        departmentId,
      },
    });

  for (const [departmentId, code, day, what] of [
    [epb, "epb", "2027-03-15", "完成空气自动站联网"],
    [water, "water", "2027-03-16", "完成水源地监测点位复核"],
  ] as const)
    await db.annualWorkPlan.create({
      data: {
        workflowId: `workplan-2027-${code}`,
        departmentId,
        year: 2027,
        dueDate: shanghai("2027-01-31"),
        status: "DRAFTING",
        openedAt: new Date(),
        milestones: {
          create: { ordinal: 1, what, responsibleUnit: code, dueDate: shanghai(day), indicator: "完成" },
        },
      },
    });

  const epbUnit = {
    departmentId: epb,
    areaId: null,
    code: "epb",
    name: { zh: "市环保局", en: "Environmental Protection Bureau" },
  };
  const waterUnit = {
    departmentId: water,
    areaId: null,
    code: "water",
    name: { zh: "市水务局", en: "Water Affairs Bureau" },
  };
  const inspection = (
    workflowId: string,
    f: {
      title: string;
      unit: typeof epbUnit;
      date: string;
      recurrence: string;
      repeatUntil: string | null;
      occurrence: number;
    },
    row: { status: string; nextWorkflowId?: string },
  ) =>
    db.inspection.create({
      data: {
        workflowId,
        title: f.title,
        inspectorId: inspector.id,
        inspectedDepartmentId: f.unit.departmentId,
        taskCodes: "1.1",
        scheduledFor: shanghai(f.date),
        recurrence: f.recurrence,
        occurrence: f.occurrence,
        status: row.status,
        nextWorkflowId: row.nextWorkflowId ?? null,
        state: JSON.stringify({
          title: f.title,
          inspectorId: inspector.id,
          unit: f.unit,
          taskCodes: ["1.1"],
          date: f.date,
          recurrence: f.recurrence,
          repeatUntil: f.repeatUntil,
          seriesStart: "2027-01-31",
          occurrence: f.occurrence,
          leadDays: 3,
          status: row.status,
          findings: [],
        }),
      },
    });
  const series = { title: "空气自动站运维专项督导", unit: epbUnit, recurrence: "MONTHLY", repeatUntil: "2027-06-30" };
  // The first occurrence has started (so the second is written) and has a finding to rectify.
  const first = await inspection(
    EPB_SERIES,
    { ...series, date: "2027-01-31", occurrence: 1 },
    { status: "RECTIFYING", nextWorkflowId: EPB_SECOND },
  );
  await db.inspectionFinding.create({
    data: {
      inspectionId: first.id,
      ordinal: 1,
      description: "运维记录不全",
      severity: "MEDIUM",
      requiresRectification: true,
      deadline: shanghai("2027-03-25"),
      status: "OPEN",
    },
  });
  await inspection(EPB_SECOND, { ...series, date: "2027-02-28", occurrence: 2 }, { status: "SCHEDULED" });
  const once = { title: "水源地监测专项督导", unit: waterUnit, recurrence: "NONE", repeatUntil: null };
  await inspection(WATER_INSPECTION, { ...once, date: "2027-03-05", occurrence: 1 }, { status: "SCHEDULED" });
}
