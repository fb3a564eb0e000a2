import { builder } from "../builder";
import type { GraphQLContext } from "../context";
import { AssignmentRoleEnum, TaskStatusEnum } from "./enums";
import { notFound } from "../../app/utils/errors";
import {
  clearTaskStatusOverride,
  overrideTaskStatus,
  taskWhere,
  taskFilterSchema,
  taskLabels,
  type TaskFilter,
} from "../../app/models/task.server";
import {
  deriveTaskStatuses,
  type StatusReason,
  type TaskStatusOverride,
  type TaskStatusView,
} from "../../app/models/task-status.server";
import { parseInput } from "../../app/utils/validation";
import { DAQING, targetProgress, type TargetProgress } from "../../app/models/target.server";

// Every task's status is derived once per request, in a fixed number of queries (no per-task queries), sharing the
// targets' live progress with Target.progress (graphql/schema/target.ts keeps it on the context under this name).
type Cached = { __progress?: Promise<Map<number, TargetProgress>> };
const statuses = new WeakMap<GraphQLContext, Promise<Map<number, TaskStatusView>>>();
function statusesOf(ctx: GraphQLContext) {
  let found = statuses.get(ctx);
  if (!found) {
    const cache = ctx as unknown as Cached;
    cache.__progress ??= ctx.db.target.findMany().then((all) => targetProgress(ctx.db, all));
    found = cache.__progress.then((progress) => deriveTaskStatuses(ctx.db, { progress }));
    statuses.set(ctx, found);
  }
  return found;
}
const statusOf = async (ctx: GraphQLContext, taskId: number) => (await statusesOf(ctx)).get(taskId)!;

/** With a status filter: the tasks whose status (the override, else the derived one) is that one. */
async function whereOf(ctx: GraphQLContext, filter: TaskFilter) {
  if (!filter.status) return taskWhere(filter);
  const ids = [...(await statusesOf(ctx))].filter(([, v]) => v.status === filter.status).map(([id]) => id);
  return taskWhere(filter, ids);
}

// Who overrode: a user's name is for signed-in readers (README: who reads what); one query for every override.
type UserRow = Awaited<ReturnType<GraphQLContext["db"]["user"]["findMany"]>>[number];
const overriders = new WeakMap<GraphQLContext, Promise<Map<number, UserRow>>>();
function overriderOf(ctx: GraphQLContext, id: number) {
  let found = overriders.get(ctx);
  if (!found) {
    found = statusesOf(ctx).then(async (all) => {
      const ids = [...all.values()].flatMap((v) => (v.override?.byId != null ? [v.override.byId] : []));
      const users = await ctx.db.user.findMany({ where: { id: { in: ids } } });
      return new Map(users.map((u) => [u.id, u]));
    });
    overriders.set(ctx, found);
  }
  return found.then((m) => m.get(id) ?? null);
}

const StatusReasonRef = builder.objectRef<StatusReason>("TaskStatusReason").implement({
  description: "A fact behind a task's derived status, with the status it implies (docs/decisions/014)",
  fields: (t) => ({
    status: t.field({ type: TaskStatusEnum, resolve: (r) => r.status }),
    zh: t.exposeString("zh"),
    en: t.exposeString("en"),
  }),
});

const OverrideRef = builder.objectRef<TaskStatusOverride>("TaskStatusOverride").implement({
  description: "The steering group's status for a task, set against the derived one, with its reason",
  fields: (t) => ({
    status: t.field({ type: TaskStatusEnum, resolve: (o) => o.status }),
    reason: t.exposeString("reason"),
    at: t.expose("at", { type: "DateTime" }),
    by: t.prismaField({
      type: "User",
      nullable: true,
      description: "Who set it: signed-in readers only (null for the public)",
      // Full user rows, loaded once for every override in the response (not one query per task).
      resolve: (_query, o, _args, ctx) => (ctx.viewer && o.byId != null ? overriderOf(ctx, o.byId) : null),
    }),
  }),
});

