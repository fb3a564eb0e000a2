// 年度工作计划 (annual work plan), one per department and year: drafted, submitted, returned with a reason until
// approved, then frozen as the baseline whose milestones are tracked with reminders and overdue escalation.
import { allHandlersFinished, condition, setHandler } from "@temporalio/workflow";
import { acts } from "../common/activities-proxy";
import { endOfDay, morningBefore, shanghaiDayOf, watchDeadline, type Point } from "../common/deadline";
import { getWaitingFor, type WaitingFor } from "../common/messages";
import { onUpdate } from "../common/handlers";
import { refuse } from "../common/refuse";
import { notices, snapshot, stepCounter, type NoticeSpec } from "../common/step";
import { workPlanWorkflowId } from "../ids";
import * as m from "./messages";

export async function annualWorkPlanWorkflow(input: m.WorkPlanInput): Promise<m.WorkPlanState> {
  const workflowId = workPlanWorkflowId(input.year, input.departmentCode);
  const s: m.WorkPlanState = { status: "DRAFTING", revision: 0, milestones: [] };
  const nextStep = stepCounter(workflowId);
  const dept = { departmentId: input.departmentId };
  const params = { year: input.year, department: input.department, due: input.dueDate };

  const waitingFor = (): WaitingFor[] => {
    const deadline = new Date(endOfDay(input.dueDate)).toISOString();
    if (s.status === "DRAFTING" || s.status === "RETURNED")
      return [{ what: "SUBMIT_WORK_PLAN", zh: "部门编制并提交年度工作计划", en: "the department to submit its work plan", who: input.departmentCode, deadline }];
    if (s.status === "SUBMITTED") return [{ what: "REVIEW_WORK_PLAN", zh: "专项小组审核", en: "the steering group to review", who: "STEERING_GROUP" }];
    return s.milestones
      .filter((x) => x.status === "OPEN")
      .map((x) => ({ what: `COMPLETE_MILESTONE:${x.ordinal}`, zh: `完成节点：${x.what}`, en: `milestone done: ${x.what}`, who: input.departmentCode, deadline: new Date(endOfDay(x.dueDate)).toISOString() }));
  };
  const record = async (kind: string, actorId?: number | null, detail?: Record<string, unknown>, send: NoticeSpec[] = []) => {
    const step = nextStep(kind, actorId, detail);
    await acts.mirrorWorkPlan(step, { input, state: snapshot(s), waitingFor: waitingFor() }, notices(step, params, send));
  };

  setHandler(getWaitingFor, waitingFor);
  const drafting = () => s.status === "DRAFTING" || s.status === "RETURNED";

  onUpdate(m.saveMilestones, async ({ actorId, milestones }) => {
    s.milestones = milestones.map((x, i) => ({ ...x, ordinal: i + 1, status: "OPEN", overdue: false }));
    await record("SAVE_MILESTONES", actorId, { count: milestones.length });
    return s;
  }, ({ milestones }) => {
    if (!drafting()) refuse("INVALID_STATE", "计划已提交或已批准，不能再修改节点", "The plan is submitted or approved; its milestones cannot change");
    const today = shanghaiDayOf(Date.now());
    if (milestones.some((x) => x.dueDate < today)) refuse("BAD_INPUT", "节点完成时限不能早于今天", "A milestone cannot be due in the past");
  });

  onUpdate(m.submitWorkPlan, async ({ actorId }) => {
    s.status = "SUBMITTED";
    s.revision += 1;
    s.submittedAt = new Date().toISOString();
    await record("SUBMIT", actorId, { revision: s.revision }, [{ template: "WORKPLAN_SUBMITTED", to: [{ role: "STEERING_GROUP" }], params: { revision: s.revision } }]);
    return s;
  }, () => {
    if (s.status === "SUBMITTED") refuse("INVALID_STATE", "计划已提交，正在审核，不能重复提交", "The plan is already submitted and under review");
    if (!drafting()) refuse("INVALID_STATE", "计划已批准，不能再提交", "The plan is already approved");
    if (s.milestones.length === 0) refuse("BAD_INPUT", "请至少填写一个节点后再提交", "Add at least one milestone before submitting");
  });

  onUpdate(m.returnWorkPlan, async ({ actorId, reason }) => {
    s.status = "RETURNED";
    s.returnReason = reason;
    await record("RETURN", actorId, { reason }, [{ template: "WORKPLAN_RETURNED", to: [dept], params: { reason } }]);
    return s;
  }, ({ reason }) => {
    if (s.status !== "SUBMITTED") refuse("INVALID_STATE", "只能退回已提交待审核的计划", "Only a submitted plan can be returned");
    if (!reason?.trim()) refuse("BAD_INPUT", "退回必须说明原因", "A return needs a reason");
  });

  onUpdate(m.approveWorkPlan, async ({ actorId }) => {
    s.status = "APPROVED";
    s.approvedAt = new Date().toISOString();
    await record("APPROVE", actorId, undefined, [{ template: "WORKPLAN_APPROVED", to: [dept] }]);
    return s;
  }, () => {
    if (s.status !== "SUBMITTED") refuse("INVALID_STATE", "只能批准已提交待审核的计划", "Only a submitted plan can be approved");
  });

  onUpdate(m.completeMilestone, async ({ actorId, ordinal, note }) => {
    const x = s.milestones[ordinal - 1];
    x.status = "DONE";
    x.completedAt = new Date().toISOString();
    x.completionNote = note;
    await record("COMPLETE_MILESTONE", actorId, { ordinal, note });
    return s;
  }, ({ ordinal }) => {
    if (s.status !== "APPROVED") refuse("INVALID_STATE", "计划批准后才能完成节点", "Milestones are tracked once the plan is approved");
    const x = s.milestones[ordinal - 1];
    if (!x) refuse("BAD_INPUT", `没有第${ordinal}个节点`, `There is no milestone ${ordinal}`);
    if (x.status === "DONE") refuse("INVALID_STATE", "该节点已完成", "This milestone is already done");
  });

  await record("OPEN", input.openedBy, { dueDate: input.dueDate }, [{ template: "WORKPLAN_OPENED", to: [dept] }]);

  // Submission deadline: reminders to the department, escalation to the steering group.
  await watchDeadline({
    deadline: endOfDay(input.dueDate),
    reminders: [{ at: morningBefore(input.dueDate, input.leadDays), point: "REMINDER" }],
    finished: () => s.status === "APPROVED",
    satisfied: () => s.status === "SUBMITTED",
    fire: async (point: Point) => {
      if (point === "OVERDUE") s.escalatedAt = new Date().toISOString();
      await record(point === "OVERDUE" ? "ESCALATE" : "REMIND", null, undefined, [
        point === "OVERDUE" ? { template: "WORKPLAN_OVERDUE", to: [{ role: "STEERING_GROUP" }, dept] } : { template: "WORKPLAN_REMINDER", to: [dept] },
      ]);
    },
  });
  await condition(() => s.status === "APPROVED");

  // The approved plan is the baseline: each milestone has its own reminders and escalation.
  await Promise.all(
    s.milestones.map((x) =>
      watchDeadline({
        deadline: endOfDay(x.dueDate),
        reminders: [{ at: morningBefore(x.dueDate, input.leadDays), point: "REMINDER" }],
        finished: () => x.status === "DONE",
        satisfied: () => false,
        fire: async (point) => {
          const overdue = point === "OVERDUE";
          if (overdue) [x.overdue, x.escalatedAt] = [true, new Date().toISOString()];
          else x.remindedAt = new Date().toISOString();
          const milestone = { what: x.what, indicator: x.indicator, due: x.dueDate };
          await record(overdue ? "MILESTONE_OVERDUE" : "MILESTONE_REMIND", null, { ordinal: x.ordinal }, [
            overdue
              ? { template: "MILESTONE_OVERDUE", to: [{ role: "STEERING_GROUP" }, dept], params: milestone }
              : { template: "MILESTONE_REMINDER", to: [dept], params: milestone },
          ]);
        },
      }),
    ),
  );
  await condition(() => s.milestones.every((x) => x.status === "DONE"));
  s.status = "COMPLETED";
  s.completedAt = new Date().toISOString();
  await record("COMPLETE");
  await condition(allHandlersFinished);
  return s;
}
