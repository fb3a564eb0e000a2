// 年度工作计划 in the API: read from SQL (mirrored by the workflow), written through the workflow's updates; statuses,
// steps and the actions a viewer may take come from the process module (workflows/work-plan/process.ts).
import { builder } from "../builder";
import { parseWaiting, WaitingForRef } from "./workflow";
import * as wp from "../../app/models/workflows/work-plan.server";
import { requireReadable, workPlanWhere } from "../../app/models/read-policy.server";
import { actionsFor } from "../../app/models/workflows/process-rules.server";
import * as p from "../../workflows/work-plan/process";
import { labelled } from "./enums";
import { actionType, BilingualRef, stepEnum } from "./process";
import { dueDateNote, dueDateWarning } from "../../app/models/work-calendar.server";

export const WorkPlanStatusEnum = labelled("WorkPlanStatus", p.WORK_PLAN_STATUSES, "Where an annual work plan stands");
const MilestoneStatusEnum = labelled("MilestoneStatus", p.MILESTONE_STATUSES, "Whether a plan's milestone is reached");
const WorkPlanStepEnum = stepEnum("WorkPlanStep", p.WORK_PLAN_STEPS, "A step people take on an annual work plan");
const WorkPlanActionRef = actionType("WorkPlanAction", WorkPlanStepEnum);

const PlanReturnRef = builder.objectRef<p.PlanReturn>("WorkPlanReturn").implement({
  description: "One return of a submitted plan: which revision, why, when",
  fields: (t) => ({
    revision: t.exposeInt("revision", { description: "The submitted revision that was returned" }),
    reason: t.exposeString("reason"),
    returnedAt: t.field({ type: "DateTime", resolve: (r) => new Date(r.at) }),
  }),
});

/** What planState needs to read a plan's rules state (rebuilt from the columns for a plan mirrored before it). */
const STATE_SELECT = { department: true, milestones: { orderBy: { ordinal: "asc" } } } as const;

