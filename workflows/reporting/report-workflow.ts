// One progress report, wired: the rules are ./process.ts; this file gives them updates, the due-date timers
// (a reminder before and on the due day, escalation when overdue) and the notices each step sends.
import { allHandlersFinished, condition, getExternalWorkflowHandle, setHandler } from "@temporalio/workflow";
import { acts } from "../common/activities-proxy";
import { watchDeadline } from "../common/deadline";
import { onStep, type Held } from "../common/handlers";
import { getWaitingFor } from "../common/messages";
import type { Audience } from "../common/notices";
import { notices, stepCounter, type NoticeSpec } from "../common/step";
import { reportWorkflowId } from "../ids";
import * as m from "./messages";
import * as p from "./process";
import { periodLabel } from "./period";

export async function progressReportWorkflow(input: m.ReportInput): Promise<p.ReportState> {
  const workflowId = reportWorkflowId(input.period, input.taskCode, input.departmentCode);
  let state = p.initialState(input);
  const held: Held<p.ReportState> = { get: () => state, set: (next) => void (state = next) };
  const nextStep = stepCounter(workflowId);
  const lead: Audience = { departmentId: input.departmentId };
  const params = {
    // 请报送2027年第一季度推进落实情况 / … for Q1 2027: the period in words, not its code.
    period: periodLabel(input.period),
    task: input.taskCode,
    title: input.taskTitle,
    department: input.department,
    lead: input.department,
    due: input.dueDate,
  };

  const record = async (
    kind: string,
    actorId?: number | null,
    detail?: Record<string, unknown>,
    send: NoticeSpec[] = [],
  ) => {
    const step = nextStep(kind, actorId, detail);
    await acts.mirrorReport(step, { input, state, waitingFor: p.waitingFor(state) }, notices(step, params, send));
  };

  setHandler(getWaitingFor, () => p.waitingFor(state));
  onStep(m.contributeToReport, p.REPORT_STEPS.CONTRIBUTE, held, (actor) =>
    record("CONTRIBUTE", actor.userId, { departmentId: actor.departmentId }),
  );
  onStep(m.saveReportDraft, p.REPORT_STEPS.SAVE_DRAFT, held, (actor) => record("SAVE_DRAFT", actor.userId));
  onStep(m.submitReport, p.REPORT_STEPS.SUBMIT, held, (actor) => {
    const version = state.versions[state.versions.length - 1];
    const missing = input.supporters.filter(
      (x) => !version.contributions.some((c) => c.departmentId === x.departmentId),
    );
    return record("SUBMIT", actor.userId, {
      late: version.late,
      version: version.version,
      missing: missing.map((x) => x.name),
    });
  });
  onStep(m.returnReport, p.REPORT_STEPS.RETURN, held, (actor, { reason }) =>
    record("RETURN", actor.userId, { reason }, [{ template: "REPORT_RETURNED", to: [lead], params: { reason } }]),
  );
  onStep(m.acceptReport, p.REPORT_STEPS.ACCEPT, held, (actor) => record("ACCEPT", actor.userId));

  await record("OPEN", null, undefined, [
    { template: "REPORT_REQUESTED", to: [lead] },
    ...input.supporters.map((x): NoticeSpec => ({
      template: "CONTRIBUTION_REQUESTED",
      to: [{ departmentId: x.departmentId }],
      params: { department: x.name },
    })),
  ]);

  await watchDeadline({
    deadline: Date.parse(state.deadline),
    reminders: p.reminders(state, input.calendar),
    finished: () => p.finished(state),
    satisfied: () => p.satisfied(state),
    fire: async (point) => {
      const overdue = point === "OVERDUE";
      state = overdue ? p.escalate(state, Date.now()) : p.remind(state, Date.now());
      const template = overdue ? "REPORT_OVERDUE" : point === "DUE_TODAY" ? "REPORT_DUE_TODAY" : "REPORT_REMINDER";
      await record(overdue ? "ESCALATE" : point, null, undefined, [
        { template, to: overdue ? [{ role: "STEERING_GROUP" }, lead] : [lead] },
      ]);
    },
  });
  await condition(() => p.finished(state));
  await getExternalWorkflowHandle(input.cycleWorkflowId).signal(m.reportAccepted, workflowId);
  await condition(allHandlersFinished);
  return state;
}
