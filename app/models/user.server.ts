// Users: signing in, changing one's password, and the steering group's changes to a user's role and status.
// Every change to what a user may do (password, role, department or area, deactivation) ends all their sessions at
// once, in the same transaction as the change and its audit event.
import { randomBytes } from "node:crypto";
import type { Db } from "../utils/db.server";
import { AppError, notFound } from "../utils/errors";
import { hashPassword, verifyPassword } from "../utils/password.server";
import { label, msg, parseInput, unchanged, z } from "../utils/validation";
import { recordAudit } from "./audit.server";
import { clearAccountFailures, recordSignInFailure, throttleWait, tooManyAttempts } from "./sign-in-throttle.server";
import { requireRole, requireViewer, ROLES, type Role, type Viewer } from "./viewer";

/** Verifies a password against a stored hash; tests pass a counting wrapper around the real one. */
export type VerifyPassword = (password: string, stored: string) => Promise<boolean>;

// The hash an unknown or deactivated address is checked against, so that it costs the same scrypt work as a known one.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));

export const wrongCredentials = () => new AppError("UNAUTHENTICATED", "邮箱或密码不正确", "Wrong e-mail or password");

export const normaliseEmail = (email: string) => email.trim().toLowerCase().slice(0, 254);

export async function signIn(
  db: Db,
  input: { email: string; password: string; clientAddress: string },
  verify: VerifyPassword = verifyPassword,
): Promise<{ id: number; locale: string }> {
  const email = normaliseEmail(input.email);
  const keys = { account: email, client: input.clientAddress };
  const wait = await throttleWait(db, keys);
  if (wait) throw tooManyAttempts(wait);
  const user = email
    ? await db.user.findUnique({
        where: { email },
        select: { id: true, passwordHash: true, locale: true, active: true },
      })
    : null;
  const usable = user?.active ? user : null;
  const ok = await verify(input.password, usable ? usable.passwordHash : await dummy());
  if (!usable || !ok) {
    const blocked = await recordSignInFailure(db, keys);
    throw blocked ? tooManyAttempts(blocked) : wrongCredentials();
  }
  await clearAccountFailures(db, email);
  return { id: usable.id, locale: usable.locale };
}

const userLabels = {
  current: label("当前密码", "current password"),
  new: label("新密码", "new password"),
  email: label("邮箱", "e-mail"),
  role: label("角色", "role"),
  departmentCode: label("所属单位", "unit"),
  areaCode: label("所属县区", "area"),
  name: label("姓名", "name"),
  locale: label("语言", "language"),
  password: label("初始密码", "initial password"),
};

// ASVS 2.1.1/2.1.2: at least 12 characters, at most 128, any characters.
const newPassword = z
  .string()
  .min(12, msg("至少12个字符", "must have at least 12 characters"))
  .max(128, msg("不能超过128个字符", "must have at most 128 characters"));

/** Changes the viewer's own password; ends every session of theirs (the caller opens a new one for this browser). */
export async function changePassword(
  db: Db,
  viewer: Viewer | null,
  input: { current: string; new: string },
  verify: VerifyPassword = verifyPassword,
) {
  const v = requireViewer(viewer);
  const { new: next } = parseInput(z.object({ new: newPassword }), { new: input.new }, userLabels);
  const wait = await throttleWait(db, { account: v.email });
  if (wait) throw tooManyAttempts(wait);
  const user = await db.user.findUniqueOrThrow({ where: { id: v.id }, select: { passwordHash: true } });
  if (!(await verify(input.current, user.passwordHash))) {
    const blocked = await recordSignInFailure(db, { account: v.email });
    if (blocked) throw tooManyAttempts(blocked);
    throw new AppError("BAD_INPUT", "当前密码不正确", "The current password is wrong", {
      problems: [{ field: "current", label: userLabels.current, zh: "不正确", en: "is wrong" }],
    });
  }
  if (next === input.current)
    throw new AppError("BAD_INPUT", "新密码不能与当前密码相同", "The new password must differ from the current one", {
      problems: [{ field: "new", label: userLabels.new, zh: "与当前密码相同", en: "is the current password" }],
    });
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: v.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: v.id } });
    await recordAudit(tx, v, { entityType: "User", entityId: String(v.id), action: "CHANGE_PASSWORD", changes: {} });
  });
}

const userChange = z.object({
  email: z.string().max(254),
  role: z.enum(ROLES, msg("未知的角色", "unknown role")),
  departmentCode: z.string().max(64).nullish(),
  areaCode: z.string().max(20).nullish(),
});

async function targetUser(db: Db, viewer: Viewer, email: string) {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    include: { department: true, area: true },
  });
  if (!user) throw notFound("用户", "User", email);
  if (user.id === viewer.id)
    throw new AppError(
      "FORBIDDEN",
      "不能更改自己的角色、所属单位或账号状态",
      "You cannot change your own role, unit or account status",
    );
  return user;
}

/** Where a role acts: an area implementer for an area; the steering group and inspectors for the steering group's
 *  department; a department member for a municipal department or the monitoring centre. */
