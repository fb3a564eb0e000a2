// 专项督导检查: scheduling (inspectors and the steering group), the steps on an inspection and its findings (checked
// by the process's own rules, workflows/inspection/process.ts, before Temporal is asked), and the idempotent mirror.
import type { Db } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { AppError, notFound } from "../../utils/errors";
import { addDays, shanghaiDay } from "../../utils/time";
import { now as clockNow } from "../../utils/clock.server";
import { update } from "../../utils/temporal.server";
import { dayWithin, isoDate, label, msg, parseInput, requirePlausible, text, z } from "../../utils/validation";
import { recordAuditFor } from "../audit.server";
import { actorOf, requireRole, type Viewer } from "../viewer";
import { keys } from "../vocabulary";
import { inspectionWorkflowId } from "../../../workflows/ids";
import { offeredActions } from "../../../workflows/common/process";
import type { Step } from "../../../workflows/common/step";
import type { InspectionSnapshot } from "../../../workflows/common/activity-types";
import * as m from "../../../workflows/inspection/messages";
import * as p from "../../../workflows/inspection/process";
import { applyStep, date, day, replaceWaiting } from "./mirror.server";
import { requireStep } from "./process-rules.server";
import { startProcess } from "./start.server";
import { calendarFor } from "../work-calendar.server";

const dayString = isoDate.transform((d) => shanghaiDay(d));
/** Inspections and rectification deadlines fall from today to a year ahead; a recurring schedule runs at most three years. */
const soon = (now: Date) => [shanghaiDay(now), addDays(shanghaiDay(now), 365)] as const;
const dayWithinYear = (field: string, day: string | null | undefined, now: Date, what: [string, string]) =>
  dayWithin(field, day, ...soon(now), what);

const inspectionLabels = {
  title: label("检查名称", "title"),
  departmentCode: label("被检查部门", "inspected department"),
  areaCode: label("被检查县区", "inspected area"),
  taskCodes: label("检查的任务", "tasks inspected"),
  date: label("检查日期", "inspection date"),
  recurrence: label("重复", "repeat"),
  repeatUntil: label("定期检查的截止日期", "repeat until"),
  description: label("问题描述", "description"),
  severity: label("严重程度", "severity"),
  requiresRectification: label("需要整改", "needs rectification"),
  deadline: label("整改期限", "rectification deadline"),
  ordinal: label("问题序号", "finding number"),
  effective: label("整改是否有效", "effective"),
  reason: label("原因", "reason"),
  newDeadline: label("新的整改期限", "new rectification deadline"),
};

export async function scheduleInspection(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const v = requireRole(viewer, "INSPECTOR", "STEERING_GROUP");
  const data = parseInput(
    z.object({
      title: text(200),
      departmentCode: z.string().max(40).nullish(),
      areaCode: z.string().max(20).nullish(),
      taskCodes: z.array(z.string().max(10)).min(1, msg("至少一项任务", "at least one task")).max(50),
      date: dayString,
      recurrence: z.enum(["NONE", "MONTHLY", "QUARTERLY"]).default("NONE"),
      repeatUntil: dayString.nullish(),
    }),
    input,
    inspectionLabels,
  );
  requirePlausible([dayWithinYear("date", data.date, now, ["检查日期", "the inspection date"])]);
  if (!data.departmentCode === !data.areaCode)
    throw new AppError("BAD_INPUT", "请指定一个被检查部门或县区", "Name one inspected department or area");
  if (data.recurrence !== "NONE") {
    if (!data.repeatUntil)
      throw new AppError(
        "BAD_INPUT",
        "定期检查须设定不早于首次检查的截止日期",
        "A recurring schedule needs an end date on or after the first inspection",
      );
    requirePlausible([
      dayWithin("repeatUntil", data.repeatUntil, data.date, addDays(data.date, 3 * 365), [
        "定期检查的截止日期",
        "the end of a recurring schedule",
      ]),
    ]);
  }
  const tasks = await db.task.findMany({ where: { code: { in: data.taskCodes } }, select: { code: true } });
  const missing = data.taskCodes.find((c) => !tasks.some((t) => t.code === c));
  if (missing) throw notFound("任务", "Task", missing);
  const dept = data.departmentCode ? await db.department.findUnique({ where: { code: data.departmentCode } }) : null;
  const area = data.areaCode ? await db.area.findUnique({ where: { code: data.areaCode } }) : null;
  if (data.departmentCode && !dept) throw notFound("部门", "Department", data.departmentCode);
  if (data.areaCode && !area) throw notFound("行政区", "Area", data.areaCode);
  const unit = dept
    ? { departmentId: dept.id, areaId: null, code: dept.code, name: { zh: dept.name, en: dept.nameEn } }
    : { departmentId: null, areaId: area!.id, code: area!.code, name: { zh: area!.name, en: area!.nameEn } };
  const workflowId = inspectionWorkflowId(data.date, unit.code);
  // Rectification deadlines fall on working days (docs/decisions/019): the calendar reaches a year past the series'
  // last day, the latest a finding's deadline can fall (a deadline is within a year of the day it is set).
  const repeatUntil = data.recurrence === "NONE" ? null : (data.repeatUntil ?? null);
  const calendar = calendarFor(addDays(repeatUntil ?? data.date, 366), now);
  const args: m.InspectionInput = {
    title: data.title,
    inspectorId: v.id,
    unit,
    taskCodes: data.taskCodes,
    date: data.date,
    recurrence: data.recurrence,
    repeatUntil,
    seriesStart: data.date,
    occurrence: 1,
    leadDays: env.REMINDER_LEAD_DAYS,
    openedBy: v.id,
    calendar,
  };
  return startProcess({
    type: "inspectionWorkflow",
    workflowId,
    args: [args],
    conflict: new AppError(
      "CONFLICT",
      "同一天对同一单位的检查已安排",
      "An inspection of this unit is already scheduled that day",
    ),
    find: () => db.inspection.findUnique({ where: { workflowId } }),
  });
}

