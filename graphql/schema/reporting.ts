// 定期报送推进落实情况 in the API: cycles and their progress reports, read from SQL, written through the workflows.
// Statuses are enums of the process's vocabulary; `actions` says what the viewer may do on a report now (the
// process's own rules, workflows/reporting/process.ts); `versions` keeps every submission and what changed.
import { builder } from "../builder";
import type { Db } from "../../app/utils/db.server";
import { parseWaiting, WaitingForRef } from "./workflow";
import * as rp from "../../app/models/workflows/reporting.server";
import { mayReadConsolidatedReport, reportWhere, requireReadable } from "../../app/models/read-policy.server";
import { actionsFor } from "../../app/models/workflows/process-rules.server";
import * as p from "../../workflows/reporting/process";
import { CYCLE_STATUSES, cycleTitle, type CycleStatus } from "../../workflows/reporting/cycle";
import { periodLabel } from "../../workflows/reporting/period";
import { labelled, TaskStatusEnum } from "./enums";
import { actionType, BilingualRef, stepEnum } from "./process";
import { ReportSupporterRef, ReportVersionRef, supportersOf, versionsOf } from "./report-versions";
import { dueDateNote, dueDateWarning } from "../../app/models/work-calendar.server";

export const ReportStatusEnum = labelled("ReportStatus", p.REPORT_STATUSES, "Where a progress report stands");
const CycleStatusEnum = labelled("CycleStatus", CYCLE_STATUSES, "Where a reporting cycle stands");
const ReportStepEnum = stepEnum("ReportStep", p.REPORT_STEPS, "A step people take on a progress report");
const ReportActionRef = actionType("ReportAction", ReportStepEnum);

builder.prismaObject("ReportingCycle", {
  description: "定期报送: one reporting period, fanned out to every task and lead department",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    period: t.exposeString("period", { description: "As written: 2027Q1, 2027H1, 2027M06 or 2027" }),
    periodLabel: t.field({
      type: BilingualRef,
      description: "The period in words: 2027年第一季度 / Q1 2027",
      resolve: (c) => periodLabel(c.period),
    }),
    title: t.field({
      type: BilingualRef,
      description: "2027年第一季度推进落实情况报送 / Q1 2027 progress reporting",
      resolve: (c) => cycleTitle(c.period),
    }),
    dueDate: t.expose("dueDate", { type: "DateTime", description: "A working day (moved there when entered on none)" }),
    requestedDueDate: t.expose("requestedDueDate", {
      type: "DateTime",
      nullable: true,
      description:
        "The due date as entered, when it fell on a weekend or holiday and was moved to the next working day",
    }),
    dueDateNote: t.field({
      type: BilingualRef,
      nullable: true,
      description: "原定2026-10-01为节假日，顺延至2026-10-08 / …: why the due date differs from the one entered",
      select: { requestedDueDate: true, dueDate: true },
      resolve: (c) => dueDateNote(c.requestedDueDate, c.dueDate),
    }),
    dueDateWarning: t.field({
      type: BilingualRef,
      nullable: true,
      description: "Set when the due date's year has no published holiday schedule yet (weekends only were counted)",
      select: { dueDate: true },
      resolve: (c) => dueDateWarning(c.dueDate),
    }),
    status: t.field({ type: CycleStatusEnum, resolve: (c) => c.status as CycleStatus }),
    openedAt: t.expose("openedAt", { type: "DateTime" }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    reportCount: t.exposeInt("reportCount"),
    consolidatedReport: t.string({
      nullable: true,
      description: "Every report as it stood at closing, drafts included: the steering group's (null for others)",
      resolve: (c, _a, ctx) => (mayReadConsolidatedReport(ctx.viewer) ? c.consolidatedReport : null),
    }),
    reports: t.relation("reports", {
      description:
        "The reports the viewer may read (under review: lead and supporting departments and the steering group)",
      args: { status: t.arg({ type: ReportStatusEnum }), departmentCode: t.arg.string() },
      query: (a, ctx) => ({
        where: {
          AND: [
            {
              ...(a.status ? { status: a.status } : {}),
              ...(a.departmentCode ? { department: { code: a.departmentCode } } : {}),
            },
            reportWhere(ctx.viewer),
          ],
        },
        orderBy: [{ taskId: "asc" }, { departmentId: "asc" }],
      }),
    }),
  }),
});

const NAMES = { select: { name: true, nameEn: true } } as const;

