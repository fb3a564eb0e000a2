// One progress report: the lead department reports (with its supporting departments' input), reminders before and
// on the due date, escalation when overdue (a late submission is recorded as late), accepted or returned with a reason.
import { allHandlersFinished, condition, getExternalWorkflowHandle, setHandler } from "@temporalio/workflow";
import { acts } from "../common/activities-proxy";
import { endOfDay, morningBefore, watchDeadline } from "../common/deadline";
import { getWaitingFor, type WaitingFor } from "../common/messages";
import type { Audience } from "../../app/models/workflows/notify.server";
import { onUpdate } from "../common/handlers";
import { refuse } from "../common/refuse";
import { notices, snapshot, stepCounter, type NoticeSpec } from "../common/step";
import { reportWorkflowId } from "../ids";
import * as m from "./messages";

export async function progressReportWorkflow(input: m.ReportInput): Promise<m.ReportState> {
  const workflowId = reportWorkflowId(input.period, input.taskCode, input.departmentCode);
  const s: m.ReportState = { status: "PENDING", late: false, overdue: false, returnCount: 0, contributions: [] };
  const nextStep = stepCounter(workflowId);
  const deadline = endOfDay(input.dueDate);
  const lead: Audience = { departmentId: input.departmentId };
  const params = { period: input.period, task: input.taskCode, title: input.taskTitle, department: input.department, lead: input.department, due: input.dueDate };

  const waitingFor = (): WaitingFor[] => {
    const by = new Date(deadline).toISOString();
    if (s.status === "SUBMITTED") return [{ what: "REVIEW_REPORT", zh: "专项小组审核", en: "the steering group to review", who: "STEERING_GROUP" }];
    if (s.status === "ACCEPTED") return [];
    const missing = input.supporters.filter((x) => !s.contributions.some((c) => c.departmentId === x.departmentId));
    return [
      { what: "SUBMIT_REPORT", zh: `${input.department.zh}报送推进落实情况`, en: `${input.department.en} to submit the report`, who: input.departmentCode, deadline: by },
      ...missing.map((x) => ({ what: "CONTRIBUTE", zh: `${x.name.zh}提供配合情况`, en: `${x.name.en} to contribute`, who: x.code, deadline: by })),
    ];
  };
  const record = async (kind: string, actorId?: number | null, detail?: Record<string, unknown>, send: NoticeSpec[] = []) => {
    const step = nextStep(kind, actorId, detail);
    await acts.mirrorReport(step, { input, state: snapshot(s), waitingFor: waitingFor() }, notices(step, params, send));
  };
  const open = () => s.status === "PENDING" || s.status === "RETURNED";

  setHandler(getWaitingFor, waitingFor);
  onUpdate(m.contributeToReport, async ({ actorId, departmentId, text }) => {
    s.contributions = [...s.contributions.filter((c) => c.departmentId !== departmentId), { departmentId, text, at: new Date().toISOString() }];
    await record("CONTRIBUTE", actorId, { departmentId });
    return s;
  }, ({ departmentId }) => {
    if (!input.supporters.some((x) => x.departmentId === departmentId))
      refuse("FORBIDDEN", "只有该任务的配合部门可以提供配合情况", "Only a supporting department of this task may contribute");
    if (!open()) refuse("INVALID_STATE", "报告已提交，不能再补充配合情况", "The report is already submitted; no more input can be added");
  });
  onUpdate(m.saveReportDraft, async ({ actorId, progress, taskStatus }) => {
    Object.assign(s, { progress, taskStatus, draftSavedAt: new Date().toISOString() });
    await record("SAVE_DRAFT", actorId);
    return s;
  }, ({ departmentId }) => {
    if (departmentId !== input.departmentId) refuse("FORBIDDEN", "只有牵头部门可以填写该报告", "Only the lead department may fill in this report");
    if (!open()) refuse("INVALID_STATE", "报告已提交，不能再保存草稿", "The report is already submitted; a draft can no longer be saved");
  });
  onUpdate(m.submitReport, async ({ actorId, progress, taskStatus }) => {
    Object.assign(s, { status: "SUBMITTED", progress, taskStatus, submittedAt: new Date().toISOString(), late: Date.now() > deadline });
    await record("SUBMIT", actorId, { late: s.late });
    return s;
  }, ({ departmentId }) => {
    if (departmentId !== input.departmentId) refuse("FORBIDDEN", "只有牵头部门可以报送该报告", "Only the lead department may submit this report");
    if (s.status === "SUBMITTED") refuse("INVALID_STATE", "报告已提交，正在审核，不能重复提交", "The report is already submitted and under review");
    if (s.status === "ACCEPTED") refuse("INVALID_STATE", "报告已审核通过", "The report is already accepted");
  });
  onUpdate(m.returnReport, async ({ actorId, reason }) => {
    Object.assign(s, { status: "RETURNED", returnReason: reason, returnCount: s.returnCount + 1 });
    await record("RETURN", actorId, { reason }, [{ template: "REPORT_RETURNED", to: [lead], params: { reason } }]);
    return s;
  }, ({ reason }) => {
    if (s.status !== "SUBMITTED") refuse("INVALID_STATE", "只能退回已提交待审核的报告", "Only a submitted report can be returned");
    if (!reason?.trim()) refuse("BAD_INPUT", "退回必须说明原因", "A return needs a reason");
  });
  onUpdate(m.acceptReport, async ({ actorId }) => {
    Object.assign(s, { status: "ACCEPTED", acceptedAt: new Date().toISOString() });
    await record("ACCEPT", actorId);
    return s;
  }, () => {
    if (s.status !== "SUBMITTED") refuse("INVALID_STATE", "只能审核通过已提交的报告", "Only a submitted report can be accepted");
  });

  await record("OPEN", null, undefined, [
    { template: "REPORT_REQUESTED", to: [lead] },
    ...input.supporters.map((x): NoticeSpec => ({ template: "CONTRIBUTION_REQUESTED", to: [{ departmentId: x.departmentId }], params: { department: x.name } })),
  ]);

  await watchDeadline({
    deadline,
    reminders: [
      { at: morningBefore(input.dueDate, input.leadDays), point: "REMINDER" },
      { at: morningBefore(input.dueDate, 0), point: "DUE_TODAY" },
    ],
    finished: () => s.status === "ACCEPTED",
    satisfied: () => s.status === "SUBMITTED",
    fire: async (point) => {
      const overdue = point === "OVERDUE";
      if (overdue) Object.assign(s, { overdue: true, escalatedAt: new Date().toISOString() });
      else s.remindedAt = new Date().toISOString();
      const template = overdue ? "REPORT_OVERDUE" : point === "DUE_TODAY" ? "REPORT_DUE_TODAY" : "REPORT_REMINDER";
      await record(overdue ? "ESCALATE" : point, null, undefined, [{ template, to: overdue ? [{ role: "STEERING_GROUP" }, lead] : [lead] }]);
    },
  });
  await condition(() => s.status === "ACCEPTED");
  await getExternalWorkflowHandle(input.cycleWorkflowId).signal(m.reportAccepted, workflowId);
  await condition(allHandlersFinished);
  return s;
}