function baseRow(workflowId: string, i: m.InspectionInput) {
  return {
    workflowId,
    title: i.title,
    inspectorId: i.inspectorId,
    inspectedDepartmentId: i.unit.departmentId,
    areaId: i.unit.areaId,
    taskCodes: i.taskCodes.join(","),
    scheduledFor: day(i.date),
    recurrence: i.recurrence,
    occurrence: i.occurrence,
    status: "SCHEDULED",
  };
}

/** The inspection's process state as last mirrored (rows written by hand, as some tests do, have none). */
async function stateFor(db: Db, workflowId: string): Promise<p.InspectionState> {
  const row = await db.inspection.findUnique({ where: { workflowId }, select: { state: true } });
  if (!row) throw notFound("督导检查", "Inspection", workflowId);
  return { findings: [], ...(JSON.parse(row.state) as Partial<p.InspectionState>) } as p.InspectionState;
}

/** The inspector (or the steering group) records a finding, from the inspection day until the fieldwork ends. */
export async function addFinding(db: Db, viewer: Viewer | null, workflowId: string, input: unknown, now = new Date()) {
  const state = await stateFor(db, workflowId);
  const data = parseInput(
    z.object({
      description: text(2000, { multiline: true }),
      severity: z.enum(keys(p.SEVERITIES), msg("未知的严重程度", "unknown severity")),
      requiresRectification: z.boolean(),
      deadline: dayString.nullish(),
    }),
    input,
    inspectionLabels,
  );
  requirePlausible([dayWithinYear("deadline", data.deadline, now, ["整改期限", "the rectification deadline"])]);
  const actor = await requireStep(p.INSPECTION_STEPS.ADD_FINDING, state, viewer, data);
  return update(workflowId, m.addFinding, { actor, ...data });
}

export async function concludeFieldwork(db: Db, viewer: Viewer | null, workflowId: string) {
  const state = await stateFor(db, workflowId);
  const actor = await requireStep(p.INSPECTION_STEPS.CONCLUDE_FIELDWORK, state, viewer, {});
  return update(workflowId, m.concludeFieldwork, { actor });
}

/** The inspected unit reports how it rectified one finding. */
export async function reportRectification(
  db: Db,
  viewer: Viewer | null,
  workflowId: string,
  ordinal: number,
  rectification: string,
) {
  const inspection = await stateFor(db, workflowId);
  const input = {
    text: parseInput(text(5000, { multiline: true }), rectification, label("整改情况", "rectification")),
  };
  const actor = await requireStep(p.FINDING_STEPS.REPORT_RECTIFICATION, { inspection, ordinal }, viewer, input);
  return update(workflowId, m.reportRectification, { actor, ordinal, ...input });
}

