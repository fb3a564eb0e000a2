// 测管联动 (monitoring–enforcement linkage): an alert opens a case with a response deadline; monitoring in the
// station's area is intensified until the case closes; the enforcement side responds, records the on-site joint
// monitoring and enforcement result, and closes. Breaching the response deadline escalates. Every step is
// timestamped in workflow time so response times can be reported.
import { allHandlersFinished, condition, setHandler } from "@temporalio/workflow";
import type { Audience } from "../../app/models/workflows/notify.server";
import type { TemplateParams } from "../../app/models/workflows/mail-templates";
import { acts } from "../common/activities-proxy";
import { iso, watchDeadline } from "../common/deadline";
import { getWaitingFor, type WaitingFor } from "../common/messages";
import { onUpdate } from "../common/handlers";
import { refuse } from "../common/refuse";
import { notices, snapshot, stepCounter, type NoticeSpec } from "../common/step";
import { linkageWorkflowId } from "../ids";
import * as m from "./messages";

const HOUR = 3600_000;

export async function linkageCaseWorkflow(input: m.LinkageInput): Promise<m.LinkageState> {
  const workflowId = linkageWorkflowId(input.alertId);
  const opened = Date.now();
  const deadline = opened + input.responseHours * HOUR;
  const s: m.LinkageState = { status: "OPEN", openedAt: iso(opened), responseDeadline: iso(deadline) };
  const nextStep = stepCounter(workflowId);
  const enforcement: Audience = { departmentId: input.enforcementDepartmentId };
  const monitoring: Audience = { departmentId: input.monitoringDepartmentId };
  const dueText = new Date(deadline + 8 * HOUR).toISOString().slice(0, 16).replace("T", " ");
  const params: TemplateParams = {
    station: input.station, area: input.area, kind: input.kind, due: dueText, factor: input.frequencyFactor,
    ratio: `${Math.round(input.spotCheckRatio * 100)}%`, occurredAt: new Date(Date.parse(input.occurredAt) + 8 * HOUR).toISOString().slice(0, 16).replace("T", " "),
  };

  const waitingFor = (): WaitingFor[] => {
    const who = "ENFORCEMENT";
    if (s.status === "OPEN") return [{ what: "RESPOND", zh: "执法部门响应", en: "the enforcement side to respond", who, deadline: s.responseDeadline }];
    if (s.status === "RESPONDED") return [{ what: "RECORD_RESULT", zh: "记录现场联合监测执法结果", en: "the on-site joint monitoring and enforcement result", who }];
    if (s.status === "RESULT_RECORDED") return [{ what: "CLOSE_CASE", zh: "办结案件", en: "the case to be closed", who }];
    return [];
  };
  const record = async (kind: string, actorId?: number | null, detail?: Record<string, unknown>, send: NoticeSpec[] = []) => {
    const step = nextStep(kind, actorId, detail);
    await acts.mirrorLinkage(step, { input, state: snapshot(s), waitingFor: waitingFor() }, notices(step, params, send));
  };

  setHandler(getWaitingFor, waitingFor);
  onUpdate(m.respondToCase, async ({ actorId, note }) => {
    Object.assign(s, { status: "RESPONDED", respondedAt: iso(Date.now()), responseNote: note });
    await record("RESPOND", actorId);
    return s;
  }, () => {
    if (s.status !== "OPEN") refuse("INVALID_STATE", "案件已响应", "The case has already been answered");
  });
  onUpdate(m.recordEnforcementResult, async ({ actorId, ...r }) => {
    Object.assign(s, { ...r, status: "RESULT_RECORDED", resultRecordedAt: iso(Date.now()) });
    if (!s.respondedAt) s.respondedAt = s.resultRecordedAt;
    await record("RESULT", actorId, { violationFound: r.violationFound });
    return s;
  }, ({ onSiteAt }) => {
    if (s.status === "RESULT_RECORDED" || s.status === "CLOSED") refuse("INVALID_STATE", "执法结果已记录", "The enforcement result is already recorded");
    if (Date.parse(onSiteAt) < Date.parse(input.occurredAt)) refuse("BAD_INPUT", "现场时间不能早于报警时间", "The on-site time cannot precede the alert");
    if (Date.parse(onSiteAt) > Date.now()) refuse("BAD_INPUT", "现场时间不能晚于当前时间", "The on-site time cannot be in the future");
  });
  onUpdate(m.closeCase, async ({ actorId, summary }) => {
    Object.assign(s, { status: "CLOSED", closedAt: iso(Date.now()), closingSummary: summary });
    await record("CLOSE", actorId, undefined, [{
      template: "LINKAGE_CLOSED", to: [enforcement, monitoring],
      params: { violation: s.violationFound ? { zh: "是", en: "yes" } : { zh: "否", en: "no" }, action: s.actionTaken ?? "" },
    }]);
    return s;
  }, () => {
    if (s.status === "CLOSED") refuse("INVALID_STATE", "案件已办结", "The case is already closed");
    if (s.status !== "RESULT_RECORDED") refuse("INVALID_STATE", "请先记录现场监测执法结果再办结", "Record the on-site enforcement result before closing");
  });

  await record("OPEN", input.openedBy, undefined, [{ template: "LINKAGE_OPENED", to: [enforcement, monitoring] }]);
  await watchDeadline({
    deadline,
    // Halfway through the response window: the plan asks for rapid response, so one reminder, early.
    reminders: [{ at: opened + (input.responseHours * HOUR) / 2, point: "REMINDER" }],
    finished: () => s.status !== "OPEN",
    satisfied: () => false,
    fire: async (point) => {
      const overdue = point === "OVERDUE";
      if (overdue) s.escalatedAt = iso(Date.now());
      await record(overdue ? "ESCALATE" : "REMIND", null, undefined, [
        overdue ? { template: "LINKAGE_OVERDUE", to: [{ role: "STEERING_GROUP" }, enforcement] } : { template: "LINKAGE_REMINDER", to: [enforcement] },
      ]);
    },
  });
  await condition(() => s.status === "CLOSED");
  await condition(allHandlersFinished);
  return s;
}
