import { builder } from "../builder";
import { AssignmentRoleEnum, column } from "./enums";
import { notFound } from "../../app/utils/errors";

builder.prismaObject("Department", {
  description: "A municipal department, the steering group or the city monitoring centre",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    shortName: t.exposeString("shortName"),
    nameEn: t.exposeString("nameEn"),
    kind: t.exposeString("kind"),
    leads: t.relation("assignments", {
      description: "Tasks this department leads (牵头)",
      query: { where: { role: "LEAD" }, orderBy: { task: { id: "asc" } } },
    }),
    supports: t.relation("assignments", {
      description: "Tasks this department supports (配合)",
      query: { where: { role: "SUPPORT" }, orderBy: { task: { id: "asc" } } },
    }),
  }),
});

builder.prismaObject("TaskAssignment", {
  description: "A department's part in a task",
  fields: (t) => ({
    role: t.field({ type: AssignmentRoleEnum, resolve: column("role") }),
    scope: t.exposeString("scope", {
      nullable: true,
      description: "What the department leads, where the plan splits the lead",
    }),
    task: t.relation("task"),
    department: t.relation("department"),
  }),
});

builder.queryFields((t) => ({
  departments: t.prismaField({
    type: ["Department"],
    description: "Every department the plan names, the steering group and the monitoring centre (public)",
    resolve: (query, _root, _args, ctx) => ctx.db.department.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
  department: t.prismaField({
    type: "Department",
    args: { code: t.arg.string({ required: true }) },
    resolve: async (query, _root, { code }, ctx) =>
      (await ctx.db.department.findUnique({ ...query, where: { code } })) ??
      Promise.reject(notFound("部门", "Department", code)),
  }),
}));
