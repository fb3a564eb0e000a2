// 专项督导检查: scheduling (inspectors and the steering group), who may record findings, report and verify
// rectification, and the idempotent mirror of the inspection workflow.
import type { Db } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { AppError, forbidden, notFound } from "../../utils/errors";
import { shanghaiDay } from "../../utils/time";
import { startWorkflow, update } from "../../utils/temporal.server";
import { isoDate, msg, parseInput, text, z } from "../../utils/validation";
import { recordAudit } from "../audit.server";
import { requireDepartmentWriter, requireRole, requireViewer, type Viewer } from "../viewer";
import { keys, SEVERITIES } from "../vocabulary";
import { inspectionWorkflowId } from "../../../workflows/ids";
import type { Step } from "../../../workflows/common/step";
import type { WaitingFor } from "../../../workflows/common/messages";
import * as m from "../../../workflows/inspection/messages";
import { applyStep, date, day } from "./mirror.server";

const dayString = isoDate.transform((d) => shanghaiDay(d));
const notPast = (now: Date) => [(d: string) => d >= shanghaiDay(now), msg("日期不能早于今天", "the date cannot be in the past")] as const;

export async function scheduleInspection(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const v = requireRole(viewer, "INSPECTOR", "STEERING_GROUP");
  const data = parseInput(
    z.object({
      title: text(200),
      departmentCode: z.string().max(40).nullish(),
      areaCode: z.string().max(20).nullish(),
      taskCodes: z.array(z.string().max(10)).min(1, msg("至少一项任务", "at least one task")).max(50),
      date: dayString.refine(...notPast(now)),
      recurrence: z.enum(["NONE", "MONTHLY", "QUARTERLY"]).default("NONE"),
      repeatUntil: dayString.nullish(),
    }),
    input,
  );
  if (!data.departmentCode === !data.areaCode) throw new AppError("BAD_INPUT", "请指定一个被检查部门或县区", "Name one inspected department or area");
  if (data.recurrence !== "NONE" && (!data.repeatUntil || data.repeatUntil < data.date))
    throw new AppError("BAD_INPUT", "定期检查须设定不早于首次检查的截止日期", "A recurring schedule needs an end date on or after the first inspection");
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
  if (await db.inspection.findUnique({ where: { workflowId } }))
    throw new AppError("CONFLICT", "同一天对同一单位的检查已安排", "An inspection of this unit is already scheduled that day");
  const args: m.InspectionInput = {
    title: data.title, inspectorId: v.id, unit, taskCodes: data.taskCodes, date: data.date, recurrence: data.recurrence,
    repeatUntil: data.repeatUntil ?? null, occurrence: 1, leadDays: env.REMINDER_LEAD_DAYS, openedBy: v.id,
  };
  const row = await db.$transaction(async (tx) => {
    const r = await tx.inspection.create({ data: baseRow(workflowId, args) });
    await recordAudit(tx, v, { entityType: "Inspection", entityId: workflowId, action: "SCHEDULE", changes: data, departmentId: unit.departmentId });
    return r;
  });
  try {
    await startWorkflow("inspectionWorkflow", workflowId, [args]);
  } catch (e) {
    await db.inspection.delete({ where: { id: row.id } });
    throw e;
  }
  return row;
}

function baseRow(workflowId: string, i: m.InspectionInput) {
  return {
    workflowId, title: i.title, inspectorId: i.inspectorId, inspectedDepartmentId: i.unit.departmentId, areaId: i.unit.areaId,
    taskCodes: i.taskCodes.join(","), scheduledFor: day(i.date), recurrence: i.recurrence, occurrence: i.occurrence, status: "SCHEDULED",
  };
}

async function inspectionFor(db: Db, workflowId: string) {
  const row = await db.inspection.findUnique({ where: { workflowId } });
  if (!row) throw notFound("督导检查", "Inspection", workflowId);
  return row;
}

