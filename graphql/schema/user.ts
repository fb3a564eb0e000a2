// Signed-in views: who I am, users (steering group only) and the change history (signed-in only); changing one's
// password, and the steering group's changes to a user's role and status (app/models/user.server.ts).
import { builder } from "../builder";
import { RoleEnum } from "./enums";
import type { Role, Viewer } from "../../app/models/viewer";
import { auditWhere, mayReadAccount } from "../../app/models/read-policy.server";
import { forbidden } from "../../app/utils/errors";
import { changePassword, setUserActive, updateUser } from "../../app/models/user.server";
import { createSession } from "../../app/utils/session.server";
import { setResponseCookie } from "../response-cookies.server";
import type { GraphQLContext } from "../context";
import { BilingualRef } from "./process";
import { describeChange, type Names } from "../../app/models/change-history";
import { sentence } from "../../workflows/common/events";

/** What the codes in recorded changes stand for, read once per request (departments, areas and users are few). */
function namesFor(ctx: GraphQLContext): Promise<Names> {
  const c = ctx as GraphQLContext & { changeNames?: Promise<Names> };
  return (c.changeNames ??= Promise.all([
    ctx.db.department.findMany({ select: { code: true, name: true, nameEn: true } }),
    ctx.db.area.findMany({ select: { code: true, name: true, nameEn: true } }),
    ctx.db.user.findMany({ select: { id: true, name: true } }),
  ]).then(([departments, areas, users]) => ({
    departments: new Map(departments.map((d) => [d.code, { zh: d.name, en: d.nameEn }])),
    areas: new Map(areas.map((a) => [a.code, { zh: a.name, en: a.nameEn }])),
    users: new Map(users.map((u) => [String(u.id), u.name])),
  })));
}

// A user's name, department and area are the capacity they act in and show beside their changes; e-mail, role,
// language and status are account data, read only by the steering group (who may list users) and the user
// (app/models/read-policy.server.ts).
const account =
  <T>(read: (u: { id: number; email: string; role: string; locale: string; active: boolean }) => T) =>
  (
    u: { id: number; email: string; role: string; locale: string; active: boolean },
    _args: object,
    ctx: { viewer: Viewer | null },
  ): T => {
    if (!mayReadAccount(ctx.viewer, u.id))
      throw forbidden("您无权查看其他用户的账户信息", "You may not read another user's account details");
    return read(u);
  };

builder.prismaObject("User", {
  fields: (t) => ({
    email: t.string({ description: "Steering group and the user only", resolve: account((u) => u.email) }),
    name: t.exposeString("name"),
    role: t.field({
      type: RoleEnum,
      description: "Steering group and the user only",
      resolve: account((u) => u.role as Role),
    }),
    locale: t.string({ description: "Steering group and the user only", resolve: account((u) => u.locale) }),
    active: t.boolean({
      description: "A deactivated user cannot sign in (steering group and the user only)",
      resolve: account((u) => u.active),
    }),
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
    sentence: t.field({
      type: BilingualRef,
      description:
        "The change in people's words, its actor in front: 专项小组 王组长 将任务1.1的状态调整为正常推进：……",
      select: { actor: { select: { name: true } }, department: { select: { name: true, nameEn: true } } },
      resolve: async (e, _a, ctx) => {
        const described = describeChange(
          { ...e, changes: JSON.parse(e.changes) as Record<string, unknown> },
          await namesFor(ctx),
        );
        const unit = e.department ? { zh: e.department.name, en: e.department.nameEn } : null;
        return sentence(described, e.actor ? { name: e.actor.name, department: unit } : null);
      },
    }),
    department: t.relation("department", { nullable: true, description: "The department the actor acted for" }),
  }),
});

builder.queryFields((t) => ({
  me: t.prismaField({
    type: "User",
    nullable: true,
    description: "The signed-in user, or null",
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.db.user.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
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
    description: "Changes, newest first: only entries about records the viewer may read (README: who reads what)",
    resolve: async (query, _root, args, ctx) =>
      ctx.db.auditEvent.findMany({
        ...query,
        where: {
          AND: [
            {
              ...(args.entityType ? { entityType: args.entityType } : {}),
              ...(args.entityId ? { entityId: args.entityId } : {}),
            },
            await auditWhere(ctx.db, ctx.viewer),
          ],
        },
        orderBy: { id: "desc" },
      }),
  }),
}));

builder.mutationFields((t) => ({
  changePassword: t.boolean({
    description:
      "Changes your own password (at least 12 characters). Ends all your sessions and signs this browser in anew.",
    authScopes: { signedIn: true },
    args: { current: t.arg.string({ required: true }), new: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await changePassword(ctx.db, ctx.viewer, { current: args.current, new: args.new });
      setResponseCookie(ctx.request, await createSession(ctx.db, ctx.viewer!.id, ctx.request));
      return true;
    },
  }),
  updateUser: t.prismaField({
    type: "User",
    description:
      "Steering group: a user's role and where they act (department, or area for an area implementer). Ends their sessions.",
    authScopes: { steeringGroup: true },
    args: {
      email: t.arg.string({ required: true }),
      role: t.arg({ type: RoleEnum, required: true }),
      departmentCode: t.arg.string(),
      areaCode: t.arg.string(),
    },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await updateUser(ctx.db, ctx.viewer, args);
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setUserActive: t.prismaField({
    type: "User",
    description: "Steering group: deactivate a user (ends their sessions; they cannot sign in) or reactivate them",
    authScopes: { steeringGroup: true },
    args: { email: t.arg.string({ required: true }), active: t.arg.boolean({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await setUserActive(ctx.db, ctx.viewer, args);
      return ctx.db.user.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
