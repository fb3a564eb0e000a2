// 专项督导检查 (supervisory inspection): notice to the inspected unit, a reminder before the date, findings with
// severity, a rectification deadline for each finding that needs one (reminders, escalation when overdue), the
// inspector verifies or reopens; closes when every finding is closed. A recurring schedule starts the next one.
import { allHandlersFinished, condition, ParentClosePolicy, setHandler, sleep, startChild } from "@temporalio/workflow";
import type { Audience } from "../../app/models/workflows/notify.server";
import { acts } from "../common/activities-proxy";
import { endOfDay, morningBefore, shanghaiDayOf, watchDeadline } from "../common/deadline";
import { getWaitingFor, type WaitingFor } from "../common/messages";
import { onUpdate } from "../common/handlers";
import { refuse } from "../common/refuse";
import { notices, snapshot, stepCounter, type NoticeSpec } from "../common/step";
import { inspectionWorkflowId } from "../ids";
import { SEVERITIES, type Severity } from "../../app/models/vocabulary";
import * as m from "./messages";

const label = (sev: string) => {
  const [zh, en] = SEVERITIES[sev as Severity] ?? [sev, sev];
  return { zh, en };
};

export function nextDate(day: string, recurrence: m.Recurrence): string {
  const [y, mo, d] = day.split("-").map(Number);
  const months = recurrence === "MONTHLY" ? 1 : 3;
  const last = new Date(Date.UTC(y, mo - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, mo - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

export async function inspectionWorkflow(input: m.InspectionInput): Promise<m.InspectionState> {
  const workflowId = inspectionWorkflowId(input.date, input.unit.code);
  const s: m.InspectionState = { status: "SCHEDULED", findings: [] };
  const nextStep = stepCounter(workflowId);
  const unit: Audience = input.unit.departmentId ? { departmentId: input.unit.departmentId } : { areaId: input.unit.areaId! };
  const inspector: Audience = { userId: input.inspectorId };
  const params = { title: input.title, unit: input.unit.name, date: input.date, tasks: input.taskCodes.join("、") };
  let concluded = false;

  const waitingFor = (): WaitingFor[] => {
    if (s.status === "SCHEDULED") return [{ what: "INSPECTION_DATE", zh: `检查日期${input.date}`, en: `the inspection date ${input.date}`, who: "INSPECTOR", deadline: new Date(Date.parse(`${input.date}T00:00:00+08:00`)).toISOString() }];
    const open = s.findings.filter((f) => f.status !== "CLOSED").map((f): WaitingFor =>
      f.status === "RECTIFICATION_REPORTED"
        ? { what: `VERIFY:${f.ordinal}`, zh: `核查问题${f.ordinal}整改`, en: `verification of finding ${f.ordinal}`, who: "INSPECTOR" }
        : { what: `RECTIFY:${f.ordinal}`, zh: `整改问题${f.ordinal}`, en: `rectification of finding ${f.ordinal}`, who: input.unit.code, deadline: new Date(endOfDay(f.deadline!)).toISOString() });
    return concluded || s.status === "CLOSED" ? open : [{ what: "CONCLUDE_FIELDWORK", zh: "检查组完成现场检查", en: "the inspector to conclude the fieldwork", who: "INSPECTOR" }, ...open];
  };
  const record = async (kind: string, actorId?: number | null, detail?: Record<string, unknown>, send: NoticeSpec[] = []) => {
    const step = nextStep(kind, actorId, detail);
    await acts.mirrorInspection(step, { input, state: snapshot(s), waitingFor: waitingFor() }, notices(step, params, send));
  };
  const findingParams = (f: m.Finding) => ({ n: f.ordinal, finding: f.description, severity: label(f.severity), due: f.deadline ?? "" });
  const today = () => shanghaiDayOf(Date.now());
  const finding = (ordinal: number) => s.findings[ordinal - 1] ?? refuse("BAD_INPUT", `没有问题${ordinal}`, `There is no finding ${ordinal}`);

  // Each finding that needs rectification is watched until closed; a reopen sets a new deadline and a new watch.
  async function watchFinding(f: m.Finding) {
    while (f.status !== "CLOSED") {
      const due = f.deadline!;
      await watchDeadline({
        deadline: endOfDay(due),
        reminders: [{ at: morningBefore(due, input.leadDays), point: "REMINDER" }],
        finished: () => f.status === "CLOSED" || f.deadline !== due,
        satisfied: () => f.status === "RECTIFICATION_REPORTED",
        fire: async (point) => {
          const overdue = point === "OVERDUE";
          if (overdue) Object.assign(f, { overdue: true, escalatedAt: new Date().toISOString() });
          await record(overdue ? "RECTIFICATION_OVERDUE" : "RECTIFICATION_REMIND", null, { ordinal: f.ordinal }, [
            overdue
              ? { template: "RECTIFICATION_OVERDUE", to: [{ role: "STEERING_GROUP" }, inspector, unit], params: findingParams(f) }
              : { template: "RECTIFICATION_REMINDER", to: [unit], params: findingParams(f) },
          ]);
        },
      });
      await condition(() => f.status === "CLOSED" || f.deadline !== due);
    }
  }
  const watches: Promise<void>[] = [];

  setHandler(getWaitingFor, waitingFor);
  onUpdate(m.addFinding, async ({ actorId, description, severity, requiresRectification, deadline }) => {
    const f: m.Finding = { ordinal: s.findings.length + 1, description, severity, requiresRectification, deadline: deadline ?? undefined, status: requiresRectification ? "OPEN" : "CLOSED", reopenCount: 0, overdue: false };
    s.findings.push(f);
    await record("FINDING", actorId, { ordinal: f.ordinal }, requiresRectification ? [{ template: "RECTIFICATION_REQUIRED", to: [unit], params: findingParams(f) }] : []);
    if (requiresRectification) watches.push(watchFinding(f));
    return s;
  }, ({ requiresRectification, deadline }) => {
    if (s.status === "SCHEDULED") refuse("INVALID_STATE", "检查日期未到，不能记录问题", "The inspection has not started; no finding can be recorded yet");
    if (concluded) refuse("INVALID_STATE", "现场检查已结束，不能再记录问题", "The fieldwork is concluded; no more findings");
    if (requiresRectification && !deadline) refuse("BAD_INPUT", "需要整改的问题必须设定整改期限", "A finding that needs rectification needs a deadline");
    if (deadline && deadline < today()) refuse("BAD_INPUT", "整改期限不能早于今天", "The rectification deadline cannot be in the past");
  });
  onUpdate(m.concludeFieldwork, async ({ actorId }) => {
    concluded = true;
    s.fieldworkConcludedAt = new Date().toISOString();
    if (s.status !== "CLOSED") s.status = "RECTIFYING";
    await record("CONCLUDE_FIELDWORK", actorId);
    return s;
  }, () => {
    if (s.status === "SCHEDULED") refuse("INVALID_STATE", "检查日期未到", "The inspection has not started");
    if (concluded) refuse("INVALID_STATE", "现场检查已结束", "The fieldwork is already concluded");
  });
  onUpdate(m.reportRectification, async ({ actorId, ordinal, text }) => {
    Object.assign(s.findings[ordinal - 1], { status: "RECTIFICATION_REPORTED", rectification: text, reportedAt: new Date().toISOString() });
    await record("RECTIFICATION_REPORTED", actorId, { ordinal });
    return s;
  }, ({ ordinal }) => {
    const f = finding(ordinal);
    if (!f.requiresRectification) refuse("INVALID_STATE", "该问题无需整改", "This finding needs no rectification");
    if (f.status === "RECTIFICATION_REPORTED") refuse("INVALID_STATE", "整改情况已报送，等待核查", "The rectification is already reported and awaits verification");
    if (f.status === "CLOSED") refuse("INVALID_STATE", "该问题已销号", "This finding is closed");
  });
  onUpdate(m.verifyRectification, async ({ actorId, ordinal, effective, reason, newDeadline }) => {
    const f = s.findings[ordinal - 1];
    f.verifiedAt = new Date().toISOString();
    if (effective) f.status = "CLOSED";
    else Object.assign(f, { status: "REOPENED", reopenCount: f.reopenCount + 1, reopenReason: reason, deadline: newDeadline, overdue: false });
    await record(effective ? "VERIFIED" : "REOPENED", actorId, { ordinal, reason }, effective ? [] : [
      { template: "RECTIFICATION_REOPENED", to: [unit], params: { ...findingParams(f), reason: reason ?? "" } },
    ]);
    return s;
  }, ({ ordinal, effective, reason, newDeadline }) => {
    if (finding(ordinal).status !== "RECTIFICATION_REPORTED") refuse("INVALID_STATE", "该问题尚未报送整改情况，不能核查", "This finding has no reported rectification to verify");
    if (!effective && !reason?.trim()) refuse("BAD_INPUT", "重新整改必须说明原因", "Reopening needs a reason");
    if (!effective && (!newDeadline || newDeadline < today())) refuse("BAD_INPUT", "重新整改须设定不早于今天的新期限", "Reopening needs a new deadline that is not in the past");
  });

  await record("SCHEDULE", input.openedBy, { date: input.date }, [{ template: "INSPECTION_NOTICE", to: [unit, inspector] }]);
  const remindAt = morningBefore(input.date, input.leadDays);
  if (remindAt > Date.now()) {
    await sleep(remindAt - Date.now());
    await record("REMIND", null, undefined, [{ template: "INSPECTION_REMINDER", to: [unit, inspector] }]);
  }
  const start = Date.parse(`${input.date}T00:00:00+08:00`);
  if (start > Date.now()) await sleep(start - Date.now());
  s.status = "IN_PROGRESS";
  if (input.recurrence !== "NONE" && input.repeatUntil && nextDate(input.date, input.recurrence) <= input.repeatUntil) {
    const date = nextDate(input.date, input.recurrence);
    const next = await startChild(inspectionWorkflow, {
      workflowId: inspectionWorkflowId(date, input.unit.code),
      args: [{ ...input, date, occurrence: input.occurrence + 1 }],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    s.nextWorkflowId = next.workflowId;
  }
  await record("START");

  await condition(() => concluded && s.findings.every((f) => f.status === "CLOSED"));
  await Promise.all(watches);
  s.status = "CLOSED";
  s.closedAt = new Date().toISOString();
  await record("CLOSE", null, undefined, [{ template: "INSPECTION_CLOSED", to: [unit, inspector, { role: "STEERING_GROUP" }] }]);
  await condition(allHandlersFinished);
  return s;
}
