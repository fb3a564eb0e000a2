// 年度工作计划: opening a plan, the steps people take (shape checked here, then the process's own rules, the same the
// workflow applies, before Temporal is asked), and the idempotent mirror of the workflow's state.
import type { Db } from "../../utils/db.server";
import { env } from "../../utils/env.server";
import { AppError, notFound } from "../../utils/errors";
import { addDays, shanghaiDay } from "../../utils/time";
import { update } from "../../utils/temporal.server";
import {
  dayWithin,
  isoDate,
  optionalText,
  label,
  parseInput,
  PLAN_FIRST_YEAR,
  requirePlausible,
  unchanged,
  YEARS_AHEAD,
  z,
} from "../../utils/validation";
import type { AnnualWorkPlan, Department, PlanMilestone } from "../../../prisma/generated/client/client";
import { recordAuditFor } from "../audit.server";
import { requireRole, type Viewer } from "../viewer";
import { workPlanWorkflowId } from "../../../workflows/ids";
import type { Step } from "../../../workflows/common/step";
import type { WorkPlanSnapshot } from "../../../workflows/common/activity-types";
import * as m from "../../../workflows/work-plan/messages";
import * as p from "../../../workflows/work-plan/process";
import { applyStep, date, day, replaceWaiting } from "./mirror.server";
import { requireStep } from "./process-rules.server";
import { startProcess } from "./start.server";
import { calendarFor } from "../work-calendar.server";
import { effectiveDueDate } from "../../../workflows/common/working-days";

const dayString = isoDate.transform((d) => shanghaiDay(d));
const workPlanLabels = {
  "": label("工作节点", "milestone"),
  departmentCode: label("部门", "department"),
  year: label("年度", "year"),
  dueDate: label("截止日期", "due date"),
  taskCode: label("任务", "task"),
  what: label("工作内容", "what is to be done"),
  responsibleUnit: label("责任单位", "responsible unit"),
  indicator: label("衡量指标", "indicator"),
  reason: label("退回原因", "reason for returning"),
  note: label("完成说明", "note"),
};

export async function openWorkPlan(db: Db, viewer: Viewer | null, input: unknown, now = new Date()) {
  const v = requireRole(viewer, "STEERING_GROUP");
  const data = parseInput(
    z.object({ departmentCode: z.string().max(40), year: z.number().int(), dueDate: dayString }),
    input,
    workPlanLabels,
  );
  // A plan for a year still to come or under way (a year already over can have no milestone left), due by that
  // year's end and within a year from today.
  const today = shanghaiDay(now);
  const thisYear = Number(today.slice(0, 4));
  const firstYear = Math.max(PLAN_FIRST_YEAR, thisYear);
  requirePlausible([
    (data.year < firstYear || data.year > thisYear + YEARS_AHEAD) && {
      field: "year",
      label: workPlanLabels.year,
      zh: `应在${firstYear}年至${thisYear + YEARS_AHEAD}年之间（已结束的年度不能再要求编制计划）`,
      en: `must be between ${firstYear} and ${thisYear + YEARS_AHEAD} (a year already over can no longer be planned)`,
    },
  ]);
  const yearEnd = `${data.year}-12-31`;
  const inAYear = addDays(today, 365);
  const latest = yearEnd < inAYear ? yearEnd : inAYear;
  requirePlausible([dayWithin("dueDate", data.dueDate, today, latest, ["截止日期", "the due date"])]);
  const dept = await db.department.findUnique({ where: { code: data.departmentCode } });
  if (!dept || dept.kind === "STEERING_GROUP") throw notFound("部门", "Department", data.departmentCode);
  const workflowId = workPlanWorkflowId(data.year, dept.code);
  // The drafting deadline on a weekend or holiday moves to the next working day (顺延), and the plan keeps both; the
  // calendar reaches to the plan year's end so its milestones move too (docs/decisions/019).
  const calendar = calendarFor(yearEnd, now);
  const due = effectiveDueDate(calendar, data.dueDate);
  const args: m.WorkPlanInput = {
    year: data.year,
    departmentId: dept.id,
    departmentCode: dept.code,
    department: { zh: dept.name, en: dept.nameEn },
    dueDate: due.dueDate,
    ...(due.note ? { requestedDueDate: data.dueDate } : {}),
    leadDays: env.REMINDER_LEAD_DAYS,
    openedBy: v.id,
    calendar,
  };
  return startProcess({
    type: "annualWorkPlanWorkflow",
    workflowId,
    args: [args],
    conflict: new AppError(
      "CONFLICT",
      `${dept.name}${data.year}年度工作计划已存在`,
      `${dept.nameEn} already has a ${data.year} work plan`,
    ),
    find: () => db.annualWorkPlan.findUnique({ where: { workflowId } }),
  });
}

