import type { Db } from "../utils/db.server";
import { notFound } from "../utils/errors";
import { parseInput, z } from "../utils/validation";
import { requireRole, type Viewer } from "./viewer";
import { keys, TASK_STATUSES, ASSIGNMENT_ROLES } from "./vocabulary";
import { recordAudit } from "./audit.server";

export const taskFilterSchema = z.object({
  groupCode: z.string().max(10).nullish(),
  departmentCode: z.string().max(64).nullish(),
  role: z.enum(keys(ASSIGNMENT_ROLES)).nullish(),
  status: z.enum(keys(TASK_STATUSES)).nullish(),
});
export type TaskFilter = z.infer<typeof taskFilterSchema>;

export function taskWhere(f: TaskFilter) {
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
    ...(f.status ? { status: f.status } : {}),
    ...assignment,
  };
}

const statusInput = z.object({ code: z.string().max(10), status: z.enum(keys(TASK_STATUSES)) });

export async function setTaskStatus(db: Db, viewer: Viewer | null, input: unknown) {
  const actor = requireRole(viewer, "STEERING_GROUP");
  const { code, status } = parseInput(statusInput, input);
  return db.$transaction(async (tx) => {
    const task = await tx.task.findUnique({ where: { code } });
    if (!task) throw notFound("任务", "Task", code);
    const updated = await tx.task.update({ where: { id: task.id }, data: { status } });
    await recordAudit(tx, actor, { entityType: "Task", entityId: code, action: "SET_STATUS", changes: { status: [task.status, status] } });
    return updated;
  });
}
