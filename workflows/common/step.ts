// Each workflow numbers its steps; the number and the workflow ID make the idempotency key of the mirror write
// and of every notice sent at that step, so replays and retries land on the same keys.
import { iso } from "./deadline";

export interface Step {
  workflowId: string;
  step: number;
  kind: string;
  /** Workflow time, ISO */
  at: string;
  actorId?: number | null;
  detail?: Record<string, unknown>;
}

export function stepCounter(workflowId: string) {
  let n = 0;
  return (kind: string, actorId?: number | null, detail?: Record<string, unknown>): Step => ({
    workflowId,
    step: ++n,
    kind,
    at: iso(Date.now()),
    actorId: actorId ?? null,
    detail,
  });
}

/** A copy of the state as it is now (the workflow sandbox has no structuredClone). */
export const snapshot = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;
