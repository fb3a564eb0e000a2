// Attachments in the API: metadata only (the bytes are served by /attachments/<id>, under the same read rules). Each
// item that takes evidence has an `attachments` field; its parent field has already checked that the viewer may read
// the item, so the list needs no further check.
import { builder } from "../builder";
import { itemLabel } from "../../app/models/attachments/events";
import { ALLOWED_TYPES } from "../../app/models/attachments/intake.server";
import { BilingualRef } from "./process";

builder.prismaObject("Attachment", {
  description:
    "A file attached as evidence to a report, a contribution, a finding's rectification or verification, or a linkage result",
  fields: (t) => ({
    id: t.exposeInt("id"),
    item: t.exposeString("item", {
      description:
        "The item within its workflow: REPORT, CONTRIBUTION:<department>, RECTIFICATION:<n>, VERIFICATION:<n>, RESULT",
    }),
    itemLabel: t.field({ type: BilingualRef, description: "The item in words", resolve: (a) => itemLabel(a.item) }),
    reportVersion: t.exposeInt("reportVersion", {
      nullable: true,
      description: "For a report: the submission the file was attached for (it stays with every later version)",
    }),
    filename: t.exposeString("filename"),
    size: t.exposeInt("size", { description: "Bytes" }),
    mimeType: t.exposeString("mimeType", { description: "Decided from the file's content" }),
    typeLabel: t.field({
      type: BilingualRef,
      description: "The type in words: PDF, Word 文档 / Word document…",
      resolve: (a) => {
        const type = ALLOWED_TYPES[a.mimeType];
        return type ? { zh: type.zh, en: type.en } : { zh: "文件", en: "file" };
      },
    }),
    sha256: t.exposeString("sha256"),
    uploadedAt: t.expose("uploadedAt", { type: "DateTime" }),
    uploadedBy: t.string({
      nullable: true,
      description: "Who attached it (a name)",
      resolve: async (a, _args, ctx) =>
        (await ctx.db.user.findUnique({ where: { id: a.uploadedById }, select: { name: true } }))?.name ?? null,
    }),
    url: t.string({ description: "Where to download it", resolve: (a) => `/attachments/${a.id}` }),
  }),
});

builder.prismaObjectField("ProgressReport", "attachments", (t) =>
  t.prismaField({
    type: ["Attachment"],
    description:
      "Files attached to the report and its contributions; with upToVersion, those a submitted version carried",
    args: { upToVersion: t.arg.int({ required: false }) },
    select: { workflowId: true },
    resolve: (query, r, { upToVersion }, ctx) =>
      ctx.db.attachment.findMany({
        ...query,
        where: { workflowId: r.workflowId, ...(upToVersion ? { reportVersion: { lte: upToVersion } } : {}) },
        orderBy: { id: "asc" },
      }),
  }),
);

builder.prismaObjectField("InspectionFinding", "attachments", (t) =>
  t.prismaField({
    type: ["Attachment"],
    description: "Files attached to the finding's rectification and to its verification",
    select: { ordinal: true, inspection: { select: { workflowId: true } } },
    resolve: (query, f, _a, ctx) =>
      ctx.db.attachment.findMany({
        ...query,
        where: {
          workflowId: f.inspection.workflowId,
          item: { in: [`RECTIFICATION:${f.ordinal}`, `VERIFICATION:${f.ordinal}`] },
        },
        orderBy: { id: "asc" },
      }),
  }),
);

builder.prismaObjectField("LinkageCase", "attachments", (t) =>
  t.prismaField({
    type: ["Attachment"],
    description: "Files attached to the case's on-site result",
    select: { workflowId: true },
    resolve: (query, c, _a, ctx) =>
      ctx.db.attachment.findMany({
        ...query,
        where: { workflowId: c.workflowId, item: "RESULT" },
        orderBy: { id: "asc" },
      }),
  }),
);
