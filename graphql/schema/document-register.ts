// 发文登记 (steering group): the register of numbered official documents, one document's standing (registered or a
// draft), and registering (app/models/document-register.server.ts holds the rules).
import { builder } from "../builder";
import { now } from "../../app/utils/clock.server";
import {
  describeDocument,
  registerDocument,
  registerWhere,
  registerYears,
  REGISTER_ORDER,
  SERIES,
  type DescribedDocument,
} from "../../app/models/document-register.server";
import { requireRole } from "../../app/models/viewer";
import { labelled } from "./enums";
import { listing, START_INDEX } from "./paging";

const SeriesEnum = labelled("DocumentSeries", SERIES, "A 发文字号 series: each prefix numbers its own documents");

builder.prismaObject("DocumentRegistration", {
  description: "发文登记: an official document's registered 发文字号, who registered it and when",
  fields: (t) => ({
    id: t.exposeInt("id"),
    number: t.exposeString("number", { description: "The 发文字号 as issued, e.g. 庆生态改〔2026〕3号" }),
    series: t.field({ type: SeriesEnum, resolve: (r) => r.series as keyof typeof SERIES }),
    year: t.exposeInt("year"),
    sequence: t.exposeInt("sequence"),
    title: t.exposeString("title"),
    documentKey: t.exposeString("documentKey"),
    path: t.exposeString("path", { description: "The download path; add ?format=docx or pdf (& when it has a query)" }),
    registeredBy: t.exposeString("registeredByName", { description: "The name of whoever registered it" }),
    registeredAt: t.expose("registeredAt", { type: "DateTime" }),
  }),
});

const DocumentInput = builder.inputType("DocumentInput", {
  description:
    "Exactly one document: a reporting cycle's consolidated report (optionally one task or one lead department), an inspection's 通报, or a year's scorecard (optionally one department)",
  fields: (t) => ({
    cycle: t.string({ description: "The cycle's period, e.g. 2026Q4" }),
    task: t.string({ description: "With cycle: one task's report, e.g. 1.4" }),
    department: t.string({ description: "With cycle or scorecardYear: one department, by code" }),
    inspection: t.string({ description: "The inspection's workflow ID" }),
    scorecardYear: t.int({ description: "The scorecard's year" }),
  }),
});

const OfficialDocumentRef = builder.objectRef<DescribedDocument>("OfficialDocument").implement({
  description: "One official document: what it is, and its registration once registered (a 未登记 draft before)",
  fields: (t) => ({
    documentKey: t.exposeString("key"),
    series: t.field({ type: SeriesEnum, resolve: (d) => d.series }),
    title: t.exposeString("title"),
    path: t.exposeString("path"),
    registration: t.prismaField({
      type: "DocumentRegistration",
      nullable: true,
      resolve: (query, d, _a, ctx) =>
        ctx.db.documentRegistration.findUnique({ ...query, where: { documentKey: d.key } }),
    }),
  }),
});

const register = listing<{ year?: number | null }>(
  (ctx) => ctx.db.documentRegistration,
  (a) => registerWhere(a.year),
  [...REGISTER_ORDER],
);

builder.queryFields((t) => ({
  documentRegisterConnection: t.prismaConnection(
    {
      type: "DocumentRegistration",
      cursor: "id",
      defaultSize: 20,
      maxSize: 100,
      authScopes: { signedIn: true },
      description: "发文登记簿 a page at a time: newest first, both series together (steering group)",
      args: { year: t.arg.int({ description: "Only this year's numbers" }) },
      totalCount: register.totalCount,
      resolve: (query, _root, a, ctx) => {
        requireRole(ctx.viewer, "STEERING_GROUP");
        return ctx.db.documentRegistration.findMany({
          ...query,
          where: registerWhere(a.year),
          orderBy: [...REGISTER_ORDER],
        });
      },
    },
    {
      fields: (c) => ({
        startIndex: c.int({ description: START_INDEX, resolve: (p, _a, ctx) => register.startIndex(p, ctx) }),
      }),
    },
  ),
  documentRegisterYears: t.field({
    type: ["Int"],
    authScopes: { signedIn: true },
    description: "The years the register has numbers in, newest first (steering group)",
    resolve: (_r, _a, ctx) => registerYears(ctx.db, ctx.viewer),
  }),
  officialDocument: t.field({
    type: OfficialDocumentRef,
    authScopes: { signedIn: true },
    description: "One official document and its registration, if any (steering group)",
    args: { document: t.arg({ type: DocumentInput, required: true }) },
    resolve: async (_r, a, ctx) => {
      requireRole(ctx.viewer, "STEERING_GROUP");
      return describeDocument(ctx.db, a.document);
    },
  }),
}));

builder.mutationFields((t) => ({
  registerDocument: t.prismaField({
    type: "DocumentRegistration",
    authScopes: { signedIn: true },
    description:
      "发文登记 (steering group): gives the document the next 发文字号 of the year in its series; registering the same document again returns its first number",
    args: { document: t.arg({ type: DocumentInput, required: true }) },
    resolve: async (query, _r, a, ctx) => {
      const row = await registerDocument(ctx.db, ctx.viewer, a.document, await now());
      return ctx.db.documentRegistration.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
}));
