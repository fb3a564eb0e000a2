// The plan document itself: a published government document, readable without signing in.
import { builder } from "../builder";

builder.prismaObject("Plan", {
  description: "庆政办规〔2018〕1号 — the work plan this product tracks",
  fields: (t) => ({
    documentNumber: t.exposeString("documentNumber"),
    title: t.exposeString("title"),
    titleEn: t.exposeString("titleEn"),
    issuer: t.exposeString("issuer"),
    issuedOn: t.expose("issuedOn", { type: "Date" }),
    horizonYear: t.exposeInt("horizonYear"),
    implementsNational: t.exposeString("implementsNational"),
    implementsProvincial: t.exposeString("implementsProvincial"),
    purpose: t.exposeString("purpose"),
    guidingIdeology: t.exposeString("guidingIdeology"),
    implementersClause: t.exposeString("implementersClause", {
      description: "Every task is also implemented by every county/district government and both zone committees",
    }),
    principles: t.relation("clauses", { query: { where: { kind: "PRINCIPLE" }, orderBy: { ordinal: "asc" } } }),
    goals: t.relation("clauses", { query: { where: { kind: "GOAL" }, orderBy: { ordinal: "asc" } } }),
    requirements: t.relation("clauses", { query: { where: { kind: "REQUIREMENT" }, orderBy: { ordinal: "asc" } } }),
    taskGroups: t.relation("taskGroups", { query: { orderBy: { ordinal: "asc" } } }),
    targets: t.relation("targets", { query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaObject("PlanClause", {
  description: "A principle (基本原则), goal (工作目标) or working requirement (工作要求)",
  fields: (t) => ({
    kind: t.exposeString("kind"),
    ordinal: t.exposeInt("ordinal"),
    title: t.exposeString("title"),
    titleEn: t.exposeString("titleEn"),
    text: t.exposeString("text"),
  }),
});

builder.prismaObject("TaskGroup", {
  description: "One of the five groups of main tasks (主要任务)",
  fields: (t) => ({
    code: t.exposeString("code"),
    title: t.exposeString("title"),
    titleEn: t.exposeString("titleEn"),
    intro: t.exposeString("intro"),
    tasks: t.relation("tasks", { query: { orderBy: { ordinal: "asc" } } }),
  }),
});

builder.queryField("plan", (t) =>
  t.prismaField({
    type: "Plan",
    description: "The plan (public)",
    resolve: (query, _root, _args, ctx) => ctx.db.plan.findFirstOrThrow({ ...query }),
  }),
);