/** The inspector verifies a reported rectification as effective, or reopens it with a reason and a new deadline. */
export async function verifyRectification(
  db: Db,
  viewer: Viewer | null,
  workflowId: string,
  raw: unknown,
  now = new Date(),
) {
  const inspection = await stateFor(db, workflowId);
  const { ordinal, ...input } = parseInput(
    z.object({
      ordinal: z.number().int().min(1),
      effective: z.boolean(),
      reason: text(1000, { multiline: true }).nullish(),
      newDeadline: dayString.nullish(),
    }),
    raw,
    inspectionLabels,
  );
  requirePlausible([
    dayWithinYear("newDeadline", input.newDeadline, now, ["新的整改期限", "the new rectification deadline"]),
  ]);
  const actor = await requireStep(p.FINDING_STEPS.VERIFY, { inspection, ordinal }, viewer, input);
  return update(workflowId, m.verifyRectification, { actor, ordinal, ...input });
}

export function mirrorInspection(db: Db, step: Step, { input, state, waitingFor }: InspectionSnapshot) {
  return applyStep(db, step, async (tx, fresh) => {
    // The first step of the inspection a person scheduled creates it, with its change-history entry, in this
    // transaction (later occurrences of a recurring schedule are the workflow's own doing).
    if (step.kind === "SCHEDULE" && input.occurrence === 1)
      await recordAuditFor(tx, input.openedBy, {
        entityType: "Inspection",
        entityId: step.workflowId,
        action: "SCHEDULE",
        departmentId: input.unit.departmentId,
        changes: {
          title: input.title,
          [input.unit.departmentId ? "departmentCode" : "areaCode"]: input.unit.code,
          taskCodes: input.taskCodes,
          date: input.date,
          recurrence: input.recurrence,
          repeatUntil: input.repeatUntil,
        },
      });
    const data = {
      status: state.status,
      fieldworkConcludedAt: date(state.fieldworkConcludedAt),
      closedAt: date(state.closedAt),
      nextWorkflowId: state.nextWorkflowId ?? null,
      waitingFor: JSON.stringify(waitingFor),
      state: JSON.stringify(state),
      version: step.step,
    };
    const found = await tx.inspection.findUnique({
      where: { workflowId: step.workflowId },
      select: { id: true, version: true },
    });
    if (found && !fresh(found.version)) return;
    const row = found
      ? await tx.inspection.update({ where: { id: found.id }, data, select: { id: true } })
      : await tx.inspection.create({ data: { ...baseRow(step.workflowId, input), ...data }, select: { id: true } });
    await replaceWaiting(tx, step.workflowId, "INSPECTION", p.title(state), waitingFor);
    await tx.inspectionFinding.deleteMany({ where: { inspectionId: row.id } });
    await tx.inspectionFinding.createMany({
      data: state.findings.map((f) => ({
        inspectionId: row.id,
        ordinal: f.ordinal,
        description: f.description,
        severity: f.severity,
        requiresRectification: f.requiresRectification,
        deadline: f.deadline ? day(f.deadline) : null,
        status: f.status,
        rectification: f.rectification ?? null,
        reportedAt: date(f.reportedAt),
        verifiedAt: date(f.verifiedAt),
        reopenCount: f.reopenCount,
        reopenReason: f.reopenReason ?? null,
        overdue: f.overdue,
        escalatedAt: date(f.escalatedAt),
      })),
    });
  });
}

/** What the viewer may do on one finding now, or later with the reason (FindingStep), from the mirrored state. */
export async function findingActions(stateJson: string, ordinal: number, viewer: Viewer | null) {
  if (!viewer || stateJson === "{}") return [];
  const inspection = JSON.parse(stateJson) as p.InspectionState;
  return offeredActions(p.FINDING_STEPS, { inspection, ordinal }, actorOf(viewer), await clockNow());
}

/** The rectification deadline as entered when it was moved to a working day (顺延), from the mirrored state; else null. */
export function findingRequestedDeadline(stateJson: string, ordinal: number): string | null {
  if (stateJson === "{}") return null;
  const inspection = JSON.parse(stateJson) as p.InspectionState;
  return inspection.findings.find((f) => f.ordinal === ordinal)?.requestedDeadline ?? null;
}