async function placeFor(db: Db, role: Role, departmentCode?: string | null, areaCode?: string | null) {
  if (role === "AREA_IMPLEMENTER") {
    const area = areaCode ? await db.area.findUnique({ where: { code: areaCode } }) : null;
    if (!area)
      throw new AppError("BAD_INPUT", "县区落实人员须指定所属县区", "An area implementer needs an area", {
        problems: [{ field: "areaCode", label: userLabels.areaCode, zh: "须指定", en: "is required" }],
      });
    return { departmentId: null, areaId: area.id, department: null, area: area.code };
  }
  const dept = departmentCode ? await db.department.findUnique({ where: { code: departmentCode } }) : null;
  const steering = role === "STEERING_GROUP" || role === "INSPECTOR";
  if (!dept || (dept.kind === "STEERING_GROUP") !== steering)
    throw new AppError(
      "BAD_INPUT",
      steering ? "专项小组成员和督导检查人员须属于专项小组" : "部门人员须属于一个市直部门或监测中心站",
      steering
        ? "Steering group members and inspectors belong to the steering group"
        : "A department member belongs to a municipal department or the monitoring centre",
      {
        problems: [
          { field: "departmentCode", label: userLabels.departmentCode, zh: "与角色不符", en: "does not fit the role" },
        ],
      },
    );
  return { departmentId: dept.id, areaId: null, department: dept.code, area: null };
}

/** The steering group changes a user's role and where they act; their sessions end so the change applies at once. */
export async function updateUser(db: Db, viewer: Viewer | null, input: unknown): Promise<{ id: number }> {
  const v = requireRole(viewer, "STEERING_GROUP");
  const data = parseInput(userChange, input, userLabels);
  const user = await targetUser(db, v, data.email);
  const place = await placeFor(db, data.role, data.departmentCode, data.areaCode);
  const before = { role: user.role, department: user.department?.code ?? null, area: user.area?.code ?? null };
  const after = { role: data.role, department: place.department, area: place.area };
  const changes = Object.fromEntries(
    (Object.keys(after) as (keyof typeof after)[])
      .filter((k) => before[k] !== after[k])
      .map((k) => [k, { from: before[k], to: after[k] }]),
  );
  // Nothing changed: no write, no audit event, the user's sessions kept (docs/decisions/012's UNCHANGED).
  if (Object.keys(changes).length === 0) throw unchanged("角色和所属单位", "role and unit");
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { role: data.role, departmentId: place.departmentId, areaId: place.areaId },
    });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, v, { entityType: "User", entityId: String(user.id), action: "UPDATE_ROLE", changes });
  });
  return { id: user.id };
}

/** The steering group deactivates (ending every session) or reactivates a user. */
export async function setUserActive(
  db: Db,
  viewer: Viewer | null,
  input: { email: string; active: boolean },
): Promise<{ id: number }> {
  const v = requireRole(viewer, "STEERING_GROUP");
  const user = await targetUser(db, v, input.email);
  if (user.active === input.active) throw unchanged("账号状态", "account status");
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { active: input.active, deactivatedAt: input.active ? null : new Date() },
    });
    if (!input.active) await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, v, {
      entityType: "User",
      entityId: String(user.id),
      action: input.active ? "REACTIVATE" : "DEACTIVATE",
      changes: { active: input.active },
    });
  });
  return { id: user.id };
}

const newUser = z.object({
  email: z.string().trim().toLowerCase().max(254).email(msg("不是有效的邮箱地址", "is not a valid e-mail address")),
  name: z
    .string()
    .trim()
    .min(1, msg("须填写", "is required"))
    .max(64, msg("不能超过64个字符", "must have at most 64 characters")),
  role: z.enum(ROLES, msg("未知的角色", "unknown role")),
  departmentCode: z.string().max(64).nullish(),
  areaCode: z.string().max(20).nullish(),
  locale: z.enum(["zh", "en"], msg("只能是 zh 或 en", "must be zh or en")).default("zh"),
  password: newPassword,
});

/**
 * Adds a user where their role acts (the same rule as updateUser). The steering group adds users; `by:
 * "operator-command"` is the deployment's own command-line tool (scripts/create-user.ts), which creates the first
 * steering-group account of a new deployment where nobody can sign in yet. No API path passes it.
 */
export async function createUser(
  db: Db,
  viewer: Viewer | null,
  input: unknown,
  by: "steering-group" | "operator-command" = "steering-group",
): Promise<{ id: number }> {
  const v = by === "operator-command" ? null : requireRole(viewer, "STEERING_GROUP");
  const data = parseInput(newUser, input, userLabels);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } }))
    throw new AppError("BAD_INPUT", `${data.email} 已有账号`, `${data.email} already has an account`, {
      problems: [{ field: "email", label: userLabels.email, zh: "已有账号", en: "already has an account" }],
    });
  const place = await placeFor(db, data.role, data.departmentCode, data.areaCode);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: data.email,
        name: data.name,
        role: data.role,
        departmentId: place.departmentId,
        areaId: place.areaId,
        locale: data.locale,
        passwordHash,
      },
      select: { id: true },
    });
    await recordAudit(tx, v, {
      entityType: "User",
      entityId: String(user.id),
      action: "CREATE",
      changes: { role: data.role, department: place.department, area: place.area, by },
    });
    return user;
  });
}
