import { builder } from "../builder";
import { targetProgress, type TargetProgress } from "../../app/models/target.server";
import { recordDutyFulfilment, setMilestoneAchieved } from "../../app/models/duty.server";

const ProgressStatusEnum = builder.enumType("ProgressStatus", {
  values: {
    MET: { description: "已达成 / Met" },
    ON_TRACK: { description: "推进中 / On track" },
    AT_RISK: { description: "有风险 / At risk" },
    NOT_MET: { description: "逾期未达成 / Past due, not met" },
  },
});

const Progress = builder.objectRef<TargetProgress>("TargetProgress").implement({
  description: "Live progress, computed from the registry and records",
  fields: (t) => ({
    value: t.exposeInt("value"),
    required: t.exposeInt("required"),
    percent: t.exposeFloat("percent"),
    status: t.field({ type: ProgressStatusEnum, resolve: (p) => p.status }),
    summaryZh: t.exposeString("summaryZh"),
    summaryEn: t.exposeString("summaryEn"),
  }),
});

builder.prismaObject("Target", {
  description: "A dated target or recurring duty the plan states",
  fields: (t) => ({
    code: t.exposeString("code"),
    title: t.exposeString("title"),
    titleEn: t.exposeString("titleEn"),
    clause: t.exposeString("clause", { description: "The plan's exact wording" }),
    dueDate: t.expose("dueDate", { type: "Date", nullable: true }),
    measure: t.exposeString("measure", { description: "COVERAGE | RECURRING | LINKAGE | MILESTONE" }),
    elements: t.stringList({ resolve: (x) => (x.elements ?? "").split(",").filter(Boolean) }),
    areaScope: t.exposeString("areaScope", { nullable: true }),
    automaticOnly: t.exposeBoolean("automaticOnly"),
    minPerArea: t.exposeInt("minPerArea", { nullable: true }),
    recurrence: t.exposeString("recurrence", { nullable: true }),
    minPerPeriod: t.exposeInt("minPerPeriod", { nullable: true }),
    achievedOn: t.expose("achievedOn", { type: "Date", nullable: true }),
    records: t.relation("records", {
      description: "Fulfilments of a recurring duty, newest first",
      query: { orderBy: { occurredOn: "desc" }, take: 100 },
    }),
    task: t.relation("task", { nullable: true }),
    responsibleDepartment: t.relation("responsibleDepartment", { nullable: true }),
    progress: t.field({
      type: Progress,
      // One computation for every target in the response (no per-target queries for coverage).
      resolve: async (target, _args, ctx) => {
        const cache = ctx as unknown as { __progress?: Promise<Map<number, TargetProgress>> };
        cache.__progress ??= ctx.db.target.findMany().then((all) => targetProgress(ctx.db, all));
        return (await cache.__progress).get(target.id)!;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  targets: t.prismaField({
    type: ["Target"],
    description: "Every target and recurring duty, with live progress (public)",
    args: { measure: t.arg.string() },
    resolve: (query, _root, { measure }, ctx) =>
      ctx.db.target.findMany({ ...query, where: measure ? { measure } : {}, orderBy: { id: "asc" } }),
  }),
  target: t.prismaField({
    type: "Target",
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: (query, _root, { code }, ctx) => ctx.db.target.findUnique({ ...query, where: { code } }),
  }),
}));

builder.prismaObject("DutyRecord", {
  description: "One fulfilment of a recurring duty",
  fields: (t) => ({
    occurredOn: t.expose("occurredOn", { type: "Date" }),
    summary: t.exposeString("summary"),
    department: t.relation("department"),
  }),
});

builder.mutationFields((t) => ({
  recordDutyFulfilment: t.prismaField({
    type: "DutyRecord",
    authScopes: { steeringGroup: true, departmentMember: true },
    description: "Record that a recurring duty was fulfilled (e.g. the yearly soil-monitoring training)",
    args: {
      targetCode: t.arg.string({ required: true }),
      occurredOn: t.arg({ type: "Date", required: true }),
      summary: t.arg.string({ required: true }),
      departmentCode: t.arg.string({ description: "Default: the signed-in member's department" }),
    },
    resolve: async (query, _root, args, ctx) => {
      const r = await recordDutyFulfilment(ctx.db, ctx.viewer, args);
      return ctx.db.dutyRecord.findUniqueOrThrow({ ...query, where: { id: r.id } });
    },
  }),
  setMilestoneAchieved: t.prismaField({
    type: "Target",
    authScopes: { steeringGroup: true },
    args: { targetCode: t.arg.string({ required: true }), achievedOn: t.arg({ type: "Date" }) },
    resolve: async (query, _root, args, ctx) => {
      const r = await setMilestoneAchieved(ctx.db, ctx.viewer, {
        targetCode: args.targetCode,
        achievedOn: args.achievedOn ?? null,
      });
      return ctx.db.target.findUniqueOrThrow({ ...query, where: { id: r.id } });
    },
  }),
}));
