// What every workflow shares in the API: what it waits for (mirrored, or live from Temporal), its step timeline,
// and the e-mail outbox (steering group only).
import { builder } from "../builder";
import type { WaitingFor } from "../../workflows/common/messages";
import { getWaitingFor } from "../../workflows/common/messages";
import { handle, asAppError } from "../../app/utils/temporal.server";

export const WaitingForRef = builder.objectRef<WaitingFor>("WaitingFor").implement({
  description: "One step a workflow waits for: who must act, what, and by when",
  fields: (t) => ({
    what: t.exposeString("what", { description: "Machine-readable step, e.g. SUBMIT_REPORT or RECTIFY:2" }),
    zh: t.exposeString("zh"),
    en: t.exposeString("en"),
    who: t.exposeString("who", { description: "A department or area code, or STEERING_GROUP, INSPECTOR, ENFORCEMENT" }),
    deadline: t.field({ type: "DateTime", nullable: true, resolve: (w) => (w.deadline ? new Date(w.deadline) : null) }),
  }),
});

/** The mirrored list, as the workflow last wrote it with its state. */
export const parseWaiting = (row: { waitingFor: string }) => JSON.parse(row.waitingFor) as WaitingFor[];

builder.prismaObject("WorkflowEvent", {
  description: "One step of a workflow, in workflow time: the timeline response times are computed from",
  fields: (t) => ({
    step: t.exposeInt("step"),
    kind: t.exposeString("kind"),
    at: t.expose("at", { type: "DateTime" }),
    actorId: t.exposeInt("actorId", { nullable: true }),
    detail: t.exposeString("detail", { description: "JSON" }),
  }),
});

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
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true, description: "When the SMTP server accepted it; null in outbox-only mode" }),
  }),
});

builder.queryFields((t) => ({
  waitingFor: t.field({
    type: [WaitingForRef],
    authScopes: { signedIn: true },
    description: "What a running workflow waits for, asked of the workflow itself (Temporal query)",
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: async (_root, { workflowId }) => {
      try {
        return await (await handle(workflowId)).query(getWaitingFor);
      } catch (e) {
        throw asAppError(e);
      }
    },
  }),
  workflowEvents: t.prismaField({
    type: ["WorkflowEvent"],
    authScopes: { signedIn: true },
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: (query, _root, { workflowId }, ctx) => ctx.db.workflowEvent.findMany({ ...query, where: { workflowId }, orderBy: { step: "asc" } }),
  }),
  outbox: t.prismaField({
    type: ["OutboxMessage"],
    authScopes: { steeringGroup: true },
    description: "The local outbox: every e-mail, newest first (steering group only)",
    args: { toEmail: t.arg.string(), workflowId: t.arg.string(), template: t.arg.string(), first: t.arg.int({ defaultValue: 100 }) },
    resolve: (query, _root, a, ctx) =>
      ctx.db.outboxMessage.findMany({
        ...query,
        where: { ...(a.toEmail ? { toEmail: a.toEmail } : {}), ...(a.workflowId ? { workflowId: a.workflowId } : {}), ...(a.template ? { template: a.template } : {}) },
        orderBy: { id: "desc" },
        take: Math.min(Math.max(a.first ?? 100, 1), 1000),
      }),
  }),
}));
