// 定期报送推进落实情况 in the API: cycles and their progress reports, read from SQL, written through the workflows.
import { builder } from "../builder";
import type { Db } from "../../app/utils/db.server";
import { parseWaiting, WaitingForRef } from "./workflow";
import * as rp from "../../app/models/workflows/reporting.server";

builder.prismaObject("ReportingCycle", {
  description: "定期报送: one reporting period, fanned out to every task and lead department",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    period: t.exposeString("period"),
    dueDate: t.expose("dueDate", { type: "DateTime" }),
    status: t.exposeString("status", { description: "OPEN | CLOSED" }),
    openedAt: t.expose("openedAt", { type: "DateTime" }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    reportCount: t.exposeInt("reportCount"),
    consolidatedReport: t.exposeString("consolidatedReport", { nullable: true }),
    reports: t.relation("reports", {
      args: { status: t.arg.string(), departmentCode: t.arg.string() },
      query: (a) => ({
        where: { ...(a.status ? { status: a.status } : {}), ...(a.departmentCode ? { department: { code: a.departmentCode } } : {}) },
        orderBy: [{ taskId: "asc" }, { departmentId: "asc" }],
      }),
    }),
  }),
});

builder.prismaObject("ProgressReport", {
  description: "One task's progress report by one lead department, with its supporting departments' input",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    cycle: t.relation("cycle"),
    task: t.relation("task"),
    department: t.relation("department", { description: "The lead department that reports" }),
    status: t.exposeString("status", { description: "PENDING | SUBMITTED | RETURNED | ACCEPTED" }),
    progress: t.exposeString("progress", { nullable: true }),
    taskStatus: t.exposeString("taskStatus", { nullable: true }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    draftSavedAt: t.expose("draftSavedAt", { type: "DateTime", nullable: true }),
    late: t.exposeBoolean("late", { description: "Submitted after the due date" }),
    overdue: t.exposeBoolean("overdue", { description: "The due date passed without a submission and it was escalated" }),
    returnReason: t.exposeString("returnReason", { nullable: true }),
    returnCount: t.exposeInt("returnCount"),
    acceptedAt: t.expose("acceptedAt", { type: "DateTime", nullable: true }),
    remindedAt: t.expose("remindedAt", { type: "DateTime", nullable: true }),
    escalatedAt: t.expose("escalatedAt", { type: "DateTime", nullable: true }),
    waitingFor: t.field({ type: [WaitingForRef], resolve: parseWaiting }),
    contributions: t.relation("contributions", { query: { orderBy: { departmentId: "asc" } } }),
  }),
});

builder.prismaObject("ReportContribution", {
  fields: (t) => ({
    department: t.relation("department"),
    text: t.exposeString("text"),
    at: t.expose("at", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  reportingCycles: t.prismaField({
    type: ["ReportingCycle"],
    authScopes: { signedIn: true },
    resolve: (query, _r, _a, ctx) => ctx.db.reportingCycle.findMany({ ...query, orderBy: { id: "desc" } }),
  }),
  reportingCycle: t.prismaField({
    type: "ReportingCycle",
    nullable: true,
    authScopes: { signedIn: true },
    args: { period: t.arg.string({ required: true }) },
    resolve: (query, _r, { period }, ctx) => ctx.db.reportingCycle.findUnique({ ...query, where: { period } }),
  }),
  progressReport: t.prismaField({
    type: "ProgressReport",
    nullable: true,
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: (query, _r, { workflowId }, ctx) => ctx.db.progressReport.findUnique({ ...query, where: { workflowId } }),
  }),
}));

const reload = (db: Db, query: object, workflowId: string) => db.progressReport.findUniqueOrThrow({ ...query, where: { workflowId } });

builder.mutationFields((t) => ({
  openReportingCycle: t.prismaField({
    type: "ReportingCycle",
    authScopes: { steeringGroup: true },
    description: "Opens a reporting cycle: one report per task and lead department, due on dueDate (YYYY-MM-DD)",
    args: { period: t.arg.string({ required: true }), dueDate: t.arg.string({ required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const c = await rp.openReportingCycle(ctx.db, ctx.viewer, args);
      return ctx.db.reportingCycle.findUniqueOrThrow({ ...query, where: { id: c.id } });
    },
  }),
  contributeToReport: t.prismaField({
    type: "ProgressReport",
    authScopes: { signedIn: true },
    description: "A supporting department's input to the lead department's report (departmentCode defaults to your own)",
    args: { workflowId: t.arg.string({ required: true }), text: t.arg.string({ required: true }), departmentCode: t.arg.string() },
    resolve: async (query, _r, a, ctx) => (await rp.contributeToReport(ctx.db, ctx.viewer, a.workflowId, a), reload(ctx.db, query, a.workflowId)),
  }),
  saveProgressReportDraft: t.prismaField({
    type: "ProgressReport",
    authScopes: { signedIn: true },
    description: "The lead department saves its report without submitting it",
    args: { workflowId: t.arg.string({ required: true }), progress: t.arg.string({ required: true }), taskStatus: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) => (await rp.saveReportDraft(ctx.db, ctx.viewer, a.workflowId, a), reload(ctx.db, query, a.workflowId)),
  }),
  submitProgressReport: t.prismaField({
    type: "ProgressReport",
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }), progress: t.arg.string({ required: true }), taskStatus: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) => (await rp.submitReport(ctx.db, ctx.viewer, a.workflowId, a), reload(ctx.db, query, a.workflowId)),
  }),
  reviewProgressReport: t.prismaField({
    type: "ProgressReport",
    authScopes: { steeringGroup: true },
    description: "Accept, or return with a reason",
    args: { workflowId: t.arg.string({ required: true }), accept: t.arg.boolean({ required: true }), reason: t.arg.string() },
    resolve: async (query, _r, a, ctx) => (await rp.reviewReport(ctx.db, ctx.viewer, a.workflowId, a), reload(ctx.db, query, a.workflowId)),
  }),
}));