builder.prismaObject("AnnualWorkPlan", {
  description: "年度工作计划: a department's annual work plan, its review and its milestones",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    title: t.field({
      type: BilingualRef,
      description: "The plan's name in people's words: department and year",
      select: { year: true, department: { select: { name: true, nameEn: true } } },
      resolve: (plan) =>
        p.title({ year: plan.year, department: { zh: plan.department.name, en: plan.department.nameEn } }),
    }),
    year: t.exposeInt("year"),
    department: t.relation("department"),
    dueDate: t.expose("dueDate", { type: "DateTime", description: "A working day (moved there when entered on none)" }),
    requestedDueDate: t.string({
      nullable: true,
      description: "YYYY-MM-DD as entered, when it fell on a weekend or holiday and was moved to the next working day",
      select: STATE_SELECT,
      resolve: (plan) => wp.planState(plan).requestedDueDate ?? null,
    }),
    dueDateNote: t.field({
      type: BilingualRef,
      nullable: true,
      description: "原定2027-10-01为节假日，顺延至2027-10-08 / …: why the due date differs from the one entered",
      select: STATE_SELECT,
      resolve: (plan) => dueDateNote(wp.planState(plan).requestedDueDate, plan.dueDate),
    }),
    dueDateWarning: t.field({
      type: BilingualRef,
      nullable: true,
      description: "Set when the due date's year has no published holiday schedule yet (weekends only were counted)",
      resolve: (plan) => dueDateWarning(plan.dueDate),
    }),
    status: t.field({ type: WorkPlanStatusEnum, resolve: (plan) => plan.status as p.WorkPlanStatus }),
    actions: t.field({
      type: [WorkPlanActionRef],
      description: "What the viewer may do on this plan now, or later with the reason (the process's own rules)",
      select: STATE_SELECT,
      resolve: (plan, _a, ctx) => actionsFor(p.WORK_PLAN_STEPS, JSON.stringify(wp.planState(plan)), ctx.viewer),
    }),
    revision: t.exposeInt("revision", { description: "How many times the plan was submitted" }),
    returnReason: t.exposeString("returnReason", { nullable: true, description: "The latest return's reason" }),
    returns: t.field({
      type: [PlanReturnRef],
      description: "Every return of the plan, oldest first: the reasons stay visible after resubmission",
      select: STATE_SELECT,
      resolve: (plan) => wp.planState(plan).returns,
    }),
    openedAt: t.expose("openedAt", { type: "DateTime" }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    approvedAt: t.expose("approvedAt", { type: "DateTime", nullable: true }),
    escalatedAt: t.expose("escalatedAt", { type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    waitingFor: t.field({ type: [WaitingForRef], resolve: parseWaiting }),
    milestones: t.relation("milestones", { query: { orderBy: { ordinal: "asc" } } }),
  }),
});

builder.prismaObject("PlanMilestone", {
  fields: (t) => ({
    ordinal: t.exposeInt("ordinal"),
    taskCode: t.exposeString("taskCode", { nullable: true }),
    what: t.exposeString("what"),
    responsibleUnit: t.exposeString("responsibleUnit"),
    dueDate: t.expose("dueDate", { type: "DateTime", description: "A working day for plans opened with a calendar" }),
    dueDateNote: t.field({
      type: BilingualRef,
      nullable: true,
      description: "Why the due date differs from the one entered (moved off a weekend or holiday)",
      select: { plan: { select: { state: true } } },
      resolve: (x) => dueDateNote(wp.milestoneRequestedDueDate(x.plan.state, x.ordinal), x.dueDate),
    }),
    dueDateWarning: t.field({
      type: BilingualRef,
      nullable: true,
      description: "Set when the due date's year has no published holiday schedule yet (weekends only were counted)",
      resolve: (x) => (x.status === "DONE" ? null : dueDateWarning(x.dueDate)),
    }),
    indicator: t.exposeString("indicator"),
    status: t.field({ type: MilestoneStatusEnum, resolve: (x) => x.status as p.MilestoneStatus }),
    overdue: t.exposeBoolean("overdue"),
    remindedAt: t.expose("remindedAt", { type: "DateTime", nullable: true }),
    escalatedAt: t.expose("escalatedAt", { type: "DateTime", nullable: true }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    completionNote: t.exposeString("completionNote", { nullable: true }),
  }),
});

const MilestoneInput = builder.inputType("MilestoneInput", {
  fields: (t) => ({
    taskCode: t.string(),
    what: t.string({ required: true }),
    responsibleUnit: t.string({ required: true }),
    dueDate: t.string({ required: true, description: "YYYY-MM-DD" }),
    indicator: t.string({ required: true, description: "How completion is measured" }),
  }),
});

builder.queryFields((t) => ({
  workPlans: t.prismaField({
    type: ["AnnualWorkPlan"],
    authScopes: { signedIn: true },
    args: { year: t.arg.int(), departmentCode: t.arg.string(), status: t.arg({ type: WorkPlanStatusEnum }) },
    resolve: (query, _r, a, ctx) =>
      ctx.db.annualWorkPlan.findMany({
        ...query,
        where: {
          AND: [
            {
              ...(a.year ? { year: a.year } : {}),
              ...(a.departmentCode ? { department: { code: a.departmentCode } } : {}),
              ...(a.status ? { status: a.status } : {}),
            },
            workPlanWhere(ctx.viewer),
          ],
        },
        orderBy: { id: "asc" },
      }),
  }),
  workPlan: t.prismaField({
    type: "AnnualWorkPlan",
    nullable: true,
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: async (query, _r, { workflowId }, ctx) =>
      (await requireReadable(ctx.db, ctx.viewer, "workPlan", workflowId))
        ? ctx.db.annualWorkPlan.findUnique({ ...query, where: { workflowId } })
        : null,
  }),
}));

const reload = (ctx: { db: import("../../app/utils/db.server").Db }, query: object, workflowId: string) =>
  ctx.db.annualWorkPlan.findUniqueOrThrow({ ...query, where: { workflowId } });

builder.mutationFields((t) => ({
  openWorkPlan: t.prismaField({
    type: "AnnualWorkPlan",
    authScopes: { steeringGroup: true },
    description: "Asks a department for its annual work plan by a due date (starts the workflow)",
    args: {
      departmentCode: t.arg.string({ required: true }),
      year: t.arg.int({ required: true }),
      dueDate: t.arg.string({ required: true }),
    },
    resolve: async (query, _r, args, ctx) =>
      reload(ctx, query, (await wp.openWorkPlan(ctx.db, ctx.viewer, args)).workflowId),
  }),
  saveWorkPlanMilestones: t.prismaField({
    type: "AnnualWorkPlan",
    authScopes: { signedIn: true },
    args: {
      workflowId: t.arg.string({ required: true }),
      milestones: t.arg({ type: [MilestoneInput], required: true }),
    },
    resolve: async (query, _r, a, ctx) => (
      await wp.saveMilestones(ctx.db, ctx.viewer, a.workflowId, a.milestones),
      reload(ctx, query, a.workflowId)
    ),
  }),
  submitWorkPlan: t.prismaField({
    type: "AnnualWorkPlan",
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) => (
      await wp.submitWorkPlan(ctx.db, ctx.viewer, a.workflowId),
      reload(ctx, query, a.workflowId)
    ),
  }),
  reviewWorkPlan: t.prismaField({
    type: "AnnualWorkPlan",
    authScopes: { steeringGroup: true },
    description: "Approve, or return for revision with a reason",
    args: {
      workflowId: t.arg.string({ required: true }),
      approve: t.arg.boolean({ required: true }),
      reason: t.arg.string(),
    },
    resolve: async (query, _r, a, ctx) => (
      await wp.reviewWorkPlan(ctx.db, ctx.viewer, a.workflowId, a),
      reload(ctx, query, a.workflowId)
    ),
  }),
  completeMilestone: t.prismaField({
    type: "AnnualWorkPlan",
    authScopes: { signedIn: true },
    args: {
      workflowId: t.arg.string({ required: true }),
      ordinal: t.arg.int({ required: true }),
      note: t.arg.string({ required: true }),
    },
    resolve: async (query, _r, a, ctx) => (
      await wp.completeMilestone(ctx.db, ctx.viewer, a.workflowId, a.ordinal, a.note),
      reload(ctx, query, a.workflowId)
    ),
  }),
}));
