// 专项督导检查 in the API: inspections and their findings, with what each viewer may do on them now (the process's own
// rules, workflows/inspection/process.ts), statuses as enums of the process's vocabulary, and names in words.
import { builder } from "../builder";
import type { Db } from "../../app/utils/db.server";
import { shanghaiDay } from "../../app/utils/time";
import { parseWaiting, WaitingForRef } from "./workflow";
import * as ins from "../../app/models/workflows/inspection.server";
import { inspectionWhere, requireReadable } from "../../app/models/read-policy.server";
import { actionsFor } from "../../app/models/workflows/process-rules.server";
import * as p from "../../workflows/inspection/process";
import { labelled, SeverityEnum } from "./enums";
import { actionType, BilingualRef, stepEnum } from "./process";
import { dueDateNote, dueDateWarning } from "../../app/models/work-calendar.server";

export const InspectionStatusEnum = labelled("InspectionStatus", p.INSPECTION_STATUSES, "Where an inspection stands");
const FindingStatusEnum = labelled("FindingStatus", p.FINDING_STATUSES, "Where a finding's rectification stands");
const RecurrenceEnum = labelled("Recurrence", p.RECURRENCES, "How often an inspection repeats");
const InspectionStepEnum = stepEnum("InspectionStep", p.INSPECTION_STEPS, "A step people take on an inspection");
const FindingStepEnum = stepEnum("FindingStep", p.FINDING_STEPS, "A step people take on one finding");
const InspectionActionRef = actionType("InspectionAction", InspectionStepEnum);
const FindingActionRef = actionType("FindingAction", FindingStepEnum);

/** The mirrored process state, or null for a row written without its workflow. */
const stateOf = (row: { state: string }) => (row.state === "{}" ? null : (JSON.parse(row.state) as p.InspectionState));
const unitName = (u: { name: string; nameEn: string } | null) => ({ zh: u?.name ?? "", en: u?.nameEn ?? "" });
const NAMES = { select: { name: true, nameEn: true } } as const;

builder.prismaObject("Inspection", {
  description: "专项督导检查: a supervisory inspection of a department or a county-level area",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    title: t.exposeString("title", { description: "The subject given when it was scheduled" }),
    heading: t.field({
      type: BilingualRef,
      description:
        "The inspection in people's words: its day and the inspected unit (2026-12-10 对市环保局的专项督导检查)",
      select: { scheduledFor: true, inspectedDepartment: NAMES, area: NAMES },
      resolve: (i) =>
        p.title({ date: shanghaiDay(i.scheduledFor), unit: { name: unitName(i.inspectedDepartment ?? i.area) } }),
    }),
    actions: t.field({
      type: [InspectionActionRef],
      description: "What the viewer may do on this inspection now, or later with the reason (the process's own rules)",
      resolve: (i, _a, ctx) => actionsFor(p.INSPECTION_STEPS, i.state, ctx.viewer),
    }),
    inspectorId: t.exposeInt("inspectorId"),
    inspectedDepartment: t.relation("inspectedDepartment", { nullable: true }),
    area: t.relation("area", { nullable: true }),
    taskCodes: t.stringList({ resolve: (r) => r.taskCodes.split(",") }),
    scheduledFor: t.expose("scheduledFor", { type: "DateTime" }),
    recurrence: t.field({ type: RecurrenceEnum, resolve: (i) => i.recurrence as keyof typeof p.RECURRENCES }),
    occurrence: t.exposeInt("occurrence"),
    series: t.field({
      type: BilingualRef,
      nullable: true,
      description: "A recurring schedule in words (每季度一次，第1次，至2027-12-31); null for a single inspection",
      resolve: (i) => {
        const state = stateOf(i);
        return state ? p.seriesOf(state) : null;
      },
    }),
    laterDates: t.stringList({
      description: "The days (YYYY-MM-DD) of the recurring schedule after this inspection, to its end",
      resolve: (i) => {
        const state = stateOf(i);
        return state ? p.laterDates(state) : [];
      },
    }),
    status: t.field({ type: InspectionStatusEnum, resolve: (i) => i.status as p.InspectionStatus }),
    fieldworkConcludedAt: t.expose("fieldworkConcludedAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    nextWorkflowId: t.exposeString("nextWorkflowId", {
      nullable: true,
      description: "The next inspection of a recurring schedule, once started (on this inspection's day)",
    }),
    waitingFor: t.field({ type: [WaitingForRef], resolve: parseWaiting }),
    findings: t.relation("findings", { query: { orderBy: { ordinal: "asc" } } }),
  }),
});

