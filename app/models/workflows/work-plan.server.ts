// 年度工作计划: the rules the API applies before it asks the workflow (who may act, well-formed input), and the
// idempotent mirror of the workflow's state that the activities write.
import type { Db } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { AppError, notFound } from "../../utils/errors";
import { shanghaiDay } from "../../utils/time";
import { startWorkflow, update } from "../../utils/temporal.server";
import { isoDate, msg, optionalText, parseInput, text, z } from "../../utils/validation";
import { recordAudit } from "../audit.server";
import { requireDepartmentWriter, requireRole, type Viewer } from "../viewer";
import { workPlanWorkflowId } from "../../../workflows/ids";
import type { Step } from "../../../workflows/common/step";
import type { WaitingFor } from "../../../workflows/common/messages";
import * as m from "../../../workflows/work-plan/messages";
import { applyStep, date, day } from "./mirror.server";

const dayString = isoDate.transform((d) => shanghaiDay(d));
const notPast = (now: Date) => (d: string) => d >= shanghaiDay(now);
const pastMsg = msg("日期不能早于今天", "the date cannot be in the past");

export async function openWorkPlan(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const v = requireRole(viewer, "STEERING_GROUP");
  const data = parseInput(
    z.object({ departmentCode: z.string().max(40), year: z.number().int().min(2018).max(2100), dueDate: dayString.refine(notPast(now), pastMsg) }),
    input,
  );
  const dept = await db.department.findUnique({ where: { code: data.departmentCode } });
  if (!dept || dept.kind === "STEERING_GROUP") throw notFound("部门", "Department", data.departmentCode);
  const workflowId = workPlanWorkflowId(data.year, dept.code);
  if (await db.annualWorkPlan.findUnique({ where: { departmentId_year: { departmentId: dept.id, year: data.year } } }))
    throw new AppError("CONFLICT", `${dept.name}${data.year}年度工作计划已存在`, `${dept.nameEn} already has a ${data.year} work plan`);
  const plan = await db.$transaction(async (tx) => {
    const row = await tx.annualWorkPlan.create({
      data: { workflowId, departmentId: dept.id, year: data.year, dueDate: day(data.dueDate), status: "DRAFTING", openedAt: now },
    });
    await recordAudit(tx, v, { entityType: "AnnualWorkPlan", entityId: workflowId, action: "OPEN", changes: data, departmentId: dept.id });
    return row;
  });
  const args: m.WorkPlanInput = {
    year: data.year, departmentId: dept.id, departmentCode: dept.code, department: { zh: dept.name, en: dept.nameEn },
    dueDate: data.dueDate, leadDays: env.REMINDER_LEAD_DAYS, openedBy: v.id,
  };
  try {
    await startWorkflow("annualWorkPlanWorkflow", workflowId, [args]);
  } catch (e) {
    await db.annualWorkPlan.delete({ where: { id: plan.id } });
    throw e;
  }
  return plan;
}

async function planFor(db: Db, workflowId: string) {
  const plan = await db.annualWorkPlan.findUnique({ where: { workflowId } });
  if (!plan) throw notFound("年度工作计划", "Work plan", workflowId);
  return plan;
}

const milestoneSchema = z.object({
  taskCode: optionalText(10),
  what: text(500),
  responsibleUnit: text(100),
  dueDate: dayString,
  indicator: text(500),
});

export async function saveMilestones(db: Db, viewer: Viewer | null, workflowId: string, input: unknown, now = new Date()) {
  const plan = await planFor(db, workflowId);
  const v = requireDepartmentWriter(viewer, plan.departmentId);
  const milestones = parseInput(z.array(milestoneSchema).min(1, msg("至少一个节点", "at least one milestone")).max(100), input);
  if (milestones.some((x) => !notPast(now)(x.dueDate))) throw new AppError("BAD_INPUT", "节点完成时限不能早于今天", "A milestone cannot be due in the past");
  const codes = milestones.map((x) => x.taskCode).filter((c): c is string => !!c);
  const known = new Set((await db.task.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((t) => t.code));
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw notFound("任务", "Task", unknown);
  return update(workflowId, m.saveMilestones, { actorId: v.id, milestones });
}

export async function submitWorkPlan(db: Db, viewer: Viewer | null, workflowId: string) {
  const plan = await planFor(db, workflowId);
  const v = requireDepartmentWriter(viewer, plan.departmentId);
  return update(workflowId, m.submitWorkPlan, { actorId: v.id });
}

export async function reviewWorkPlan(db: Db, viewer: Viewer | null, workflowId: string, decision: { approve: boolean; reason?: string | null }) {
  await planFor(db, workflowId);
  const v = requireRole(viewer, "STEERING_GROUP");
  if (decision.approve) return update(workflowId, m.approveWorkPlan, { actorId: v.id });
  const reason = parseInput(text(1000), decision.reason ?? "");
  return update(workflowId, m.returnWorkPlan, { actorId: v.id, reason });
}

export async function completeMilestone(db: Db, viewer: Viewer | null, workflowId: string, ordinal: number, note: string) {
  const plan = await planFor(db, workflowId);
  const v = requireDepartmentWriter(viewer, plan.departmentId);
  return update(workflowId, m.completeMilestone, { actorId: v.id, ordinal, note: parseInput(text(1000), note) });
}

export interface WorkPlanSnapshot {
  input: m.WorkPlanInput;
  state: m.WorkPlanState;
  waitingFor: WaitingFor[];
}

/** The activity's write: the plan row and its milestones, replaced by a newer snapshot only. */
export function mirrorWorkPlan(db: Db, step: Step, { input, state, waitingFor }: WorkPlanSnapshot) {
  return applyStep(db, step, async (tx, fresh) => {
    const data = {
      status: state.status, revision: state.revision, returnReason: state.returnReason ?? null,
      submittedAt: date(state.submittedAt), approvedAt: date(state.approvedAt), escalatedAt: date(state.escalatedAt),
      completedAt: date(state.completedAt), waitingFor: JSON.stringify(waitingFor), version: step.step,
    };
    const row = await tx.annualWorkPlan.upsert({
      where: { workflowId: step.workflowId },
      create: { workflowId: step.workflowId, departmentId: input.departmentId, year: input.year, dueDate: day(input.dueDate), openedAt: new Date(step.at), ...data },
      update: {},
    });
    if (row.version !== 0 && !fresh(row.version)) return;
    await tx.annualWorkPlan.update({ where: { id: row.id }, data });
    await tx.planMilestone.deleteMany({ where: { planId: row.id } });
    await tx.planMilestone.createMany({
      data: state.milestones.map((x) => ({
        planId: row.id, ordinal: x.ordinal, taskCode: x.taskCode ?? null, what: x.what, responsibleUnit: x.responsibleUnit,
        dueDate: day(x.dueDate), indicator: x.indicator, status: x.status, overdue: x.overdue, remindedAt: date(x.remindedAt),
        escalatedAt: date(x.escalatedAt), completedAt: date(x.completedAt), completionNote: x.completionNote ?? null,
      })),
    });
  });
}
