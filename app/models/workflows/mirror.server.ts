// Applying a workflow step to SQL exactly once. The step's key (workflow ID + step number) is written in the same
// transaction as the change, so an activity retried after a crash finds its key and writes nothing twice; a
// snapshot older than the row's version (two updates finishing out of order) never overwrites a newer one.
import type { Db } from "../../utils/db.server";
import type { Step } from "../../../workflows/common/step";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function applyStep(db: Db, step: Step, write: (tx: Tx, fresh: (version: number) => boolean) => Promise<void>): Promise<boolean> {
  const key = `${step.workflowId}#${step.step}`;
  return db.$transaction(async (tx) => {
    if (await tx.workflowEvent.findUnique({ where: { key }, select: { id: true } })) return false;
    await tx.workflowEvent.create({
      data: {
        key,
        workflowId: step.workflowId,
        step: step.step,
        kind: step.kind,
        at: new Date(step.at),
        actorId: step.actorId ?? null,
        detail: JSON.stringify(step.detail ?? {}),
      },
    });
    await write(tx, (version) => version < step.step);
    return true;
  });
}

export const date = (s?: string | null) => (s ? new Date(s) : null);
export const day = (d: string) => new Date(`${d}T00:00:00+08:00`);