/** Findings and verification: the inspection's own inspector, or the steering group. */
async function requireInspector(db: Db, viewer: Viewer | null, workflowId: string) {
  const row = await inspectionFor(db, workflowId);
  const v = requireRole(viewer, "INSPECTOR", "STEERING_GROUP");
  if (v.role === "INSPECTOR" && v.id !== row.inspectorId) throw forbidden("只有负责该检查的督查人员可以操作", "Only this inspection's inspector may do this");
  return v;
}

export async function addFinding(db: Db, viewer: Viewer | null, workflowId: string, input: unknown, now = new Date()) {
  const v = await requireInspector(db, viewer, workflowId);
  const data = parseInput(
    z.object({
      description: text(2000),
      severity: z.enum(keys(SEVERITIES), msg("未知的严重程度", "unknown severity")),
      requiresRectification: z.boolean(),
      deadline: dayString.refine(...notPast(now)).nullish(),
    }),
    input,
  );
  return update(workflowId, m.addFinding, { actorId: v.id, ...data });
}

export async function concludeFieldwork(db: Db, viewer: Viewer | null, workflowId: string) {
  const v = await requireInspector(db, viewer, workflowId);
  return update(workflowId, m.concludeFieldwork, { actorId: v.id });
}

export async function reportRectification(db: Db, viewer: Viewer | null, workflowId: string, ordinal: number, rectification: string) {
  const row = await inspectionFor(db, workflowId);
  let v = requireViewer(viewer);
  if (row.inspectedDepartmentId) v = requireDepartmentWriter(viewer, row.inspectedDepartmentId);
  else if (!(v.role === "STEERING_GROUP" || (v.role === "AREA_IMPLEMENTER" && v.areaId === row.areaId)))
    throw forbidden("只有被检查县区可以报送整改情况", "Only the inspected area may report its rectification");
  return update(workflowId, m.reportRectification, { actorId: v.id, ordinal, text: parseInput(text(5000), rectification) });
}

export async function verifyRectification(db: Db, viewer: Viewer | null, workflowId: string, input: unknown, now = new Date()) {
  const v = await requireInspector(db, viewer, workflowId);
  const data = parseInput(
    z.object({ ordinal: z.number().int().min(1), effective: z.boolean(), reason: text(1000).nullish(), newDeadline: dayString.refine(...notPast(now)).nullish() }),
    input,
  );
  return update(workflowId, m.verifyRectification, { actorId: v.id, ...data });
}

export function mirrorInspection(db: Db, step: Step, { input, state, waitingFor }: { input: m.InspectionInput; state: m.InspectionState; waitingFor: WaitingFor[] }) {
  return applyStep(db, step, async (tx, fresh) => {
    const data = {
      status: state.status, fieldworkConcludedAt: date(state.fieldworkConcludedAt), closedAt: date(state.closedAt),
      nextWorkflowId: state.nextWorkflowId ?? null, waitingFor: JSON.stringify(waitingFor), version: step.step,
    };
    const row = await tx.inspection.upsert({ where: { workflowId: step.workflowId }, create: { ...baseRow(step.workflowId, input), ...data }, update: {} });
    if (!fresh(row.version)) return;
    await tx.inspection.update({ where: { id: row.id }, data });
    await tx.inspectionFinding.deleteMany({ where: { inspectionId: row.id } });
    await tx.inspectionFinding.createMany({
      data: state.findings.map((f) => ({
        inspectionId: row.id, ordinal: f.ordinal, description: f.description, severity: f.severity, requiresRectification: f.requiresRectification,
        deadline: f.deadline ? day(f.deadline) : null, status: f.status, rectification: f.rectification ?? null, reportedAt: date(f.reportedAt),
        verifiedAt: date(f.verifiedAt), reopenCount: f.reopenCount, reopenReason: f.reopenReason ?? null, overdue: f.overdue, escalatedAt: date(f.escalatedAt),
      })),
    });
  });
}
