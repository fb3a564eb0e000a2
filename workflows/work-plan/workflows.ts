// 年度工作计划 (annual work plan), one per department and year, wired: the rules are ./process.ts; this file gives
// them updates, the submission timers (a reminder, an escalation), the approved baseline's milestone timers, and
// the notices each step sends.
import { allHandlersFinished, condition, setHandler } from "@temporalio/workflow";
import { acts } from "../common/activities-proxy";
import { watchDeadline } from "../common/deadline";
import { onStep, type Held } from "../common/handlers";
import { getWaitingFor } from "../common/messages";
import type { Audience } from "../common/notices";
import { notices, stepCounter, type NoticeSpec } from "../common/step";
import { workPlanWorkflowId } from "../ids";
import * as m from "./messages";
import * as p from "./process";

export async function annualWorkPlanWorkflow(input: m.WorkPlanInput): Promise<p.WorkPlanState> {
  const workflowId = workPlanWorkflowId(input.year, input.departmentCode);
  let state = p.initialState(input);
  const held: Held<p.WorkPlanState> = { get: () => state, set: (next) => void (state = next) };
  const nextStep = stepCounter(workflowId);
  const dept: Audience = { departmentId: input.departmentId };
  const params = { year: input.year, department: input.department, due: input.dueDate };

  const record = async (
    kind: string,
    actorId?: number | null,
    detail?: Record<string, unknown>,
    send: NoticeSpec[] = [],
  ) => {
    const step = nextStep(kind, actorId, detail);
    await acts.mirrorWorkPlan(step, { input, state, waitingFor: p.waitingFor(state) }, notices(step, params, send));
  };
  const milestone = (ordinal: number) => state.milestones[ordinal - 1];

  setHandler(getWaitingFor, () => p.waitingFor(state));
  onStep(m.saveMilestones, p.WORK_PLAN_STEPS.SAVE_MILESTONES, held, (actor, { milestones }) => {
    // Due dates on weekends and holidays move to the next working day (a no-op for plans without a calendar).
    state = p.milestonesOnWorkingDays(state, input.calendar);
    return record("SAVE_MILESTONES", actor.userId, { count: milestones.length });
  });
  onStep(m.submitWorkPlan, p.WORK_PLAN_STEPS.SUBMIT, held, (actor) =>
    record(
      "SUBMIT",
      actor.userId,
      { revision: state.revision, onTime: Date.now() < p.submissionDeadline(state, input.calendar) },
      [{ template: "WORKPLAN_SUBMITTED", to: [{ role: "STEERING_GROUP" }], params: { revision: state.revision } }],
    ),
  );
  onStep(m.returnWorkPlan, p.WORK_PLAN_STEPS.RETURN, held, (actor, { reason }) =>
    record("RETURN", actor.userId, { reason, revision: state.revision }, [
      { template: "WORKPLAN_RETURNED", to: [dept], params: { reason } },
    ]),
  );
  onStep(m.approveWorkPlan, p.WORK_PLAN_STEPS.APPROVE, held, (actor) =>
    record("APPROVE", actor.userId, { revision: state.revision }, [{ template: "WORKPLAN_APPROVED", to: [dept] }]),
  );
  onStep(m.completeMilestone, p.WORK_PLAN_STEPS.COMPLETE_MILESTONE, held, (actor, { ordinal, note }) =>
    record("COMPLETE_MILESTONE", actor.userId, { ordinal, what: milestone(ordinal).what, note }),
  );

  const asked = input.requestedDueDate ? { requestedDueDate: input.requestedDueDate } : {};
  await record("OPEN", input.openedBy, { dueDate: input.dueDate, ...asked }, [
    { template: "WORKPLAN_OPENED", to: [dept] },
  ]);

  // Submission deadline: a reminder to the department, then escalation to the steering group; none while under review.
  await watchDeadline({
    deadline: p.submissionDeadline(state, input.calendar),
    reminders: [{ at: p.submissionReminderAt(state, input.leadDays, input.calendar), point: "REMINDER" }],
    finished: () => p.reviewed(state),
    satisfied: () => p.awaitingReview(state),
    fire: async (point) => {
      const overdue = point === "OVERDUE";
      state = overdue ? p.escalateSubmission(state, Date.now()) : p.remindSubmission(state, Date.now());
      await record(overdue ? "ESCALATE" : "REMIND", null, undefined, [
        overdue
          ? { template: "WORKPLAN_OVERDUE", to: [{ role: "STEERING_GROUP" }, dept] }
          : { template: "WORKPLAN_REMINDER", to: [dept] },
      ]);
    },
  });
  await condition(() => p.reviewed(state));

  // The approved plan is the baseline: each milestone has its own reminder and escalation.
  await Promise.all(
    state.milestones.map((baseline) =>
      watchDeadline({
        deadline: p.milestoneDeadline(baseline, input.calendar),
        reminders: [{ at: p.milestoneReminderAt(baseline, input.leadDays, input.calendar), point: "REMINDER" }],
        finished: () => p.milestoneDone(state, baseline.ordinal),
        satisfied: () => false,
        fire: async (point) => {
          const overdue = point === "OVERDUE";
          const { ordinal, what, indicator, dueDate } = baseline;
          state = overdue
            ? p.escalateMilestone(state, ordinal, Date.now())
            : p.remindMilestone(state, ordinal, Date.now());
          const about = { what, indicator, due: dueDate };
          await record(overdue ? "MILESTONE_OVERDUE" : "MILESTONE_REMIND", null, { ordinal, what }, [
            overdue
              ? { template: "MILESTONE_OVERDUE", to: [{ role: "STEERING_GROUP" }, dept], params: about }
              : { template: "MILESTONE_REMINDER", to: [dept], params: about },
          ]);
        },
      }),
    ),
  );
  await condition(() => p.allMilestonesDone(state));
  state = p.complete(state, Date.now());
  await record("COMPLETE");
  await condition(allHandlersFinished);
  return state;
}
