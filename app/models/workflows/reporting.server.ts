// 定期报送推进落实情况: opening a cycle, the rules for contributing, submitting and reviewing reports, and the
// idempotent mirror writes of the cycle and report workflows.
import type { Db } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { AppError, forbidden, notFound } from "../../utils/errors";
import { shanghaiDay } from "../../utils/time";
import { startWorkflow, update } from "../../utils/temporal.server";
import { isoDate, msg, parseInput, text, z } from "../../utils/validation";
import { recordAudit } from "../audit.server";
import { requireDepartmentWriter, requireRole, type Viewer } from "../viewer";
import { keys, TASK_STATUSES } from "../vocabulary";
import { cycleWorkflowId } from "../../../workflows/ids";
import type { Step } from "../../../workflows/common/step";
import type { WaitingFor } from "../../../workflows/common/messages";
import * as m from "../../../workflows/reporting/messages";
import { applyStep, date, day } from "./mirror.server";

const openSchema = (now: Date) =>
  z.object({
    period: z.string().regex(/^\d{4}(Q[1-4]|H[12]|M(0[1-9]|1[0-2]))?$/, msg("报送周期应写作 2019Q2、2019H1、2019M06 或 2019", "the period is written 2019Q2, 2019H1, 2019M06 or 2019")),
    dueDate: isoDate.transform((d) => shanghaiDay(d)).refine((d) => d >= shanghaiDay(now), msg("截止日期不能早于今天", "the due date cannot be in the past")),
  });

export async function openReportingCycle(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const v = requireRole(viewer, "STEERING_GROUP");
  const data = parseInput(openSchema(now), input);
  const workflowId = cycleWorkflowId(data.period);
  if (await db.reportingCycle.findUnique({ where: { period: data.period } }))
    throw new AppError("CONFLICT", `${data.period}报送周期已存在`, `The ${data.period} reporting cycle already exists`);
  const cycle = await db.$transaction(async (tx) => {
    const row = await tx.reportingCycle.create({ data: { workflowId, period: data.period, dueDate: day(data.dueDate), status: "OPEN", openedAt: now } });
    await recordAudit(tx, v, { entityType: "ReportingCycle", entityId: workflowId, action: "OPEN", changes: data });
    return row;
  });
  const args: m.CycleInput = { period: data.period, dueDate: data.dueDate, leadDays: env.REMINDER_LEAD_DAYS, openedBy: v.id };
  try {
    await startWorkflow("reportingCycleWorkflow", workflowId, [args]);
  } catch (e) {
    await db.reportingCycle.delete({ where: { id: cycle.id } });
    throw e;
  }
  return cycle;
}

async function reportFor(db: Db, workflowId: string) {
  const report = await db.progressReport.findUnique({ where: { workflowId } });
  if (!report) throw notFound("推进落实情况报告", "Progress report", workflowId);
  return report;
}

export async function contributeToReport(db: Db, viewer: Viewer | null, workflowId: string, input: { text: string; departmentCode?: string | null }) {
  const report = await reportFor(db, workflowId);
  const code = input.departmentCode ?? null;
  const dept = code ? await db.department.findUnique({ where: { code } }) : viewer?.departmentId ? await db.department.findUnique({ where: { id: viewer.departmentId } }) : null;
  if (!dept) throw code ? notFound("部门", "Department", code) : new AppError("BAD_INPUT", "请指明配合部门", "Name the supporting department");
  const v = requireDepartmentWriter(viewer, dept.id);
  const supports = await db.taskAssignment.findFirst({ where: { taskId: report.taskId, departmentId: dept.id, role: "SUPPORT" } });
  if (!supports) throw forbidden("只有该任务的配合部门可以提供配合情况", "Only a supporting department of this task may contribute");
  return update(workflowId, m.contributeToReport, { actorId: v.id, departmentId: dept.id, text: parseInput(text(5000), input.text) });
}

const reportText = z.object({ progress: text(10000), taskStatus: z.enum(keys(TASK_STATUSES), msg("未知的任务状态", "unknown task status")) });

/** The lead department keeps its text without submitting; the report stays open. */
export async function saveReportDraft(db: Db, viewer: Viewer | null, workflowId: string, input: unknown) {
  const report = await reportFor(db, workflowId);
  const v = requireDepartmentWriter(viewer, report.departmentId);
  return update(workflowId, m.saveReportDraft, { actorId: v.id, departmentId: report.departmentId, ...parseInput(reportText, input) });
}

