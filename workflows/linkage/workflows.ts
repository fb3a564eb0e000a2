// 测管联动 (monitoring–enforcement linkage), wired: the rules are ./process.ts; this file gives them updates, a
// response timer (a reminder halfway, an escalation at the deadline) and the notices each step sends. Every step is
// timestamped in workflow time so response times can be reported.
import { allHandlersFinished, condition, setHandler } from "@temporalio/workflow";
import { acts } from "../common/activities-proxy";
import { watchDeadline } from "../common/deadline";
import { onStep, type Held } from "../common/handlers";
import { getWaitingFor } from "../common/messages";
import type { Audience, TemplateParams } from "../common/notices";
import { notices, stepCounter, type NoticeSpec } from "../common/step";
import { linkageWorkflowId } from "../ids";
import * as m from "./messages";
import * as p from "./process";

export async function linkageCaseWorkflow(input: m.LinkageInput): Promise<p.LinkageState> {
  const workflowId = linkageWorkflowId(input.alertId);
  let state = p.initialState(input, Date.now());
  const held: Held<p.LinkageState> = { get: () => state, set: (next) => void (state = next) };
  const nextStep = stepCounter(workflowId);
  const enforcement: Audience = { departmentId: input.enforcementDepartmentId };
  const monitoring: Audience = { departmentId: input.monitoringDepartmentId };
  const params: TemplateParams = {
    station: input.station,
    area: input.area,
    kind: input.kind,
    due: p.minuteOf(state.responseDeadline),
    factor: input.frequencyFactor,
    ratio: `${Math.round(input.spotCheckRatio * 100)}%`,
    occurredAt: p.minuteOf(input.occurredAt),
  };

  const record = async (
    kind: string,
    actorId?: number | null,
    detail?: Record<string, unknown>,
    send: NoticeSpec[] = [],
  ) => {
    const step = nextStep(kind, actorId, detail);
    await acts.mirrorLinkage(step, { input, state, waitingFor: p.waitingFor(state) }, notices(step, params, send));
  };

  setHandler(getWaitingFor, () => p.waitingFor(state));
  onStep(m.respondToCase, p.LINKAGE_STEPS.RESPOND, held, (actor) => record("RESPOND", actor.userId));
  onStep(m.recordEnforcementResult, p.LINKAGE_STEPS.RECORD_RESULT, held, (actor, result) =>
    record("RESULT", actor.userId, { violationFound: result.violationFound }),
  );
  onStep(m.closeCase, p.LINKAGE_STEPS.CLOSE, held, (actor) =>
    record("CLOSE", actor.userId, undefined, [
      {
        template: "LINKAGE_CLOSED",
        to: [enforcement, monitoring],
        params: {
          violation: state.violationFound ? { zh: "是", en: "yes" } : { zh: "否", en: "no" },
          action: state.actionTaken ?? "",
        },
      },
    ]),
  );

  await record("OPEN", input.openedBy, undefined, [{ template: "LINKAGE_OPENED", to: [enforcement, monitoring] }]);
  await watchDeadline({
    deadline: Date.parse(state.responseDeadline),
    // The plan asks for rapid response: one reminder, early.
    reminders: [{ at: p.reminderAt(state), point: "REMINDER" }],
    finished: () => p.answered(state),
    satisfied: () => false,
    fire: async (point) => {
      const overdue = point === "OVERDUE";
      state = overdue ? p.escalate(state, Date.now()) : p.remind(state, Date.now());
      await record(overdue ? "ESCALATE" : "REMIND", null, undefined, [
        overdue
          ? { template: "LINKAGE_OVERDUE", to: [{ role: "STEERING_GROUP" }, enforcement] }
          : { template: "LINKAGE_REMINDER", to: [enforcement] },
      ]);
    },
  });
  await condition(() => state.status === "CLOSED");
  await condition(allHandlersFinished);
  return state;
}