builder.prismaObject("InspectionFinding", {
  fields: (t) => ({
    ordinal: t.exposeInt("ordinal"),
    label: t.field({
      type: BilingualRef,
      description: "The finding's name: 问题1（严重） / Finding 1 (High)",
      resolve: (f) => p.findingLabel({ ordinal: f.ordinal, severity: f.severity as p.Severity }),
    }),
    description: t.exposeString("description"),
    severity: t.field({ type: SeverityEnum, resolve: (f) => f.severity as p.Severity }),
    requiresRectification: t.exposeBoolean("requiresRectification"),
    deadline: t.expose("deadline", {
      type: "DateTime",
      nullable: true,
      description:
        "整改期限: a working day for inspections scheduled with a calendar (moved there when entered on none)",
    }),
    deadlineNote: t.field({
      type: BilingualRef,
      nullable: true,
      description: "原定2027-10-01为节假日，顺延至2027-10-08 / …: why the deadline differs from the one entered",
      select: { inspection: { select: { state: true } } },
      resolve: (f) =>
        f.deadline ? dueDateNote(ins.findingRequestedDeadline(f.inspection.state, f.ordinal), f.deadline) : null,
    }),
    deadlineWarning: t.field({
      type: BilingualRef,
      nullable: true,
      description: "Set when the deadline's year has no published holiday schedule yet (weekends only were counted)",
      resolve: (f) => (f.deadline && f.status !== "CLOSED" ? dueDateWarning(f.deadline) : null),
    }),
    status: t.field({ type: FindingStatusEnum, resolve: (f) => f.status as p.FindingStatus }),
    actions: t.field({
      type: [FindingActionRef],
      description: "What the viewer may do on this finding now, or later with the reason (the process's own rules)",
      select: { inspection: { select: { state: true } } },
      resolve: (f, _a, ctx) => ins.findingActions(f.inspection.state, f.ordinal, ctx.viewer),
    }),
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
    args: { status: t.arg({ type: InspectionStatusEnum }) },
    resolve: (query, _r, a, ctx) =>
      ctx.db.inspection.findMany({
        ...query,
        where: { AND: [a.status ? { status: a.status } : {}, inspectionWhere(ctx.viewer)] },
        orderBy: { scheduledFor: "asc" },
      }),
  }),
  inspection: t.prismaField({
    type: "Inspection",
    nullable: true,
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: async (query, _r, { workflowId }, ctx) =>
      (await requireReadable(ctx.db, ctx.viewer, "inspection", workflowId))
        ? ctx.db.inspection.findUnique({ ...query, where: { workflowId } })
        : null,
  }),
}));

const reload = (db: Db, query: object, workflowId: string) =>
  db.inspection.findUniqueOrThrow({ ...query, where: { workflowId } });

builder.mutationFields((t) => ({
  scheduleInspection: t.prismaField({
    type: "Inspection",
    authScopes: { inspector: true, steeringGroup: true },
    description:
      "Schedules an inspection of a department (departmentCode) or an area (areaCode); recurrence NONE, MONTHLY or QUARTERLY until repeatUntil",
    args: {
      title: t.arg.string({ required: true }),
      departmentCode: t.arg.string(),
      areaCode: t.arg.string(),
      taskCodes: t.arg.stringList({ required: true }),
      date: t.arg.string({ required: true }),
      recurrence: t.arg.string(),
      repeatUntil: t.arg.string(),
    },
    resolve: async (query, _r, a, ctx) =>
      reload(
        ctx.db,
        query,
        (await ins.scheduleInspection(ctx.db, ctx.viewer, { ...a, recurrence: a.recurrence ?? undefined })).workflowId,
      ),
  }),
  addInspectionFinding: t.prismaField({
    type: "Inspection",
    authScopes: { inspector: true, steeringGroup: true },
    args: {
      workflowId: t.arg.string({ required: true }),
      description: t.arg.string({ required: true }),
      severity: t.arg.string({ required: true }),
      requiresRectification: t.arg.boolean({ required: true }),
      deadline: t.arg.string({ description: "YYYY-MM-DD" }),
    },
    resolve: async (query, _r, { workflowId, ...a }, ctx) => (
      await ins.addFinding(ctx.db, ctx.viewer, workflowId, a),
      reload(ctx.db, query, workflowId)
    ),
  }),
  concludeInspectionFieldwork: t.prismaField({
    type: "Inspection",
    authScopes: { inspector: true, steeringGroup: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: async (query, _r, { workflowId }, ctx) => (
      await ins.concludeFieldwork(ctx.db, ctx.viewer, workflowId),
      reload(ctx.db, query, workflowId)
    ),
  }),
  reportRectification: t.prismaField({
    type: "Inspection",
    authScopes: { signedIn: true },
    args: {
      workflowId: t.arg.string({ required: true }),
      ordinal: t.arg.int({ required: true }),
      rectification: t.arg.string({ required: true }),
    },
    resolve: async (query, _r, a, ctx) => (
      await ins.reportRectification(ctx.db, ctx.viewer, a.workflowId, a.ordinal, a.rectification),
      reload(ctx.db, query, a.workflowId)
    ),
  }),
  verifyRectification: t.prismaField({
    type: "Inspection",
    authScopes: { inspector: true, steeringGroup: true },
    description:
      "Verify a reported rectification as effective (closes the finding) or reopen it with a reason and a new deadline",
    args: {
      workflowId: t.arg.string({ required: true }),
      ordinal: t.arg.int({ required: true }),
      effective: t.arg.boolean({ required: true }),
      reason: t.arg.string(),
      newDeadline: t.arg.string(),
    },
    resolve: async (query, _r, { workflowId, ...a }, ctx) => (
      await ins.verifyRectification(ctx.db, ctx.viewer, workflowId, a),
      reload(ctx.db, query, workflowId)
    ),
  }),
}));