export async function submitReport(db: Db, viewer: Viewer | null, workflowId: string, input: unknown) {
  const report = await reportFor(db, workflowId);
  const v = requireDepartmentWriter(viewer, report.departmentId);
  return update(workflowId, m.submitReport, { actorId: v.id, departmentId: report.departmentId, ...parseInput(reportText, input) });
}

export async function reviewReport(db: Db, viewer: Viewer | null, workflowId: string, decision: { accept: boolean; reason?: string | null }) {
  await reportFor(db, workflowId);
  const v = requireRole(viewer, "STEERING_GROUP");
  if (decision.accept) return update(workflowId, m.acceptReport, { actorId: v.id });
  return update(workflowId, m.returnReport, { actorId: v.id, reason: parseInput(text(1000), decision.reason ?? "") });
}

export function mirrorCycle(db: Db, step: Step, snap: { input: m.CycleInput; status: string; reportCount: number | null; consolidatedReport: string | null }) {
  return applyStep(db, step, async (tx, fresh) => {
    const data = {
      status: snap.status, version: step.step,
      ...(snap.reportCount != null ? { reportCount: snap.reportCount } : {}),
      ...(snap.consolidatedReport != null ? { consolidatedReport: snap.consolidatedReport, closedAt: new Date(step.at) } : {}),
    };
    const row = await tx.reportingCycle.upsert({
      where: { workflowId: step.workflowId },
      create: { workflowId: step.workflowId, period: snap.input.period, dueDate: day(snap.input.dueDate), openedAt: new Date(step.at), ...data },
      update: {},
    });
    if (fresh(row.version)) await tx.reportingCycle.update({ where: { id: row.id }, data });
  });
}

export function mirrorReport(db: Db, step: Step, { input, state, waitingFor }: { input: m.ReportInput; state: m.ReportState; waitingFor: WaitingFor[] }) {
  return applyStep(db, step, async (tx, fresh) => {
    const data = {
      status: state.status, progress: state.progress ?? null, taskStatus: state.taskStatus ?? null, submittedAt: date(state.submittedAt), draftSavedAt: date(state.draftSavedAt),
      late: state.late, overdue: state.overdue, returnReason: state.returnReason ?? null, returnCount: state.returnCount,
      acceptedAt: date(state.acceptedAt), remindedAt: date(state.remindedAt), escalatedAt: date(state.escalatedAt),
      waitingFor: JSON.stringify(waitingFor), version: step.step,
    };
    // The fan-out creates the row; the create branch only matters for a report started some other way.
    const row = await tx.progressReport.upsert({
      where: { workflowId: step.workflowId },
      create: {
        workflowId: step.workflowId, cycle: { connect: { workflowId: input.cycleWorkflowId } }, task: { connect: { id: input.taskId } },
        department: { connect: { id: input.departmentId } }, ...data,
      },
      update: {},
    });
    if (!fresh(row.version)) return;
    await tx.progressReport.update({ where: { id: row.id }, data });
    // Contributions only ever grow: nothing to rewrite until the first one (most steps, and every fan-out start).
    if (state.contributions.length === 0) return;
    await tx.reportContribution.deleteMany({ where: { reportId: row.id } });
    await tx.reportContribution.createMany({ data: state.contributions.map((c) => ({ reportId: row.id, departmentId: c.departmentId, text: c.text, at: new Date(c.at) })) });
  });
}

/** The consolidated report of a cycle: every task's progress as its lead departments reported it. */
export async function consolidateCycle(db: Db, period: string): Promise<string> {
  const reports = await db.progressReport.findMany({
    where: { cycle: { period } },
    include: { task: { select: { code: true, title: true } }, department: { select: { name: true } }, contributions: { include: { department: { select: { name: true } } } } },
    orderBy: [{ task: { code: "asc" } }, { departmentId: "asc" }],
  });
  return reports
    .map((r) => {
      const flags = [r.late ? "逾期报送 late" : null, r.returnCount ? `退回${r.returnCount}次 returned ×${r.returnCount}` : null].filter(Boolean).join("，");
      const input = r.contributions.map((c) => `    配合 ${c.department.name}：${c.text}`).join("\n");
      return `${r.task.code} ${r.task.title}（${r.department.name}，${r.taskStatus ?? "—"}${flags ? `，${flags}` : ""}）\n  ${r.progress ?? "未报送 not reported"}${input ? `\n${input}` : ""}`;
    })
    .join("\n");
}
