// The change history. Always written inside the transaction of the change it describes, and only for a change that
// changed something (an update with the current values writes nothing at all).
import type { Db } from "../utils/db.server";
import type { Viewer } from "./viewer";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0] | Db;

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  changes: Record<string, unknown>;
  departmentId?: number | null;
}

export async function recordAudit(tx: Tx, actor: Pick<Viewer, "id" | "departmentId"> | null, e: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      departmentId: e.departmentId ?? actor?.departmentId ?? null,
      entityType: e.entityType,
      entityId: e.entityId,
      action: e.action,
      changes: JSON.stringify(e.changes),
    },
  });
}

/** For a workflow's step taken on a person's behalf: the workflow knows its actor by ID only. */
export async function recordAuditFor(tx: Tx, actorId: number | null, e: AuditEntry) {
  const actor =
    actorId == null
      ? null
      : await tx.user.findUnique({ where: { id: actorId }, select: { id: true, departmentId: true } });
  await recordAudit(tx, actor, e);
}

/** The fields whose value would change, as [before, after]; empty when the update changes nothing. */
export function changedFields<T extends Record<string, unknown>>(
  current: T,
  update: Partial<T>,
): Record<string, [unknown, unknown]> {
  const changed: Record<string, [unknown, unknown]> = {};
  for (const [key, next] of Object.entries(update)) {
    if (next === undefined) continue;
    const before = current[key];
    const same = before instanceof Date && next instanceof Date ? before.getTime() === next.getTime() : before === next;
    if (!same) changed[key] = [before, next];
  }
  return changed;
}