builder.prismaNode("Task", {
  id: { field: "id" },
  description: "A main task (主要任务) of the plan, e.g. 1.1 环境空气质量监测",
  fields: (t) => ({
    code: t.exposeString("code"),
    title: t.exposeString("title"),
    titleEn: t.exposeString("titleEn"),
    duty: t.exposeString("duty", { description: "The plan's own wording of the duty" }),
    responsibilityClause: t.exposeString("responsibilityClause", {
      description: "The plan's sentence naming lead and supporting departments",
    }),
    status: t.field({
      type: TaskStatusEnum,
      description: "The steering group's override when one is recorded, else the status derived from the facts",
      resolve: async (task, _args, ctx) => (await statusOf(ctx, task.id)).status,
    }),
    derivedStatus: t.field({
      type: TaskStatusEnum,
      description: "Derived from the task's targets, reports, milestones and findings (docs/decisions/014)",
      resolve: async (task, _args, ctx) => (await statusOf(ctx, task.id)).derivedStatus,
    }),
    statusReasons: t.field({
      type: [StatusReasonRef],
      description: "The facts behind the derived status, most severe first",
      resolve: async (task, _args, ctx) => (await statusOf(ctx, task.id)).reasons,
    }),
    override: t.field({
      type: OverrideRef,
      nullable: true,
      resolve: async (task, _args, ctx) => (await statusOf(ctx, task.id)).override,
    }),
    group: t.relation("group"),
    assignments: t.relation("assignments", { query: { orderBy: { ordinal: "asc" } } }),
    leadDepartments: t.prismaField({
      type: ["Department"],
      description: "牵头 departments, in the plan's order",
      select: (_args, _ctx, nested) => ({
        assignments: { where: { role: "LEAD" }, orderBy: { ordinal: "asc" }, select: { department: nested() } },
      }),
      resolve: (_q, task) => task.assignments.map((a) => a.department),
    }),
    supportingDepartments: t.prismaField({
      type: ["Department"],
      description: "配合 departments, in the plan's order",
      select: (_args, _ctx, nested) => ({
        assignments: { where: { role: "SUPPORT" }, orderBy: { ordinal: "asc" }, select: { department: nested() } },
      }),
      resolve: (_q, task) => task.assignments.map((a) => a.department),
    }),
    implementers: t.prismaField({
      type: ["Area"],
      description: "Every county/district government and both zone committees implement every task",
      resolve: (query, _task, _args, ctx) =>
        ctx.db.area.findMany({ ...query, where: { cityCode: DAQING }, orderBy: { ordinal: "asc" } }),
    }),
    targets: t.relation("targets", { query: { orderBy: { id: "asc" } } }),
  }),
});

builder.queryFields((t) => ({
  task: t.prismaField({
    type: "Task",
    args: { code: t.arg.string({ required: true, description: "e.g. 1.1" }) },
    resolve: async (query, _root, { code }, ctx) =>
      (await ctx.db.task.findUnique({ ...query, where: { code } })) ?? Promise.reject(notFound("任务", "Task", code)),
  }),
  tasks: t.prismaConnection({
    type: "Task",
    cursor: "id",
    totalCount: async (_conn, args, ctx) =>
      ctx.db.task.count({ where: await whereOf(ctx, parseInput(taskFilterSchema, args, taskLabels)) }),
    defaultSize: 50,
    maxSize: 200,
    description: "Tasks in the plan's order, filterable (public)",
    args: {
      groupCode: t.arg.string({ description: "Task group 1–5" }),
      departmentCode: t.arg.string({ description: "Only tasks this department leads or supports" }),
      role: t.arg({
        type: AssignmentRoleEnum,
        description: "With departmentCode: only LEAD or only SUPPORT; alone: tasks having such an assignment",
      }),
      status: t.arg({ type: TaskStatusEnum, description: "The task's status: the override, else the derived one" }),
    },
    resolve: async (query, _root, args, ctx) => {
      const filter = parseInput(taskFilterSchema, args, taskLabels);
      return ctx.db.task.findMany({ ...query, where: await whereOf(ctx, filter), orderBy: { id: "asc" } });
    },
  }),
}));

builder.mutationFields((t) => ({
  overrideTaskStatus: t.prismaField({
    type: "Task",
    authScopes: { steeringGroup: true },
    description:
      "The steering group sets a task's status against the derived one, with a reason shown beside it (change history)",
    args: {
      code: t.arg.string({ required: true }),
      status: t.arg({ type: TaskStatusEnum, required: true }),
      reason: t.arg.string({ required: true, description: "Why: shown beside the derived status, to the public too" }),
    },
    resolve: async (query, _root, args, ctx) => {
      const task = await overrideTaskStatus(ctx.db, ctx.viewer, args);
      return ctx.db.task.findUniqueOrThrow({ ...query, where: { id: task.id } });
    },
  }),
  clearTaskStatusOverride: t.prismaField({
    type: "Task",
    authScopes: { steeringGroup: true },
    description: "The steering group withdraws its override: the derived status is the task's status again",
    args: { code: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const task = await clearTaskStatusOverride(ctx.db, ctx.viewer, args);
      return ctx.db.task.findUniqueOrThrow({ ...query, where: { id: task.id } });
    },
  }),
}));