const PLAN_ROW = { department: true, milestones: { orderBy: { ordinal: "asc" } } } as const;
type PlanRow = AnnualWorkPlan & { department: Department; milestones: PlanMilestone[] };

/**
 * The plan's process state: as the workflow last mirrored it, or, for a plan mirrored before the state column existed,
 * rebuilt from its columns (so the rules and the actions a page offers work for it too).
 */
export function planState(row: PlanRow): p.WorkPlanState {
  if (row.state !== "{}") return JSON.parse(row.state) as p.WorkPlanState;
  const at = (d: Date | null) => d?.toISOString();
  return {
    year: row.year,
    departmentId: row.departmentId,
    departmentCode: row.department.code,
    department: { zh: row.department.name, en: row.department.nameEn },
    dueDate: shanghaiDay(row.dueDate),
    status: row.status as p.WorkPlanStatus,
    revision: row.revision,
    returnReason: row.returnReason ?? undefined,
    returns: [],
    submittedAt: at(row.submittedAt),
    approvedAt: at(row.approvedAt),
    escalatedAt: at(row.escalatedAt),
    completedAt: at(row.completedAt),
    milestones: row.milestones.map((x) => ({
      ordinal: x.ordinal,
      taskCode: x.taskCode,
      what: x.what,
      responsibleUnit: x.responsibleUnit,
      dueDate: shanghaiDay(x.dueDate),
      indicator: x.indicator,
      status: x.status as p.MilestoneStatus,
      overdue: x.overdue,
      remindedAt: at(x.remindedAt),
      escalatedAt: at(x.escalatedAt),
      completedAt: at(x.completedAt),
      completionNote: x.completionNote ?? undefined,
    })),
  };
}

/** The day a milestone was entered with when it was moved to a working day, from the mirrored state; else null. */
export function milestoneRequestedDueDate(state: string, ordinal: number): string | null {
  if (state === "{}") return null;
  const plan = JSON.parse(state) as p.WorkPlanState;
  return plan.milestones.find((x) => x.ordinal === ordinal)?.requestedDueDate ?? null;
}

async function stateFor(db: Db, workflowId: string) {
  const row = await db.annualWorkPlan.findUnique({ where: { workflowId }, include: PLAN_ROW });
  if (!row) throw notFound("年度工作计划", "Work plan", workflowId);
  return planState(row);
}

// Shape only (types, lengths, control characters); what must be filled in and when a milestone may be due are the
// process's rules (workflows/work-plan/process.ts), which name each field by its label.
const blankable = (max: number) => optionalText(max, { multiline: true }).transform((v) => v ?? "");
const milestoneSchema = z.object({
  taskCode: optionalText(10),
  what: blankable(500),
  responsibleUnit: blankable(100),
  dueDate: z.string().max(10),
  indicator: blankable(500),
});

