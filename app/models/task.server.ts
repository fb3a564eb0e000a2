import type { Db } from "../utils/db.server";
import { notFound } from "../utils/errors";
import { label, parseInput, text, unchanged, z } from "../utils/validation";
import { requireRole, type Viewer } from "./viewer";
import { keys, TASK_STATUSES, ASSIGNMENT_ROLES } from "./vocabulary";
import { changedFields, recordAudit } from "./audit.server";

export const taskFilterSchema = z.object({
  groupCode: z.string().max(10).nullish(),
  departmentCode: z.string().max(64).nullish(),
  role: z.enum(keys(ASSIGNMENT_ROLES)).nullish(),
  status: z.enum(keys(TASK_STATUSES)).nullish(),
});
export type TaskFilter = z.infer<typeof taskFilterSchema>;
export const taskLabels = {
  groupCode: label("任务组", "task group"),
  departmentCode: label("部门", "department"),
  role: label("牵头或配合", "lead or supporting"),
  status: label("状态", "status"),
  code: label("任务", "task"),
  reason: label("原因", "reason"),
};

/** `withStatus`: with a status filter, the IDs of the tasks whose status (override or derived) is the one asked for. */
export function taskWhere(f: TaskFilter, withStatus?: number[]) {
  const assignment =
    f.departmentCode || f.role
      ? {
          assignments: {
            some: {
              ...(f.departmentCode ? { department: { code: f.departmentCode } } : {}),
              ...(f.role ? { role: f.role } : {}),
            },
          },
        }
      : {};
  return {
    ...(f.groupCode ? { group: { code: f.groupCode } } : {}),
    ...(f.status ? { id: { in: withStatus ?? [] } } : {}),
    ...assignment,
  };
}

const overrideInput = z.object({
  code: z.string().max(10),
  status: z.enum(keys(TASK_STATUSES)),
  reason: text(500, { multiline: true }),
});

/**
 * The steering group sets a task's status against the one derived from its facts, with a reason that is shown beside
 * the derived status (docs/decisions/014-task-status-from-facts.md). The same status and reason again: UNCHANGED.
 */
export async function overrideTaskStatus(db: Db, viewer: Viewer | null, input: unknown) {
  const actor = requireRole(viewer, "STEERING_GROUP");
  const { code, status, reason } = parseInput(overrideInput, input, taskLabels);
  return db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { code } });
    if (!task) throw notFound("任务", "Task", code);
    const changes = changedFields(
      { statusOverride: task.statusOverride, statusOverrideReason: task.statusOverrideReason },
      { statusOverride: status, statusOverrideReason: reason },
    );
    if (Object.keys(changes).length === 0) throw unchanged("任务状态调整", "task status override");
    const updated = await tx.task.update({
      where: { id: task.id },
      data: {
        statusOverride: status,
        statusOverrideReason: reason,
        statusOverriddenAt: new Date(),
        statusOverriddenById: actor.id,
      },
    });
    await recordAudit(tx, actor, { entityType: "Task", entityId: code, action: "OVERRIDE_STATUS", changes });
    return updated;
  });
}

/** The steering group withdraws its override: the derived status is the task's status again. None recorded: UNCHANGED. */
export async function clearTaskStatusOverride(db: Db, viewer: Viewer | null, input: unknown) {
  const actor = requireRole(viewer, "STEERING_GROUP");
  const { code } = parseInput(z.object({ code: z.string().max(10) }), input, taskLabels);
  return db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { code } });
    if (!task) throw notFound("任务", "Task", code);
    if (task.statusOverride === null) throw unchanged("任务状态调整", "task status override");
    const updated = await tx.task.update({
      where: { id: task.id },
      data: { statusOverride: null, statusOverrideReason: null, statusOverriddenAt: null, statusOverriddenById: null },
    });
    await recordAudit(tx, actor, {
      entityType: "Task",
      entityId: code,
      action: "CLEAR_STATUS_OVERRIDE",
      changes: {
        statusOverride: [task.statusOverride, null],
        statusOverrideReason: [task.statusOverrideReason, null],
      },
    });
    return updated;
  });
}
