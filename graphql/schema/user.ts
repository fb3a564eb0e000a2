// Signed-in views: who I am, users (steering group only) and the change history (signed-in only).
import { builder } from "../builder";
import { RoleEnum } from "./enums";
import type { Role } from "../../app/models/viewer";

builder.prismaObject("User", {
  fields: (t) => ({
    email: t.exposeString("email"),
    name: t.exposeString("name"),
    role: t.field({ type: RoleEnum, resolve: (u) => u.role as Role }),
    locale: t.exposeString("locale"),
    department: t.relation("department", { nullable: true }),
    area: t.relation("area", { nullable: true }),
  }),
});

builder.prismaObject("AuditEvent", {
  description: "One change: who, when, acting for which department, what",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    actor: t.relation("actor", { nullable: true }),
    entityType: t.exposeString("entityType"),
    entityId: t.exposeString("entityId"),
    action: t.exposeString("action"),
    changes: t.exposeString("changes", { description: "JSON of the changed fields" }),
    department: t.relation("department", { nullable: true, description: "The department the actor acted for" }),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: "User",
    nullable: true,
    description: "The signed-in user, or null",
    resolve: (query, _root, _args, ctx) => (ctx.viewer ? ctx.db.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null),
  }),
  users: t.prismaField({
    type: ["User"],
    authScopes: { steeringGroup: true },
    resolve: (query, _root, _args, ctx) => ctx.db.user.findMany({ ...query, orderBy: { id: "asc" } }),
  }),
  changeHistory: t.prismaConnection({
    type: "AuditEvent",
    cursor: "id",
    authScopes: { signedIn: true },
    args: { entityType: t.arg.string(), entityId: t.arg.string() },
    resolve: (query, _root, args, ctx) =>
      ctx.db.auditEvent.findMany({
        ...query,
        where: { ...(args.entityType ? { entityType: args.entityType } : {}), ...(args.entityId ? { entityId: args.entityId } : {}) },
        orderBy: { id: "desc" },
      }),
  }),
}));
