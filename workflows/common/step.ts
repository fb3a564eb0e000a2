// Each workflow numbers its steps; the number and the workflow ID make the idempotency key of the mirror write
// and of every notice sent at that step, so replays and retries land on the same keys. A step's state write and its
// notices go in one activity: one round trip per step, which is what the fan-out benchmark is most sensitive to.
import type { Audience, Notice, TemplateName, TemplateParams } from "./notices";
import { iso } from "./calendar";

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

/** A notice to send as part of a step; its idempotency key comes from the step. */
export interface NoticeSpec {
  template: TemplateName;
  to: Audience[];
  params?: TemplateParams;
}

export function notices(step: Step, base: TemplateParams, specs: NoticeSpec[]): Notice[] {
  return specs.map((n, i) => ({
    key: `${step.workflowId}/${step.step}/${n.template}/${i}`,
    workflowId: step.workflowId,
    template: n.template,
    params: { ...base, ...n.params },
    to: n.to,
  }));
}
