// 年度工作计划 in the API: read from SQL (mirrored by the workflow), written through the workflow's updates.
import { builder } from "../builder";
import { parseWaiting, WaitingForRef } from "./workflow";
import * as wp from "../../app/models/workflows/work-plan.server";

builder.prismaObject("AnnualWorkPlan", {
  description: "年度工作计划: a department's annual work plan, its review and its milestones",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    year: t.exposeInt("year"),
    department: t.relation("department"),
    dueDate: t.expose("dueDate", { type: "DateTime" }),
    status: t.exposeString("status", { description: "DRAFTING | SUBMITTED | RETURNED | APPROVED | COMPLETED" }),
    revision: t.exposeInt("revision"),
    returnReason: t.exposeString("returnReason", { nullable: true }),
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
    dueDate: t.expose("dueDate", { type: "DateTime" }),
    indicator: t.exposeString("indicator"),
    status: t.exposeString("status", { description: "OPEN | DONE" }),
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
    args: { year: t.arg.int(), departmentCode: t.arg.string() },
    resolve: (query, _r, a, ctx) =>
      ctx.db.annualWorkPlan.findMany({ ...query, where: { ...(a.year ? { year: a.year } : {}), ...(a.departmentCode ? { department: { code: a.departmentCode } } : {}) }, orderBy: { id: "asc" } }),
  }),
  workPlan: t.prismaField({
    type: "AnnualWorkPlan",
    nullable: true,
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: (query, _r, { workflowId }, ctx) => ctx.db.annualWorkPlan.findUnique({ ...query, where: { workflowId } }),
  }),
}));

const reload = (ctx: { db: import("../../app/utils/db.server").Db }, query: object, workflowId: string) =>
  ctx.db.annualWorkPlan.findUniqueOrThrow({ ...query, where: { workflowId } });

builder.mutationFields((t) => ({
  openWorkPlan: t.prismaField({
    type: "AnnualWorkPlan",
    authScopes: { steeringGroup: true },
    description: "Asks a department for its annual work plan by a due date (starts the workflow)",
    args: { departmentCode: t.arg.string({ required: true }), year: t.arg.int({ required: true }), dueDate: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => reload(ctx, query, (await wp.openWorkPlan(ctx.db, ctx.viewer, args)).workflowId),
  }),
  saveWorkPlanMilestones: t.prismaField({
    type: "AnnualWorkPlan",
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }), milestones: t.arg({ type: [MilestoneInput], required: true }) },
    resolve: async (query, _r, a, ctx) => (await wp.saveMilestones(ctx.db, ctx.viewer, a.workflowId, a.milestones), reload(ctx, query, a.workflowId)),
  }),
  submitWorkPlan: t.prismaField({
    type: "AnnualWorkPlan",
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) => (await wp.submitWorkPlan(ctx.db, ctx.viewer, a.workflowId), reload(ctx, query, a.workflowId)),
  }),
  reviewWorkPlan: t.prismaField({
    type: "AnnualWorkPlan",
    authScopes: { steeringGroup: true },
    description: "Approve, or return for revision with a reason",
    args: { workflowId: t.arg.string({ required: true }), approve: t.arg.boolean({ required: true }), reason: t.arg.string() },
    resolve: async (query, _r, a, ctx) => (await wp.reviewWorkPlan(ctx.db, ctx.viewer, a.workflowId, a), reload(ctx, query, a.workflowId)),
  }),
  completeMilestone: t.prismaField({
    type: "AnnualWorkPlan",
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }), ordinal: t.arg.int({ required: true }), note: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) => (await wp.completeMilestone(ctx.db, ctx.viewer, a.workflowId, a.ordinal, a.note), reload(ctx, query, a.workflowId)),
  }),
}));
