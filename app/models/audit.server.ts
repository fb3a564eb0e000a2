// The change history. Always written inside the transaction of the change it describes.
import type { Db } from "../utils/db.server";
import type { Viewer } from "./viewer";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0] | Db;

export async function recordAudit(
  tx: Tx,
  actor: Viewer | null,
  e: { entityType: string; entityId: string; action: string; changes: Record<string, unknown>; departmentId?: number | null },
) {
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
