// What waits for whom: every running process's `waitingFor`, mirrored at each step into WaitingItem rows (one per
// party and step). "What waits for me" is one indexed read of the viewer's party keys; the steering group also sees
// everything that is overdue, whoever owes it.
import { builder } from "../builder";
import type { GraphQLContext } from "../context";
import { deadlineRange, listing, START_INDEX } from "./paging";
import { forbidden, unauthenticated } from "../../app/utils/errors";
import { now } from "../../app/utils/clock.server";
import { actorKeys } from "../../workflows/common/process";
import { PROCESS_KINDS, processOf, type ProcessKind } from "../../workflows/processes";
import { labelled } from "./enums";
import { BilingualRef } from "./process";

export const ProcessKindEnum = labelled(
  "ProcessKind",
  PROCESS_KINDS,
  "Which of the plan's processes an item belongs to",
);

builder.prismaObject("WaitingItem", {
  description: "One step a running process waits for, and who owes it",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    process: t.field({ type: ProcessKindEnum, resolve: (w) => w.process as ProcessKind }),
    what: t.exposeString("what", { description: "The step awaited, e.g. SUBMIT_REPORT or RECTIFY:2" }),
    who: t.exposeString("who", {
      description: "The party that owes it: dept:<code>, area:<code>, role:<ROLE>, user:<id>",
    }),
    text: t.field({ type: BilingualRef, resolve: (w) => ({ zh: w.zh, en: w.en }) }),
    title: t.field({
      type: BilingualRef,
      description: "The item's title",
      resolve: (w) => ({ zh: w.titleZh, en: w.titleEn }),
    }),
    deadline: t.expose("deadline", { type: "DateTime", nullable: true }),
    overdue: t.boolean({
      resolve: async (w) => !!w.deadline && w.deadline.getTime() < (await now()),
    }),
    path: t.string({
      description: "The page of the item",
      resolve: (w) => processOf(w.workflowId)?.path(w.workflowId) ?? "/workspace",
    }),
  }),
});

/** The party keys the signed-in viewer answers to (workflows/common/process.ts actorKeys). */
async function viewerKeys(ctx: GraphQLContext): Promise<string[]> {
  const v = ctx.viewer;
  if (!v) throw unauthenticated();
  const [department, area] = await Promise.all([
    v.departmentId ? ctx.db.department.findUnique({ where: { id: v.departmentId }, select: { code: true } }) : null,
    v.areaId ? ctx.db.area.findUnique({ where: { id: v.areaId }, select: { code: true } }) : null,
  ]);
  return actorKeys({
    userId: v.id,
    role: v.role,
    departmentCode: department?.code ?? null,
    areaCode: area?.code ?? null,
  });
}

async function waitingWhere(
  args: {
    everyone?: boolean | null;
    overdue?: boolean | null;
    process?: ProcessKind | null;
    dueFrom?: string | null;
    dueTo?: string | null;
  },
  ctx: GraphQLContext,
) {
  const range = deadlineRange(args.dueFrom, args.dueTo);
  if (args.everyone && ctx.viewer?.role !== "STEERING_GROUP")
    throw forbidden("只有专项小组可以查看全部待办", "Only the steering group may list what everyone owes");
  return {
    ...(args.everyone ? {} : { who: { in: await viewerKeys(ctx) } }),
    ...(args.process ? { process: args.process } : {}),
    AND: [args.overdue ? { deadline: { lt: new Date(await now()) } } : {}, range ? { deadline: range } : {}],
  };
}

const waiting = listing<Parameters<typeof waitingWhere>[0]>((ctx) => ctx.db.waitingItem, waitingWhere, [
  { deadline: { sort: "asc", nulls: "last" } },
  { id: "asc" },
]);

builder.queryFields((t) => ({
  waitingItems: t.prismaConnection(
    {
      type: "WaitingItem",
      cursor: "id",
      authScopes: { signedIn: true },
      description:
        "What running processes wait for, earliest deadline first: by default what waits for the viewer (their department, area, role or themself); `everyone: true` (steering group) lists every party's",
      args: {
        everyone: t.arg.boolean({ defaultValue: false }),
        overdue: t.arg.boolean({ description: "Only items past their deadline" }),
        process: t.arg({ type: ProcessKindEnum }),
        dueFrom: t.arg({ type: "Date", description: "Deadline on or after this day" }),
        dueTo: t.arg({ type: "Date", description: "Deadline on or before this day" }),
      },
      totalCount: waiting.totalCount,
      resolve: async (query, _root, args, ctx) =>
        ctx.db.waitingItem.findMany({
          ...query,
          where: await waiting.pageWhere(args, ctx),
          orderBy: waiting.orderBy,
        }),
    },
    {
      fields: (c) => ({
        startIndex: c.int({ description: START_INDEX, resolve: (p, _a, ctx) => waiting.startIndex(p, ctx) }),
      }),
    },
  ),
}));
