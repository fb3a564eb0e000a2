// What every workflow shares in the API: what it waits for (mirrored, or live from Temporal), its step timeline,
// and the events of its timeline; the e-mail outbox is in outbox.ts.
import { builder } from "../builder";
import type { GraphQLContext } from "../context";
import { sentence, UNKNOWN_EVENT, type EventActor } from "../../workflows/common/events";
import { processOf } from "../../workflows/processes";
import { describeOfficeEvent } from "../../app/models/office/events";
import { BilingualRef } from "./process";
import type { WaitingFor } from "../../workflows/common/messages";
import { getWaitingFor } from "../../workflows/common/messages";
import { handle, asAppError } from "../../app/utils/temporal.server";
import { requireWorkflowReadable } from "../../app/models/read-policy.server";
import { ATTACH_EVENT, describeAttachEvent } from "../../app/models/attachments/events";

export const WaitingForRef = builder.objectRef<WaitingFor>("WaitingFor").implement({
  description: "One step a workflow waits for: who must act, what, and by when",
  fields: (t) => ({
    what: t.exposeString("what", { description: "Machine-readable step, e.g. SUBMIT_REPORT or RECTIFY:2" }),
    zh: t.exposeString("zh"),
    en: t.exposeString("en"),
    who: t.exposeString("who", {
      description:
        "Who must act, as a party key (workflows/common/process.ts partyKey): dept:epb, area:230621, role:STEERING_GROUP, user:7",
    }),
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
    sentence: t.field({
      type: BilingualRef,
      description: "The step in people's words: who did what (市环保局 李四 报送了报告（按时）)",
      resolve: async (e, _a, ctx) => {
        const detail = JSON.parse(e.detail) as Record<string, unknown>;
        const described =
          (e.kind === ATTACH_EVENT ? describeAttachEvent(detail) : describeOfficeEvent(e.kind, detail)) ??
          processOf(e.workflowId)?.describeEvent(e.kind, detail);
        const actor = e.actorId === null ? null : await eventActor(ctx, e.actorId);
        return sentence(described ?? UNKNOWN_EVENT, actor);
      },
    }),
  }),
});

/** Each event's actor: name and department (not personal data), read once per request for a timeline. */
async function eventActor(ctx: GraphQLContext, userId: number): Promise<EventActor | null> {
  const cache = ((ctx as GraphQLContext & { eventActors?: Map<number, Promise<EventActor | null>> }).eventActors ??=
    new Map());
  if (!cache.has(userId))
    cache.set(
      userId,
      ctx.db.user
        .findUnique({
          where: { id: userId },
          select: { name: true, department: { select: { name: true, nameEn: true } } },
        })
        .then((u) =>
          u
            ? { name: u.name, department: u.department ? { zh: u.department.name, en: u.department.nameEn } : null }
            : null,
        ),
    );
  return cache.get(userId)!;
}

builder.queryFields((t) => ({
  waitingFor: t.field({
    type: [WaitingForRef],
    authScopes: { signedIn: true },
    description: "What a running workflow waits for, asked of the workflow itself (Temporal query)",
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: async (_root, { workflowId }, ctx) => {
      await requireWorkflowReadable(ctx.db, ctx.viewer, workflowId);
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
    description: "A workflow's timeline, read as the record it runs (an unknown workflow only by the steering group)",
    resolve: async (query, _root, { workflowId }, ctx) => {
      await requireWorkflowReadable(ctx.db, ctx.viewer, workflowId);
      return ctx.db.workflowEvent.findMany({
        ...query,
        where: { workflowId },
        orderBy: [{ step: "asc" }, { id: "asc" }],
      });
    },
  }),
}));
