import { builder } from "../builder";
import { AssignmentRoleEnum, TaskStatusEnum, column } from "./enums";
import { notFound } from "../../app/utils/errors";
import { setTaskStatus, taskWhere, taskFilterSchema } from "../../app/models/task.server";
import { parseInput } from "../../app/utils/validation";
import { DAQING } from "../../app/models/target.server";

builder.prismaNode("Task", {
  id: { field: "id" },
  description: "A main task (主要任务) of the plan, e.g. 1.1 环境空气质量监测",
  fields: (t) => ({
    code: t.exposeString("code"),
    title: t.exposeString("title"),
    titleEn: t.exposeString("titleEn"),
    duty: t.exposeString("duty", { description: "The plan's own wording of the duty" }),
    responsibilityClause: t.exposeString("responsibilityClause", { description: "The plan's sentence naming lead and supporting departments" }),
    status: t.field({ type: TaskStatusEnum, resolve: column("status") }),
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
      resolve: (query, _task, _args, ctx) => ctx.db.area.findMany({ ...query, where: { cityCode: DAQING }, orderBy: { ordinal: "asc" } }),
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
    totalCount: (_conn, args, ctx) => ctx.db.task.count({ where: taskWhere(parseInput(taskFilterSchema, args)) }),
    defaultSize: 50,
    maxSize: 200,
    description: "Tasks in the plan's order, filterable (public)",
    args: {
      groupCode: t.arg.string({ description: "Task group 1–5" }),
      departmentCode: t.arg.string({ description: "Only tasks this department leads or supports" }),
      role: t.arg({ type: AssignmentRoleEnum, description: "With departmentCode: only LEAD or only SUPPORT; alone: tasks having such an assignment" }),
      status: t.arg({ type: TaskStatusEnum }),
    },
    resolve: (query, _root, args, ctx) => {
      const filter = parseInput(taskFilterSchema, args);
      return ctx.db.task.findMany({ ...query, where: taskWhere(filter), orderBy: { id: "asc" } });
    },
  }),
}));

builder.mutationField("setTaskStatus", (t) =>
  t.prismaField({
    type: "Task",
    authScopes: { steeringGroup: true },
    description: "The steering group sets a task's traffic-light status (recorded in the change history)",
    args: {
      code: t.arg.string({ required: true }),
      status: t.arg({ type: TaskStatusEnum, required: true }),
    },
    resolve: async (query, _root, args, ctx) => {
      const task = await setTaskStatus(ctx.db, ctx.viewer, args);
      return ctx.db.task.findUniqueOrThrow({ ...query, where: { id: task.id } });
    },
  }),
);