export async function saveMilestones(db: Db, viewer: Viewer | null, workflowId: string, raw: unknown) {
  const state = await stateFor(db, workflowId);
  const input = { milestones: parseInput(z.array(milestoneSchema).max(100), raw, workPlanLabels) };
  const actor = await requireStep(p.WORK_PLAN_STEPS.SAVE_MILESTONES, state, viewer, input);
  // The milestones as they already are: nothing to save, and nothing in the activity log (docs/decisions/012).
  // A milestone moved to a working day compares by the day as entered (docs/decisions/019).
  const fields = ({ taskCode, what, responsibleUnit, dueDate, indicator }: p.MilestoneInput) =>
    JSON.stringify([taskCode ?? null, what, responsibleUnit, dueDate, indicator]);
  const asEntered = state.milestones.map((x) => ({ ...x, dueDate: x.requestedDueDate ?? x.dueDate }));
  if (input.milestones.map(fields).join() === asEntered.map(fields).join()) throw unchanged("工作节点", "milestones");
  const codes = input.milestones.map((x) => x.taskCode).filter((c): c is string => !!c);
  const known = new Set(
    (await db.task.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((t) => t.code),
  );
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw notFound("任务", "Task", unknown);
  return update(workflowId, m.saveMilestones, { actor, ...input });
}

export async function submitWorkPlan(db: Db, viewer: Viewer | null, workflowId: string) {
  const state = await stateFor(db, workflowId);
  const actor = await requireStep(p.WORK_PLAN_STEPS.SUBMIT, state, viewer, {});
  return update(workflowId, m.submitWorkPlan, { actor });
}

/** The steering group's review: approve, or return with a reason. */
export async function reviewWorkPlan(
  db: Db,
  viewer: Viewer | null,
  workflowId: string,
  decision: { approve: boolean; reason?: string | null },
) {
  const state = await stateFor(db, workflowId);
  if (decision.approve) {
    const actor = await requireStep(p.WORK_PLAN_STEPS.APPROVE, state, viewer, {});
    return update(workflowId, m.approveWorkPlan, { actor });
  }
  const input = {
    reason: parseInput(z.object({ reason: blankable(1000) }), { reason: decision.reason ?? "" }, workPlanLabels).reason,
  };
  const actor = await requireStep(p.WORK_PLAN_STEPS.RETURN, state, viewer, input);
  return update(workflowId, m.returnWorkPlan, { actor, ...input });
}

export async function completeMilestone(
  db: Db,
  viewer: Viewer | null,
  workflowId: string,
  ordinal: number,
  note: string,
) {
  const state = await stateFor(db, workflowId);
  const input = { ordinal, note: parseInput(z.object({ note: blankable(1000) }), { note }, workPlanLabels).note };
  const actor = await requireStep(p.WORK_PLAN_STEPS.COMPLETE_MILESTONE, state, viewer, input);
  return update(workflowId, m.completeMilestone, { actor, ...input });
}

/** The activity's write: the plan row, its milestones and what it waits for, replaced by a newer snapshot only. */
export function mirrorWorkPlan(db: Db, step: Step, { input, state, waitingFor }: WorkPlanSnapshot) {
  return applyStep(db, step, async (tx, fresh) => {
    const data = {
      status: state.status,
      revision: state.revision,
      returnReason: state.returnReason ?? null,
      submittedAt: date(state.submittedAt),
      approvedAt: date(state.approvedAt),
      escalatedAt: date(state.escalatedAt),
      completedAt: date(state.completedAt),
      waitingFor: JSON.stringify(waitingFor),
      state: JSON.stringify(state),
      version: step.step,
    };
    const found = await tx.annualWorkPlan.findUnique({
      where: { workflowId: step.workflowId },
      select: { id: true, version: true },
    });
    if (found && !fresh(found.version)) return;
    const row = found
      ? await tx.annualWorkPlan.update({ where: { id: found.id }, data })
      : await tx.annualWorkPlan.create({
          data: {
            workflowId: step.workflowId,
            departmentId: input.departmentId,
            year: input.year,
            dueDate: day(input.dueDate),
            openedAt: new Date(step.at),
            ...data,
          },
        });
    await tx.planMilestone.deleteMany({ where: { planId: row.id } });
    await tx.planMilestone.createMany({
      data: state.milestones.map((x) => ({
        planId: row.id,
        ordinal: x.ordinal,
        taskCode: x.taskCode ?? null,
        what: x.what,
        responsibleUnit: x.responsibleUnit,
        dueDate: day(x.dueDate),
        indicator: x.indicator,
        status: x.status,
        overdue: x.overdue,
        remindedAt: date(x.remindedAt),
        escalatedAt: date(x.escalatedAt),
        completedAt: date(x.completedAt),
        completionNote: x.completionNote ?? null,
      })),
    });
    await replaceWaiting(tx, step.workflowId, "WORK_PLAN", p.title(state), waitingFor);
    // The workflow's first step creates the plan; its change-history entry goes with it, in this transaction.
    if (step.kind === "OPEN")
      await recordAuditFor(tx, input.openedBy, {
        entityType: "AnnualWorkPlan",
        entityId: step.workflowId,
        action: "OPEN",
        departmentId: input.departmentId,
        changes: {
          departmentCode: input.departmentCode,
          year: input.year,
          dueDate: input.dueDate,
          ...(input.requestedDueDate ? { requestedDueDate: input.requestedDueDate } : {}),
        },
      });
  });
}