builder.prismaObject("ProgressReport", {
  description: "One task's progress report by one lead department, with its supporting departments' input",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    title: t.field({
      type: BilingualRef,
      description: "The report in words: 2027年第一季度 · 1.4 声环境质量监测 · 市环保局",
      select: {
        cycle: { select: { period: true } },
        task: { select: { code: true, title: true, titleEn: true } },
        department: NAMES,
      },
      resolve: (r) =>
        p.title({
          period: r.cycle.period,
          taskCode: r.task.code,
          taskTitle: { zh: r.task.title, en: r.task.titleEn },
          department: { zh: r.department.name, en: r.department.nameEn },
        }),
    }),
    actions: t.field({
      type: [ReportActionRef],
      description: "What the viewer may do on this report now, or later with the reason (the process's own rules)",
      resolve: (r, _a, ctx) => actionsFor(p.REPORT_STEPS, r.state, ctx.viewer),
    }),
    cycle: t.relation("cycle"),
    task: t.relation("task"),
    department: t.relation("department", { description: "The lead department that reports" }),
    status: t.field({ type: ReportStatusEnum, resolve: (r) => r.status as p.ReportStatus }),
    progress: t.exposeString("progress", {
      nullable: true,
      description: "The working text: the draft, or the last submitted (or returned) version",
    }),
    taskStatus: t.field({ type: TaskStatusEnum, nullable: true, resolve: (r) => r.taskStatus as never }),
    submittedAt: t.expose("submittedAt", { type: "DateTime", nullable: true }),
    draftSavedAt: t.expose("draftSavedAt", {
      type: "DateTime",
      nullable: true,
      description: "When a draft was saved since the last submission",
    }),
    late: t.exposeBoolean("late", { description: "Submitted after the due date" }),
    overdue: t.exposeBoolean("overdue", {
      description: "The due date passed without a submission and it was escalated",
    }),
    returnReason: t.exposeString("returnReason", { nullable: true }),
    returnCount: t.exposeInt("returnCount"),
    acceptedAt: t.expose("acceptedAt", { type: "DateTime", nullable: true }),
    remindedAt: t.expose("remindedAt", { type: "DateTime", nullable: true }),
    escalatedAt: t.expose("escalatedAt", { type: "DateTime", nullable: true }),
    waitingFor: t.field({ type: [WaitingForRef], resolve: parseWaiting }),
    contributions: t.relation("contributions", { query: { orderBy: { departmentId: "asc" } } }),
    supporters: t.field({
      type: [ReportSupporterRef],
      description: "The task's supporting departments, and whether each has contributed to this report",
      resolve: (r) => supportersOf(r.state),
    }),
    versions: t.field({
      type: [ReportVersionRef],
      description: "Every submitted version, oldest first, each with what changed since the one before",
      select: { versions: { orderBy: { version: "asc" } } },
      resolve: (r) => versionsOf(r.versions),
    }),
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
    description: "Null when there is none; FORBIDDEN when it is under review and not the viewer's to read",
    resolve: async (query, _r, { workflowId }, ctx) =>
      (await requireReadable(ctx.db, ctx.viewer, "report", workflowId))
        ? ctx.db.progressReport.findUnique({ ...query, where: { workflowId } })
        : null,
  }),
}));

const reload = (db: Db, query: object, workflowId: string) =>
  db.progressReport.findUniqueOrThrow({ ...query, where: { workflowId } });

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
    description: "A supporting department's own input to the lead department's report, while the report is open",
    args: { workflowId: t.arg.string({ required: true }), text: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) => (
      await rp.contributeToReport(ctx.db, ctx.viewer, a.workflowId, a),
      reload(ctx.db, query, a.workflowId)
    ),
  }),
  saveProgressReportDraft: t.prismaField({
    type: "ProgressReport",
    authScopes: { signedIn: true },
    description: "The lead department saves its report without submitting it",
    args: {
      workflowId: t.arg.string({ required: true }),
      progress: t.arg.string({ required: true }),
      taskStatus: t.arg.string({ required: true }),
    },
    resolve: async (query, _r, a, ctx) => (
      await rp.saveReportDraft(ctx.db, ctx.viewer, a.workflowId, a),
      reload(ctx.db, query, a.workflowId)
    ),
  }),
  submitProgressReport: t.prismaField({
    type: "ProgressReport",
    authScopes: { signedIn: true },
    description: "The lead department submits its report (a new version; late after the due date)",
    args: {
      workflowId: t.arg.string({ required: true }),
      progress: t.arg.string({ required: true }),
      taskStatus: t.arg.string({ required: true }),
    },
    resolve: async (query, _r, a, ctx) => (
      await rp.submitReport(ctx.db, ctx.viewer, a.workflowId, a),
      reload(ctx.db, query, a.workflowId)
    ),
  }),
  reviewProgressReport: t.prismaField({
    type: "ProgressReport",
    authScopes: { signedIn: true },
    description: "The steering group accepts a submitted report, or returns it with a reason",
    args: {
      workflowId: t.arg.string({ required: true }),
      accept: t.arg.boolean({ required: true }),
      reason: t.arg.string(),
    },
    resolve: async (query, _r, a, ctx) => (
      await rp.reviewReport(ctx.db, ctx.viewer, a.workflowId, a),
      reload(ctx.db, query, a.workflowId)
    ),
  }),
}));
