// 专项督导检查 (supervisory inspection), wired: the rules are ./process.ts; this file gives them updates and timers — a
// notice when scheduled, a reminder before the day, the start on the day (which starts a recurring schedule's next
// occurrence), per finding a rectification reminder and an escalation when overdue, and the close — and the notices
// each step sends.
import type { UpdateDefinition } from "@temporalio/common";
import { allHandlersFinished, condition, ParentClosePolicy, setHandler, sleep, startChild } from "@temporalio/workflow";
import { acts } from "../common/activities-proxy";
import { watchDeadline } from "../common/deadline";
import { onStep, type Held } from "../common/handlers";
import { getWaitingFor } from "../common/messages";
import type { Audience, TemplateParams } from "../common/notices";
import { label, refusalOf, type Actor, type StepRule } from "../common/process";
import { refuse } from "../common/refuse";
import { notices, stepCounter, type NoticeSpec } from "../common/step";
import { inspectionWorkflowId } from "../ids";
import * as m from "./messages";
import * as p from "./process";

export async function inspectionWorkflow(input: m.InspectionInput): Promise<p.InspectionState> {
  const workflowId = inspectionWorkflowId(input.date, input.unit.code);
  let state = p.initialState(input);
  const held: Held<p.InspectionState> = { get: () => state, set: (next) => void (state = next) };
  const nextStep = stepCounter(workflowId);
  const unit: Audience =
    input.unit.departmentId !== null ? { departmentId: input.unit.departmentId } : { areaId: input.unit.areaId! };
  const inspector: Audience = { userId: input.inspectorId };
  const params: TemplateParams = {
    title: input.title,
    unit: input.unit.name,
    date: input.date,
    tasks: { zh: input.taskCodes.join("、"), en: input.taskCodes.join(", ") },
  };
  const record = async (
    kind: string,
    actorId?: number | null,
    detail?: Record<string, unknown>,
    send: NoticeSpec[] = [],
  ) => {
    const step = nextStep(kind, actorId, detail);
    await acts.mirrorInspection(step, { input, state, waitingFor: p.waitingFor(state) }, notices(step, params, send));
  };
  const finding = (ordinal: number) => state.findings[ordinal - 1];
  const findingParams = (f: p.Finding): TemplateParams => ({
    n: f.ordinal,
    finding: f.description,
    severity: label(p.SEVERITIES, f.severity),
    due: f.deadline ?? "",
  });

  // Each finding that needs rectification is watched until closed; a reopen sets a new deadline and a new watch.
  async function watchFinding(ordinal: number) {
    while (p.watched(finding(ordinal))) {
      const due = finding(ordinal).deadline;
      const moved = () => !p.watched(finding(ordinal)) || finding(ordinal).deadline !== due;
      await watchDeadline({
        deadline: p.rectificationDue(finding(ordinal), input.calendar),
        reminders: [{ at: p.rectificationReminderAt(state, finding(ordinal), input.calendar), point: "REMINDER" }],
        finished: moved,
        satisfied: () => finding(ordinal).status === "RECTIFICATION_REPORTED",
        fire: async (point) => {
          const overdue = point === "OVERDUE";
          if (overdue) state = p.markOverdue(state, ordinal, Date.now());
          const f = finding(ordinal);
          await record(
            overdue ? "RECTIFICATION_OVERDUE" : "RECTIFICATION_REMIND",
            null,
            { ordinal, severity: f.severity, deadline: f.deadline },
            [
              overdue
                ? {
                    template: "RECTIFICATION_OVERDUE",
                    to: [{ role: "STEERING_GROUP" }, inspector, unit],
                    params: findingParams(f),
                  }
                : { template: "RECTIFICATION_REMINDER", to: [unit], params: findingParams(f) },
            ],
          );
        },
      });
      await condition(moved);
    }
  }
  const watches: Promise<void>[] = [];

  setHandler(getWaitingFor, () => p.waitingFor(state));
  onStep(m.addFinding, p.INSPECTION_STEPS.ADD_FINDING, held, async (actor) => {
    // A rectification deadline on a weekend or holiday moves to the next working day (none without a calendar).
    state = p.deadlineOnWorkingDay(state, state.findings.length, input.calendar);
    const f = state.findings[state.findings.length - 1];
    const { ordinal, severity, requiresRectification, deadline, requestedDeadline } = f;
    await record(
      "FINDING",
      actor.userId,
      { ordinal, severity, requiresRectification, deadline, ...(requestedDeadline ? { requestedDeadline } : {}) },
      requiresRectification ? [{ template: "RECTIFICATION_REQUIRED", to: [unit], params: findingParams(f) }] : [],
    );
    if (p.watched(f)) watches.push(watchFinding(ordinal));
  });
  onStep(m.concludeFieldwork, p.INSPECTION_STEPS.CONCLUDE_FIELDWORK, held, (actor) =>
    record("CONCLUDE_FIELDWORK", actor.userId, { findings: state.findings.length }),
  );
  onFindingStep(m.reportRectification, p.FINDING_STEPS.REPORT_RECTIFICATION, held, (actor, _input, ordinal) =>
    record("RECTIFICATION_REPORTED", actor.userId, { ordinal, severity: finding(ordinal).severity }),
  );
  onFindingStep(m.verifyRectification, p.FINDING_STEPS.VERIFY, held, (actor, { effective, reason }, ordinal) => {
    if (!effective) state = p.deadlineOnWorkingDay(state, ordinal, input.calendar);
    const f = finding(ordinal);
    const moved = f.requestedDeadline ? { requestedDeadline: f.requestedDeadline } : {};
    const detail = {
      ordinal,
      severity: f.severity,
      ...(effective ? {} : { reason, newDeadline: f.deadline, ...moved }),
    };
    return record(
      effective ? "VERIFIED" : "REOPENED",
      actor.userId,
      detail,
      effective
        ? []
        : [{ template: "RECTIFICATION_REOPENED", to: [unit], params: { ...findingParams(f), reason: reason ?? "" } }],
    );
  });

  // A later occurrence of a recurring schedule is the schedule's doing, not a person's.
  await record(
    "SCHEDULE",
    input.occurrence === 1 ? input.openedBy : null,
    { date: input.date, occurrence: input.occurrence, recurrence: input.recurrence },
    [{ template: "INSPECTION_NOTICE", to: [unit, inspector] }],
  );
  const remindAt = p.reminderAt(state, input.calendar);
  if (remindAt > Date.now() && remindAt < p.startAt(state)) {
    await sleep(remindAt - Date.now());
    state = p.remind(state, Date.now());
    await record("REMIND", null, undefined, [{ template: "INSPECTION_REMINDER", to: [unit, inspector] }]);
  }
  if (p.startAt(state) > Date.now()) await sleep(p.startAt(state) - Date.now());
  const nextInput = p.nextOccurrence(input);
  const next = nextInput
    ? {
        date: nextInput.date,
        workflowId: (
          await startChild(inspectionWorkflow, {
            workflowId: inspectionWorkflowId(nextInput.date, input.unit.code),
            args: [nextInput],
            parentClosePolicy: ParentClosePolicy.ABANDON,
          })
        ).workflowId,
      }
    : null;
  state = p.start(state, Date.now(), next);
  await record("START", null, next ? { next: next.date } : undefined);

  await condition(() => p.finished(state));
  await Promise.all(watches);
  state = p.close(state, Date.now());
  await record("CLOSE", null, undefined, [
    { template: "INSPECTION_CLOSED", to: [unit, inspector, { role: "STEERING_GROUP" }] },
  ]);
  await condition(allHandlersFinished);
  return state;
}

/** onStep for a step on one finding: the update names the finding by its ordinal; the rule sees that finding. */
function onFindingStep<I extends object>(
  def: UpdateDefinition<p.InspectionState, [I & { actor: Actor; ordinal: number }]>,
  rule: StepRule<p.FindingScope, I>,
  held: Held<p.InspectionState>,
  record: (actor: Actor, input: I, ordinal: number) => Promise<void>,
): void {
  const split = (args: I & { actor: Actor; ordinal: number }) => {
    const { actor, ordinal, ...input } = args;
    return { actor, ordinal, input: input as unknown as I };
  };
  setHandler(
    def,
    async (args) => {
      const { actor, ordinal, input } = split(args);
      held.set(rule.apply({ inspection: held.get(), ordinal }, input, actor, Date.now()).inspection);
      await record(actor, input, ordinal);
      return held.get();
    },
    {
      validator: (args) => {
        const { actor, ordinal, input } = split(args);
        const refused = refusalOf(rule, { inspection: held.get(), ordinal }, actor, input, Date.now());
        if (refused) refuse(refused.code === "NOT_YET" ? "INVALID_STATE" : refused.code, refused.zh, refused.en);
      },
    },
  );
}
