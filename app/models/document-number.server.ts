// The N of a document's 发文字号 (庆生态改〔2026〕N号) when the office has not registered one: the record's place among
// its year's records of the same kind, counted over all of them (not only those a viewer may read), so every reader
// gets the same number for the same document. The office can still give its registered number (?number=N).
import type { Db } from "../utils/db.server";
import { SHANGHAI_OFFSET_MS } from "../utils/time";

const yearBounds = (year: number) => ({
  gte: new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS),
  lt: new Date(Date.UTC(year + 1, 0, 1) - SHANGHAI_OFFSET_MS),
});

/** A cycle's place among the cycles due in the same year, by due date, then period. */
export async function cycleSequence(db: Db, period: string): Promise<{ year: number; n: number } | null> {
  const cycle = await db.reportingCycle.findUnique({ where: { period }, select: { dueDate: true } });
  if (!cycle) return null;
  const year = new Date(cycle.dueDate.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  const before = await db.reportingCycle.count({
    where: {
      dueDate: yearBounds(year),
      OR: [{ dueDate: { lt: cycle.dueDate } }, { dueDate: cycle.dueDate, period: { lte: period } }],
    },
  });
  return { year, n: before };
}

/** An inspection's place among the inspections scheduled in the same year, by day, then workflow ID. */
export async function inspectionSequence(db: Db, workflowId: string): Promise<{ year: number; n: number } | null> {
  const inspection = await db.inspection.findUnique({ where: { workflowId }, select: { scheduledFor: true } });
  if (!inspection) return null;
  const at = inspection.scheduledFor;
  const year = new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
  const before = await db.inspection.count({
    where: {
      scheduledFor: yearBounds(year),
      OR: [{ scheduledFor: { lt: at } }, { scheduledFor: at, workflowId: { lte: workflowId } }],
    },
  });
  return { year, n: before };
}
