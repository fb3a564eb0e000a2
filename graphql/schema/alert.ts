import { builder } from "../builder";
import { AlertKindEnum, AlertStatusEnum, ElementEnum, SeverityEnum, column } from "./enums";
import { alertSummary, recordAlert } from "../../app/models/alert.server";
import { AppError } from "../../app/utils/errors";
import { listing, START_INDEX } from "./paging";

builder.prismaNode("Alert", {
  id: { field: "id" },
  description: "A monitoring alert: exceedance, device offline, suspected falsification or abnormal data",
  fields: (t) => ({
    kind: t.field({ type: AlertKindEnum, resolve: column("kind") }),
    severity: t.field({ type: SeverityEnum, resolve: column("severity") }),
    status: t.field({ type: AlertStatusEnum, resolve: column("status") }),
    element: t.field({ type: ElementEnum, resolve: column("element") }),
    pollutant: t.exposeString("pollutant", { nullable: true }),
    measuredValue: t.exposeFloat("measuredValue", { nullable: true }),
    limitValue: t.exposeFloat("limitValue", { nullable: true }),
    occurredAt: t.expose("occurredAt", { type: "DateTime" }),
    note: t.exposeString("note", { nullable: true }),
    demo: t.exposeBoolean("demo"),
    station: t.relation("station"),
    area: t.relation("area"),
  }),
});

const AlertSummaryRow = builder
  .objectRef<{ kind: string; status: string; count: number }>("AlertSummaryRow")
  .implement({
    fields: (t) => ({
      kind: t.field({ type: AlertKindEnum, resolve: (r) => r.kind as never }),
      status: t.field({ type: AlertStatusEnum, resolve: (r) => r.status as never }),
      count: t.exposeInt("count"),
    }),
  });

// Newest first; the id breaks ties between alerts of the same instant, so a cursor names one place.
const alerts = listing<Parameters<typeof alertWhere>[0]>(
  (ctx) => ctx.db.alert,
  (args) => alertWhere(args),
  [{ occurredAt: "desc" }, { id: "desc" }],
);

builder.queryFields((t) => ({
  alerts: t.prismaConnection(
    {
      type: "Alert",
      cursor: "id",
      totalCount: alerts.totalCount,
      defaultSize: 50,
      maxSize: 500,
      description: "Alerts, newest first (public)",
      args: {
        kind: t.arg({ type: AlertKindEnum }),
        status: t.arg({ type: AlertStatusEnum }),
        areaCode: t.arg.string(),
        stationCode: t.arg.string(),
      },
      resolve: (query, _root, args, ctx) =>
        ctx.db.alert.findMany({
          ...query,
          where: alertWhere(args),
          orderBy: alerts.orderBy,
        }),
    },
    {
      fields: (c) => ({
        startIndex: c.int({ description: START_INDEX, resolve: (p, _a, ctx) => alerts.startIndex(p, ctx) }),
      }),
    },
  ),
  alertSummary: t.field({
    type: [AlertSummaryRow],
    description: "Alert counts by kind and status in [from, to) (public)",
    args: { from: t.arg({ type: "DateTime", required: true }), to: t.arg({ type: "DateTime", required: true }) },
    resolve: (_root, { from, to }, ctx) => {
      if (from >= to) throw new AppError("BAD_INPUT", "起始时间须早于结束时间", "`from` must be before `to`");
      return alertSummary(ctx.db, from, to);
    },
  }),
}));

const RecordAlertInput = builder.inputType("RecordAlertInput", {
  fields: (t) => ({
    stationCode: t.string({ required: true }),
    kind: t.field({ type: AlertKindEnum, required: true }),
    severity: t.field({ type: SeverityEnum }),
    pollutant: t.string(),
    measuredValue: t.float(),
    limitValue: t.float(),
    occurredAt: t.string({ required: true, description: "ISO 8601 with offset, e.g. 2019-06-30T08:00:00+08:00" }),
    note: t.string(),
    idempotencyKey: t.string({ description: "Recording twice with the same key returns the first alert" }),
  }),
});

builder.mutationField("recordAlert", (t) =>
  t.prismaField({
    type: "Alert",
    authScopes: { steeringGroup: true, departmentMember: true },
    args: { input: t.arg({ type: RecordAlertInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const a = await recordAlert(ctx.db, ctx.viewer, input);
      return ctx.db.alert.findUniqueOrThrow({ ...query, where: { id: a.id } });
    },
  }),
);

function alertWhere(args: {
  kind?: string | null;
  status?: string | null;
  areaCode?: string | null;
  stationCode?: string | null;
}) {
  return {
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.status ? { status: args.status } : {}),
    ...(args.areaCode ? { area: { code: args.areaCode } } : {}),
    ...(args.stationCode ? { station: { code: args.stationCode } } : {}),
  };
}
