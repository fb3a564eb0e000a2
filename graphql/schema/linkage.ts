// 测管联动 in the API: linkage cases, the raised monitoring intensity of an area, and response times.
import { builder } from "../builder";
import type { Db } from "../../app/utils/db.server";
import { notFound } from "../../app/utils/errors";
import { parseWaiting, WaitingForRef } from "./workflow";
import * as lk from "../../app/models/workflows/linkage.server";
import { linkageWhere, requireReadable } from "../../app/models/read-policy.server";
import { actionsFor } from "../../app/models/workflows/process-rules.server";
import * as p from "../../workflows/linkage/process";
import { label } from "../../workflows/common/process";
import { ALERT_KINDS, type AlertKind } from "../../app/models/vocabulary";
import { labelled } from "./enums";
import { actionType, BilingualRef, stepEnum } from "./process";

export const LinkageStatusEnum = labelled("LinkageStatus", p.LINKAGE_STATUSES, "Where a linkage case stands");
const LinkageStepEnum = stepEnum("LinkageStep", p.LINKAGE_STEPS, "A step people take on a linkage case");
const LinkageActionRef = actionType("LinkageAction", LinkageStepEnum);

const minutes = (from: Date, to: Date | null) => (to ? Math.round((to.getTime() - from.getTime()) / 60_000) : null);

builder.prismaObject("LinkageCase", {
  description: "测管联动: a monitoring–enforcement linkage case opened from an alert",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    alert: t.relation("alert"),
    area: t.relation("area"),
    status: t.field({ type: LinkageStatusEnum, resolve: (c) => c.status as p.LinkageStatus }),
    title: t.field({
      type: BilingualRef,
      description: "The case's name in people's words: area, alert kind, day",
      // From the case's columns, so a case mirrored before its state column is named too (never by its ID).
      select: { area: { select: { name: true, nameEn: true } }, alert: { select: { kind: true, occurredAt: true } } },
      resolve: (c) =>
        p.title({
          area: { zh: c.area.name, en: c.area.nameEn },
          kind: label(ALERT_KINDS, c.alert.kind as AlertKind),
          occurredAt: c.alert.occurredAt.toISOString(),
        }),
    }),
    actions: t.field({
      type: [LinkageActionRef],
      description: "What the viewer may do on this case now, or later with the reason (the process's own rules)",
      resolve: (c, _a, ctx) => actionsFor(p.LINKAGE_STEPS, c.state, ctx.viewer),
    }),
    openedAt: t.expose("openedAt", { type: "DateTime" }),
    responseDeadline: t.expose("responseDeadline", { type: "DateTime" }),
    respondedAt: t.expose("respondedAt", { type: "DateTime", nullable: true }),
    responseNote: t.exposeString("responseNote", { nullable: true }),
    onSiteAt: t.expose("onSiteAt", { type: "DateTime", nullable: true }),
    jointMonitoring: t.exposeBoolean("jointMonitoring", { nullable: true }),
    violationFound: t.exposeBoolean("violationFound", { nullable: true }),
    actionTaken: t.exposeString("actionTaken", { nullable: true }),
    resultRecordedAt: t.expose("resultRecordedAt", { type: "DateTime", nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    closingSummary: t.exposeString("closingSummary", { nullable: true }),
    escalatedAt: t.expose("escalatedAt", { type: "DateTime", nullable: true }),
    frequencyFactor: t.exposeInt("frequencyFactor", {
      description: "Monitoring frequency multiplier in the area while open",
    }),
    spotCheckRatio: t.exposeFloat("spotCheckRatio", { description: "Share of sources spot-checked while open" }),
    responseMinutes: t.int({
      nullable: true,
      description: "Opened → responded",
      resolve: (c) => minutes(c.openedAt, c.respondedAt),
    }),
    resolutionMinutes: t.int({
      nullable: true,
      description: "Opened → closed",
      resolve: (c) => minutes(c.openedAt, c.closedAt),
    }),
    breached: t.boolean({
      description: "Not answered by the response deadline",
      resolve: (c) => !!c.escalatedAt || (c.respondedAt ?? new Date()) > c.responseDeadline,
    }),
    waitingFor: t.field({ type: [WaitingForRef], resolve: parseWaiting }),
  }),
});

