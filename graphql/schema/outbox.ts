// The e-mail outbox (steering group only): every message, newest first, a page at a time, each with the item it is
// about in words (never its workflow ID), and the items that have mail, for the filter.
import { builder } from "../builder";
import type { GraphQLContext } from "../context";
import { BilingualRef } from "./process";
import type { Bilingual } from "../../workflows/common/process";
import { workflowTitles } from "../../app/models/workflow-titles.server";
import { listing, START_INDEX } from "./paging";

/** The titles of the page of messages the outbox query read, looked up once for the page (not once per message). */
type WithTitles = GraphQLContext & { outboxTitles?: Promise<Map<string, Bilingual>> };
async function titleOf(ctx: GraphQLContext, workflowId: string): Promise<Bilingual> {
  const known = (await (ctx as WithTitles).outboxTitles)?.get(workflowId);
  return known ?? (await workflowTitles(ctx.db, [workflowId])).get(workflowId)!;
}

builder.prismaObject("OutboxMessage", {
  description: "An e-mail the product sent (or, without SMTP, only stored)",
  fields: (t) => ({
    id: t.exposeInt("id"),
    template: t.exposeString("template"),
    toEmail: t.exposeString("toEmail"),
    toName: t.exposeString("toName"),
    locale: t.exposeString("locale"),
    subject: t.exposeString("subject"),
    body: t.exposeString("body"),
    workflowId: t.exposeString("workflowId", { nullable: true }),
    about: t.field({
      type: BilingualRef,
      nullable: true,
      description: "The item the message is about, in words (its title), or null for a message about none",
      resolve: (m, _a, ctx) => (m.workflowId ? titleOf(ctx, m.workflowId) : null),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    sentAt: t.expose("sentAt", {
      type: "DateTime",
      nullable: true,
      description: "When the SMTP server accepted it; null in outbox-only mode",
    }),
  }),
});

const OutboxItem = builder.objectRef<{ workflowId: string; title: Bilingual }>("OutboxItem").implement({
  description: "An item the outbox has mail about: its workflow ID (to filter by) and its title",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    title: t.field({ type: BilingualRef, resolve: (i) => i.title }),
  }),
});

const filter = (a: { toEmail?: string | null; workflowId?: string | null; template?: string | null }) => ({
  ...(a.toEmail ? { toEmail: a.toEmail } : {}),
  ...(a.workflowId ? { workflowId: a.workflowId } : {}),
  ...(a.template ? { template: a.template } : {}),
});

const messages = listing<Parameters<typeof filter>[0]>((ctx) => ctx.db.outboxMessage, filter, [{ id: "desc" }]);

builder.queryFields((t) => ({
  outboxConnection: t.prismaConnection(
    {
      type: "OutboxMessage",
      cursor: "id",
      defaultSize: 20,
      maxSize: 200,
      authScopes: { steeringGroup: true },
      description: "The local outbox a page at a time, newest first (steering group only)",
      args: { toEmail: t.arg.string(), workflowId: t.arg.string(), template: t.arg.string() },
      totalCount: messages.totalCount,
      resolve: async (query, _root, a, ctx) => {
        const page = await ctx.db.outboxMessage.findMany({ ...query, where: filter(a), orderBy: messages.orderBy });
        (ctx as WithTitles).outboxTitles = workflowTitles(
          ctx.db,
          page.flatMap((m) => (m.workflowId ? [m.workflowId] : [])),
        );
        return page;
      },
    },
    {
      fields: (c) => ({
        startIndex: c.int({ description: START_INDEX, resolve: (p, _a, ctx) => messages.startIndex(p, ctx) }),
      }),
    },
  ),
  outbox: t.prismaField({
    type: ["OutboxMessage"],
    authScopes: { steeringGroup: true },
    description:
      "The local outbox: every e-mail, newest first, `first` of them after skipping `offset` (steering group only)",
    args: {
      toEmail: t.arg.string(),
      workflowId: t.arg.string(),
      template: t.arg.string(),
      first: t.arg.int({ defaultValue: 100 }),
      offset: t.arg.int({ defaultValue: 0 }),
    },
    resolve: async (query, _root, a, ctx) => {
      const messages = await ctx.db.outboxMessage.findMany({
        ...query,
        where: filter(a),
        orderBy: { id: "desc" },
        skip: Math.max(a.offset ?? 0, 0),
        take: Math.min(Math.max(a.first ?? 100, 1), 1000),
      });
      const ids = messages.flatMap((m) => (m.workflowId ? [m.workflowId] : []));
      (ctx as WithTitles).outboxTitles = workflowTitles(ctx.db, ids);
      return messages;
    },
  }),
  outboxCount: t.int({
    authScopes: { steeringGroup: true },
    description: "How many e-mails the outbox holds with the same filters (for paging)",
    args: { toEmail: t.arg.string(), workflowId: t.arg.string(), template: t.arg.string() },
    resolve: (_root, a, ctx) => ctx.db.outboxMessage.count({ where: filter(a) }),
  }),
  outboxItems: t.field({
    type: [OutboxItem],
    authScopes: { steeringGroup: true },
    description: "Every item the outbox has mail about, by title, to filter by",
    resolve: async (_root, _a, ctx) => {
      const rows = await ctx.db.outboxMessage.findMany({
        where: { workflowId: { not: null } },
        distinct: ["workflowId"],
        select: { workflowId: true },
      });
      const titles = await workflowTitles(
        ctx.db,
        rows.map((r) => r.workflowId!),
      );
      return [...titles]
        .map(([workflowId, title]) => ({ workflowId, title }))
        .sort((x, y) => x.title.zh.localeCompare(y.title.zh, "zh"));
    },
  }),
}));
