// Applying a workflow step to SQL exactly once. The step's key (workflow ID + step number) is written in the same
// transaction as the change, so an activity retried after a crash finds its key and writes nothing twice; a
// snapshot older than the row's version (two updates finishing out of order) never overwrites a newer one.
import { dialectOf, type Db } from "../../utils/db.server";
import type { WaitingFor } from "../../../workflows/common/messages";
import type { Bilingual } from "../../../workflows/common/process";
import type { Step } from "../../../workflows/common/step";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function applyStep(
  db: Db,
  step: Step,
  write: (tx: Tx, fresh: (version: number) => boolean) => Promise<void>,
): Promise<boolean> {
  const key = `${step.workflowId}#${step.step}`;
  return db.$transaction(async (tx) => {
    // One workflow's mirror writes must not interleave: two steps in flight at once would both pass the freshness
    // check, and the older could commit last. SQLite runs one write transaction at a time; PostgreSQL does not, so
    // the transaction first takes a lock on the workflow, held until it commits (docs/decisions/017-two-databases.md).
    if (dialectOf(db) === "postgresql")
      await tx.$queryRawUnsafe(
        `SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS "l"`,
        step.workflowId,
      );
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

/**
 * Replaces the WaitingItem rows of a workflow with what it waits for now: one row per party and step, so "what waits
 * for me" is one indexed read. Call it inside the mirror's transaction, after the freshness check.
 */
export async function replaceWaiting(
  tx: Tx,
  workflowId: string,
  process: string,
  title: Bilingual,
  waitingFor: WaitingFor[],
): Promise<void> {
  await tx.waitingItem.deleteMany({ where: { workflowId } });
  if (waitingFor.length === 0) return;
  await tx.waitingItem.createMany({
    data: waitingFor.map((w) => ({
      workflowId,
      process,
      what: w.what,
      who: w.who,
      zh: w.zh,
      en: w.en,
      titleZh: title.zh,
      titleEn: title.en,
      deadline: w.deadline ? new Date(w.deadline) : null,
    })),
  });
}
