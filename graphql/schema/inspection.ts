// 专项督导检查 in the API.
import { builder } from "../builder";
import type { Db } from "../../app/utils/db.server";
import { parseWaiting, WaitingForRef } from "./workflow";
import * as ins from "../../app/models/workflows/inspection.server";

builder.prismaObject("Inspection", {
  description: "专项督导检查: a supervisory inspection of a department or a county-level area",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    title: t.exposeString("title"),
    inspectorId: t.exposeInt("inspectorId"),
    inspectedDepartment: t.relation("inspectedDepartment", { nullable: true }),
    area: t.relation("area", { nullable: true }),
    taskCodes: t.stringList({ resolve: (r) => r.taskCodes.split(",") }),
    scheduledFor: t.expose("scheduledFor", { type: "DateTime" }),
    recurrence: t.exposeString("recurrence"),
    occurrence: t.exposeInt("occurrence"),
    status: t.exposeString("status", { description: "SCHEDULED | IN_PROGRESS | RECTIFYING | CLOSED" }),
    fieldworkConcludedAt: t.expose("fieldworkConcludedAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    nextWorkflowId: t.exposeString("nextWorkflowId", { nullable: true, description: "The next inspection of a recurring schedule" }),
    waitingFor: t.field({ type: [WaitingForRef], resolve: parseWaiting }),
    findings: t.relation("findings", { query: { orderBy: { ordinal: "asc" } } }),
  }),
});

builder.prismaObject("InspectionFinding", {
  fields: (t) => ({
    ordinal: t.exposeInt("ordinal"),
    description: t.exposeString("description"),
    severity: t.exposeString("severity"),
    requiresRectification: t.exposeBoolean("requiresRectification"),
    deadline: t.expose("deadline", { type: "DateTime", nullable: true }),
    status: t.exposeString("status", { description: "OPEN | RECTIFICATION_REPORTED | REOPENED | CLOSED" }),
    rectification: t.exposeString("rectification", { nullable: true }),
    reportedAt: t.expose("reportedAt", { type: "DateTime", nullable: true }),
    verifiedAt: t.expose("verifiedAt", { type: "DateTime", nullable: true }),
    reopenCount: t.exposeInt("reopenCount"),
    reopenReason: t.exposeString("reopenReason", { nullable: true }),
    overdue: t.exposeBoolean("overdue"),
    escalatedAt: t.expose("escalatedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.queryFields((t) => ({
  inspections: t.prismaField({
    type: ["Inspection"],
    authScopes: { signedIn: true },
    args: { status: t.arg.string() },
    resolve: (query, _r, a, ctx) => ctx.db.inspection.findMany({ ...query, where: a.status ? { status: a.status } : {}, orderBy: { scheduledFor: "asc" } }),
  }),
  inspection: t.prismaField({
    type: "Inspection",
    nullable: true,
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: (query, _r, { workflowId }, ctx) => ctx.db.inspection.findUnique({ ...query, where: { workflowId } }),
  }),
}));

const reload = (db: Db, query: object, workflowId: string) => db.inspection.findUniqueOrThrow({ ...query, where: { workflowId } });

builder.mutationFields((t) => ({
  scheduleInspection: t.prismaField({
    type: "Inspection",
    authScopes: { inspector: true, steeringGroup: true },
    description: "Schedules an inspection of a department (departmentCode) or an area (areaCode); recurrence NONE, MONTHLY or QUARTERLY until repeatUntil",
    args: {
      title: t.arg.string({ required: true }), departmentCode: t.arg.string(), areaCode: t.arg.string(),
      taskCodes: t.arg.stringList({ required: true }), date: t.arg.string({ required: true }),
      recurrence: t.arg.string(), repeatUntil: t.arg.string(),
    },
    resolve: async (query, _r, a, ctx) => reload(ctx.db, query, (await ins.scheduleInspection(ctx.db, ctx.viewer, { ...a, recurrence: a.recurrence ?? undefined })).workflowId),
  }),
  addInspectionFinding: t.prismaField({
    type: "Inspection",
    authScopes: { inspector: true, steeringGroup: true },
    args: {
      workflowId: t.arg.string({ required: true }), description: t.arg.string({ required: true }), severity: t.arg.string({ required: true }),
      requiresRectification: t.arg.boolean({ required: true }), deadline: t.arg.string({ description: "YYYY-MM-DD" }),
    },
    resolve: async (query, _r, { workflowId, ...a }, ctx) => (await ins.addFinding(ctx.db, ctx.viewer, workflowId, a), reload(ctx.db, query, workflowId)),
  }),
  concludeInspectionFieldwork: t.prismaField({
    type: "Inspection",
    authScopes: { inspector: true, steeringGroup: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: async (query, _r, { workflowId }, ctx) => (await ins.concludeFieldwork(ctx.db, ctx.viewer, workflowId), reload(ctx.db, query, workflowId)),
  }),
  reportRectification: t.prismaField({
    type: "Inspection",
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }), ordinal: t.arg.int({ required: true }), rectification: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) => (await ins.reportRectification(ctx.db, ctx.viewer, a.workflowId, a.ordinal, a.rectification), reload(ctx.db, query, a.workflowId)),
  }),
  verifyRectification: t.prismaField({
    type: "Inspection",
    authScopes: { inspector: true, steeringGroup: true },
    description: "Verify a reported rectification as effective (closes the finding) or reopen it with a reason and a new deadline",
    args: { workflowId: t.arg.string({ required: true }), ordinal: t.arg.int({ required: true }), effective: t.arg.boolean({ required: true }), reason: t.arg.string(), newDeadline: t.arg.string() },
    resolve: async (query, _r, { workflowId, ...a }, ctx) => (await ins.verifyRectification(ctx.db, ctx.viewer, workflowId, a), reload(ctx.db, query, workflowId)),
  }),
}));