const Intensity = builder
  .objectRef<{ areaCode: string; openCases: number; frequencyFactor: number; spotCheckRatio: number }>(
    "MonitoringIntensity",
  )
  .implement({
    description: "How intensely an area is monitored now: raised while linkage cases are open there",
    fields: (t) => ({
      areaCode: t.exposeString("areaCode"),
      openCases: t.exposeInt("openCases"),
      frequencyFactor: t.exposeInt("frequencyFactor"),
      spotCheckRatio: t.exposeFloat("spotCheckRatio"),
    }),
  });

builder.queryFields((t) => ({
  linkageCases: t.prismaField({
    type: ["LinkageCase"],
    authScopes: { signedIn: true },
    args: { status: t.arg({ type: LinkageStatusEnum }), areaCode: t.arg.string() },
    resolve: async (query, _r, a, ctx) =>
      ctx.db.linkageCase.findMany({
        ...query,
        where: {
          AND: [
            { ...(a.status ? { status: a.status } : {}), ...(a.areaCode ? { area: { code: a.areaCode } } : {}) },
            await linkageWhere(ctx.db, ctx.viewer),
          ],
        },
        orderBy: { id: "desc" },
      }),
  }),
  linkageCase: t.prismaField({
    type: "LinkageCase",
    nullable: true,
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: async (query, _r, { workflowId }, ctx) =>
      (await requireReadable(ctx.db, ctx.viewer, "linkage", workflowId))
        ? ctx.db.linkageCase.findUnique({ ...query, where: { workflowId } })
        : null,
  }),
  monitoringIntensity: t.field({
    type: Intensity,
    description: "The monitoring frequency and spot-check ratio an area runs at now (public)",
    args: { areaCode: t.arg.string({ required: true }) },
    resolve: async (_r, { areaCode }, ctx) => {
      const area = await ctx.db.area.findUnique({ where: { code: areaCode } });
      if (!area) throw notFound("行政区", "Area", areaCode);
      return { areaCode, ...(await lk.areaIntensity(ctx.db, area.id)) };
    },
  }),
}));

const reload = (db: Db, query: object, workflowId: string) =>
  db.linkageCase.findUniqueOrThrow({ ...query, where: { workflowId } });

builder.mutationFields((t) => ({
  openLinkageCase: t.prismaField({
    type: "LinkageCase",
    authScopes: { steeringGroup: true, departmentMember: true },
    description: "Opens a monitoring–enforcement linkage case from an alert (alert id as in the registry)",
    args: { alertId: t.arg.int({ required: true }) },
    resolve: async (query, _r, { alertId }, ctx) =>
      reload(ctx.db, query, (await lk.openLinkageCase(ctx.db, ctx.viewer, alertId)).workflowId),
  }),
  respondToLinkageCase: t.prismaField({
    type: "LinkageCase",
    authScopes: { steeringGroup: true, departmentMember: true },
    args: { workflowId: t.arg.string({ required: true }), note: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) => (
      await lk.respondToCase(ctx.db, ctx.viewer, a.workflowId, a.note),
      reload(ctx.db, query, a.workflowId)
    ),
  }),
  recordEnforcementResult: t.prismaField({
    type: "LinkageCase",
    authScopes: { steeringGroup: true, departmentMember: true },
    args: {
      workflowId: t.arg.string({ required: true }),
      onSiteAt: t.arg.string({ required: true, description: "ISO 8601 with offset" }),
      jointMonitoring: t.arg.boolean({ required: true }),
      violationFound: t.arg.boolean({ required: true }),
      actionTaken: t.arg.string({ required: true }),
    },
    resolve: async (query, _r, { workflowId, ...a }, ctx) => (
      await lk.recordEnforcementResult(ctx.db, ctx.viewer, workflowId, a),
      reload(ctx.db, query, workflowId)
    ),
  }),
  closeLinkageCase: t.prismaField({
    type: "LinkageCase",
    authScopes: { steeringGroup: true, departmentMember: true },
    args: { workflowId: t.arg.string({ required: true }), summary: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) => (
      await lk.closeCase(ctx.db, ctx.viewer, a.workflowId, a.summary),
      reload(ctx.db, query, a.workflowId)
    ),
  }),
}));
