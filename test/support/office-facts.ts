// A reporting cycle, work plans and an inspection's findings as the workflows mirror them, written directly, with
// dates chosen so the chase board's and the scorecard's figures can be worked out by hand (test/office-board.test.ts).
import type { Db } from "../../app/utils/db.server";

export const at = (s: string) => new Date(`${s}+08:00`);
/** "Now" for the figures: 2026-04-21 12:00 in Daqing. */
export const NOW = at("2026-04-21T12:00:00").getTime();

export async function officeFacts(db: Db) {
  const dept = async (code: string) => (await db.department.findUniqueOrThrow({ where: { code } })).id;
  const task = async (code: string) => (await db.task.findUniqueOrThrow({ where: { code } })).id;
  const [epb, water] = [await dept("epb"), await dept("water")];
  const cycle = (period: string, due: string) =>
    db.reportingCycle.create({
      data: {
        workflowId: `cycle-${period}`,
        period,
        dueDate: at(`${due}T00:00:00`),
        status: "OPEN",
        openedAt: at("2026-03-01T09:00:00"),
      },
    });
  const q1 = await cycle("2026Q1", "2026-04-10");
  const q2 = await cycle("2026Q2", "2026-07-10");
  const report = async (
    c: { id: number; period: string },
    code: string,
    departmentId: number,
    status: string,
    versions: { submittedAt: string; returnedAt?: string }[] = [],
  ) =>
    db.progressReport.create({
      data: {
        workflowId: `report-${c.period}-${code}-${departmentId === epb ? "epb" : "water"}`,
        cycleId: c.id,
        taskId: await task(code),
        departmentId,
        status,
        submittedAt: versions.length ? at(versions[versions.length - 1].submittedAt) : null,
        returnCount: versions.filter((v) => v.returnedAt).length,
        versions: {
          create: versions.map((v, i) => ({
            version: i + 1,
            progress: "已完成",
            taskStatus: "ON_TRACK",
            submittedAt: at(v.submittedAt),
            returnedAt: v.returnedAt ? at(v.returnedAt) : null,
          })),
        },
      },
    });
  // Days late are working days: 2026-04-10 is a Friday, and no holiday falls between it and NOW (Qingming is 04-04–06).
  // epb: one on time, one submitted on Monday 04-13 (1 working day late) and returned once; water: not submitted,
  // 7 working days late at NOW (04-13…17, 20, 21); next quarter's report is not yet due.
  const onTime = await report(q1, "1.1", epb, "ACCEPTED", [{ submittedAt: "2026-04-09T16:00:00" }]);
  const late = await report(q1, "1.4", epb, "ACCEPTED", [
    { submittedAt: "2026-04-13T10:00:00", returnedAt: "2026-04-14T09:00:00" },
    { submittedAt: "2026-04-15T09:00:00" },
  ]);
  const missing = await report(q1, "2.1", water, "PENDING");
  const notYetDue = await report(q2, "1.1", epb, "PENDING");

  const plan = (departmentId: number, status: string, submittedAt: string | null) =>
    db.annualWorkPlan.create({
      data: {
        workflowId: `workplan-2026-${departmentId === epb ? "epb" : "water"}`,
        departmentId,
        year: 2026,
        dueDate: at("2026-04-14T00:00:00"),
        status,
        submittedAt: submittedAt ? at(submittedAt) : null,
        openedAt: at("2026-01-05T09:00:00"),
      },
    });
  const drafting = await plan(epb, "DRAFTING", null); // due Tuesday 04-14: 5 working days late at NOW
  const approved = await plan(water, "APPROVED", "2026-04-16T10:00:00"); // late, but done: no light

  const inspector = await db.user.findUniqueOrThrow({ where: { email: "inspector@daqing.example" } });
  const inspection = await db.inspection.create({
    data: {
      workflowId: "inspection-2026-03-02-epb",
      title: "2026-03-02 对市环保局的专项督导检查",
      inspectorId: inspector.id,
      inspectedDepartmentId: epb,
      taskCodes: "1.1",
      scheduledFor: at("2026-03-02T09:00:00"),
      status: "RECTIFYING",
    },
  });
  const finding = (ordinal: number, deadline: string, status: string, reportedAt?: string, requires = true) =>
    db.inspectionFinding.create({
      data: {
        inspectionId: inspection.id,
        ordinal,
        description: `问题描述${ordinal}`,
        severity: "MEDIUM",
        requiresRectification: requires,
        deadline: at(`${deadline}T00:00:00`),
        status,
        reportedAt: reportedAt ? at(reportedAt) : null,
      },
    });
  await finding(1, "2026-04-01", "CLOSED", "2026-03-30T10:00:00"); // closed in time
  await finding(2, "2026-04-05", "CLOSED", "2026-04-08T10:00:00"); // closed, reported late
  await finding(3, "2026-04-10", "OPEN"); // owed, 7 working days late at NOW
  await finding(4, "2026-05-30", "OPEN"); // owed, not yet due
  await finding(5, "2026-04-01", "OPEN", undefined, false); // no rectification asked
  return { epb, water, onTime, late, missing, notYetDue, drafting, approved, inspection };
}
