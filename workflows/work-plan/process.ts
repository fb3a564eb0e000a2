// 年度工作计划 as rules (pure; workflows/common/process.ts): the department drafts its milestones and submits; the
// steering group returns the plan with a reason or approves it; the approved plan is the baseline whose milestones
// the department marks done. The workflow (./workflows.ts) wires these steps to updates and timers; the API asks the
// same rules before it sends a step and to tell a page which actions to offer.
import { dayOf, isDay, iso } from "../common/calendar";
import type { WaitingFor } from "../common/messages";
import {
  defineStep,
  label,
  onlyRoles,
  partyKey,
  refusal,
  type Actor,
  type Bilingual,
  type Refusal,
} from "../common/process";
import { dueOn, escalationAt, reminderBefore, type WorkCalendar } from "../common/working-days";

export { describeEvent } from "./events";

export const WORK_PLAN_STATUSES = {
  DRAFTING: ["编制中", "Drafting"],
  SUBMITTED: ["已提交待审核", "Submitted for review"],
  RETURNED: ["已退回修改", "Returned for revision"],
  APPROVED: ["已批准，执行中", "Approved, under way"],
  COMPLETED: ["已完成", "Completed"],
} as const;
export type WorkPlanStatus = keyof typeof WORK_PLAN_STATUSES;

export const MILESTONE_STATUSES = {
  OPEN: ["未完成", "Open"],
  DONE: ["已完成", "Done"],
} as const;
export type MilestoneStatus = keyof typeof MILESTONE_STATUSES;

export interface MilestoneInput {
  taskCode?: string | null;
  what: string;
  responsibleUnit: string;
  /** YYYY-MM-DD */
  dueDate: string;
  indicator: string;
}

export interface Milestone extends MilestoneInput {
  ordinal: number;
  /** The due date as entered when it fell on a non-working day and `dueDate` is the next working day (顺延). */
  requestedDueDate?: string;
  status: MilestoneStatus;
  overdue: boolean;
  remindedAt?: string;
  escalatedAt?: string;
  completedAt?: string;
  completionNote?: string;
}

/** One return of the plan: which submitted revision, why, when. Every return is kept, so the reasons stay visible. */
export interface PlanReturn {
  revision: number;
  reason: string;
  at: string;
}

/** The plan as the rules see it: whose and which year it is, where it stands, its milestones. Times are ISO. */
export interface WorkPlanState {
  year: number;
  departmentId: number;
  departmentCode: string;
  department: Bilingual;
  /** YYYY-MM-DD: the plan is due by the end of this day (Asia/Shanghai); a working day for plans opened with a
   *  calendar (docs/decisions/019). */
  dueDate: string;
  /** The due date as entered when it was not a working day (顺延). */
  requestedDueDate?: string;
  status: WorkPlanStatus;
  /** How many times it was submitted. */
  revision: number;
  /** The latest return's reason. */
  returnReason?: string;
  returns: PlanReturn[];
  milestonesSavedAt?: string;
  submittedAt?: string;
  approvedAt?: string;
  remindedAt?: string;
  escalatedAt?: string;
  completedAt?: string;
  milestones: Milestone[];
}

export interface WorkPlanStart {
  year: number;
  departmentId: number;
  departmentCode: string;
  department: Bilingual;
  /** A working day (moved by the API from `requestedDueDate` when that was not one). */
  dueDate: string;
  requestedDueDate?: string;
}

export { iso } from "../common/calendar";

export const initialState = (input: WorkPlanStart): WorkPlanState => ({
  year: input.year,
  departmentId: input.departmentId,
  departmentCode: input.departmentCode,
  department: input.department,
  dueDate: input.dueDate,
  ...(input.requestedDueDate ? { requestedDueDate: input.requestedDueDate } : {}),
  status: "DRAFTING",
  revision: 0,
  returns: [],
  milestones: [],
});

/** "市环保局 2027年度工作计划" */
export const title = (s: Pick<WorkPlanState, "year" | "department">): Bilingual => ({
  zh: `${s.department.zh} ${s.year}年度工作计划`,
  en: `${s.department.en} — ${s.year} annual work plan`,
});

const drafting = (s: WorkPlanState) => s.status === "DRAFTING" || s.status === "RETURNED";
const approved = (s: WorkPlanState) => s.status === "APPROVED" || s.status === "COMPLETED";

/** The plan is the department's own: the steering group reviews it and does not write it. */
const theDepartment = (s: WorkPlanState, actor: Actor): Refusal | null =>
  actor.role === "DEPARTMENT_MEMBER" && actor.departmentId === s.departmentId
    ? null
    : refusal(
        "FORBIDDEN",
        `只有${s.department.zh}可以编制、提交和执行本部门的年度工作计划`,
        `Only ${s.department.en} may draft, submit and carry out its annual work plan`,
      );
const steeringGroup = (actor: Actor) =>
  onlyRoles(
    actor,
    ["STEERING_GROUP"],
    "只有专项小组可以审核年度工作计划",
    "Only the steering group reviews work plans",
  );
const underReview = (s: WorkPlanState, zh: string, en: string): Refusal | null =>
  s.status === "SUBMITTED"
    ? null
    : drafting(s)
      ? refusal("NOT_YET", "部门提交计划后才能审核", "The plan can be reviewed once the department submits it")
      : refusal("INVALID_STATE", zh, en);

/** Every problem of a milestone list, or null: each named by its row and the form's own label. */
function milestoneProblems(s: WorkPlanState, milestones: MilestoneInput[], now: number): Refusal | null {
  if (milestones.length === 0) return refusal("BAD_INPUT", "请至少填写一个工作节点", "Fill in at least one milestone");
  const [today, yearEnd] = [dayOf(now), `${s.year}-12-31`];
  if (today > yearEnd)
    return refusal(
      "BAD_INPUT",
      `${s.year}年已结束，不能再设置该年度的工作节点`,
      `${s.year} is over: its plan can have no milestone left`,
    );
  const zh: string[] = [];
  const en: string[] = [];
  milestones.forEach((x, i) => {
    const [n, missing] = [i + 1, [] as [string, string][]];
    if (!x.what.trim()) missing.push(["工作内容", "what is to be done"]);
    if (!x.responsibleUnit.trim()) missing.push(["责任单位", "the responsible unit"]);
    if (!x.indicator.trim()) missing.push(["衡量指标", "the indicator"]);
    if (missing.length) {
      zh.push(`第${n}个节点：请填写${missing.map((m) => m[0]).join("、")}`);
      en.push(`milestone ${n}: fill in ${missing.map((m) => m[1]).join(", ")}`);
    }
    if (!isDay(x.dueDate)) {
      zh.push(`第${n}个节点：请填写完成时限（年-月-日）`);
      en.push(`milestone ${n}: fill in the due date (year-month-day)`);
    } else if (x.dueDate < today || x.dueDate > yearEnd) {
      zh.push(`第${n}个节点完成时限应在${today}至${yearEnd}之间`);
      en.push(`milestone ${n}: the due date must be between ${today} and ${yearEnd}`);
    }
  });
  return zh.length ? refusal("BAD_INPUT", zh.join("；"), en.join("; ")) : null;
}

/** A step that takes nothing but the actor. */
type NoInput = object;

/** The steps people take, keyed by the name the API and GraphQL use (WorkPlanStep). */
export const WORK_PLAN_STEPS = {
  SAVE_MILESTONES: defineStep<WorkPlanState, { milestones: MilestoneInput[] }>({
    label: { zh: "编制工作节点", en: "Draft the milestones" },
    allowed: (s, actor) =>
      theDepartment(s, actor) ??
      (drafting(s)
        ? null
        : refusal(
            "INVALID_STATE",
            "计划已提交或已批准，不能再修改节点",
            "The plan is submitted or approved; its milestones cannot change",
          )),
    check: (s, { milestones }, now) => milestoneProblems(s, milestones, now),
    apply: (s, { milestones }, _actor, now) => ({
      ...s,
      milestones: milestones.map((x, i) => ({ ...x, ordinal: i + 1, status: "OPEN", overdue: false })),
      milestonesSavedAt: iso(now),
    }),
  }),

  SUBMIT: defineStep<WorkPlanState, NoInput>({
    label: { zh: "提交计划", en: "Submit the plan" },
    allowed: (s, actor) =>
      theDepartment(s, actor) ??
      (s.status === "SUBMITTED"
        ? refusal(
            "INVALID_STATE",
            "计划已提交，正在审核，不能重复提交",
            "The plan is already submitted and under review",
          )
        : approved(s)
          ? refusal("INVALID_STATE", "计划已批准，不能再提交", "The plan is already approved")
          : s.milestones.length === 0
            ? refusal("NOT_YET", "请先保存至少一个工作节点再提交", "Save at least one milestone before submitting")
            : null),
    warn: (s) => {
      const returned = s.returns.at(-1);
      return s.status === "RETURNED" && returned && !(s.milestonesSavedAt && s.milestonesSavedAt > returned.at)
        ? {
            zh: "退回后尚未修改工作节点：不作修改将按原稿重新提交",
            en: "The milestones have not changed since the plan was returned: unless you edit them, it goes back as it was",
          }
        : null;
    },
    apply: (s, _input, _actor, now) => ({ ...s, status: "SUBMITTED", revision: s.revision + 1, submittedAt: iso(now) }),
  }),

  APPROVE: defineStep<WorkPlanState, NoInput>({
    label: { zh: "批准计划", en: "Approve the plan" },
    allowed: (s, actor) =>
      steeringGroup(actor) ?? underReview(s, "只能批准已提交待审核的计划", "Only a submitted plan can be approved"),
    apply: (s, _input, _actor, now) => ({ ...s, status: "APPROVED", approvedAt: iso(now) }),
  }),

  RETURN: defineStep<WorkPlanState, { reason: string }>({
    label: { zh: "退回修改", en: "Return for revision" },
    allowed: (s, actor) =>
      steeringGroup(actor) ?? underReview(s, "只能退回已提交待审核的计划", "Only a submitted plan can be returned"),
    check: (_s, { reason }) =>
      reason.trim() ? null : refusal("BAD_INPUT", "退回必须说明原因", "A return needs a reason"),
    apply: (s, { reason }, _actor, now) => ({
      ...s,
      status: "RETURNED",
      returnReason: reason,
      returns: [...s.returns, { revision: s.revision, reason, at: iso(now) }],
    }),
  }),

  COMPLETE_MILESTONE: defineStep<WorkPlanState, { ordinal: number; note: string }>({
    label: { zh: "标记节点完成", en: "Mark a milestone done" },
    allowed: (s, actor) =>
      theDepartment(s, actor) ??
      (drafting(s) || s.status === "SUBMITTED"
        ? refusal("NOT_YET", "计划批准后才能标记节点完成", "Milestones can be marked done once the plan is approved")
        : s.milestones.every((x) => x.status === "DONE")
          ? refusal("INVALID_STATE", "所有节点均已完成", "Every milestone is already done")
          : null),
    check: (s, { ordinal, note }) => {
      const x = s.milestones[ordinal - 1];
      if (!x) return refusal("BAD_INPUT", `没有第${ordinal}个节点`, `There is no milestone ${ordinal}`);
      if (x.status === "DONE") return refusal("CONFLICT", "该节点已完成", "This milestone is already done");
      if (!note.trim())
        return refusal("BAD_INPUT", "请填写完成情况说明", "Say how the milestone was reached (the note)");
      return null;
    },
    apply: (s, { ordinal, note }, _actor, now) =>
      withMilestone(s, ordinal, { status: "DONE", completedAt: iso(now), completionNote: note }),
  }),
};
export type WorkPlanStep = keyof typeof WORK_PLAN_STEPS;

function withMilestone(s: WorkPlanState, ordinal: number, change: Partial<Milestone>): WorkPlanState {
  return { ...s, milestones: s.milestones.map((x) => (x.ordinal === ordinal ? { ...x, ...change } : x)) };
}

/** The milestones just saved, each due on a working day: one entered on a weekend or holiday moves to the next
 *  working day and keeps the day entered as `requestedDueDate`. The workflow applies it after SAVE_MILESTONES when
 *  it was started with a calendar (docs/decisions/019); without one the days stay as entered. */
export const milestonesOnWorkingDays = (s: WorkPlanState, cal: WorkCalendar | undefined): WorkPlanState =>
  cal
    ? {
        ...s,
        milestones: s.milestones.map((x) => {
          const { dueDate, requested } = dueOn(cal, x.requestedDueDate ?? x.dueDate);
          const { requestedDueDate: _old, ...rest } = x;
          return requested ? { ...rest, dueDate, requestedDueDate: requested } : { ...rest, dueDate };
        }),
      }
    : s;

/** Submission timers: a reminder `leadDays` working days before the due date (calendar days without a calendar),
 *  an escalation when it passes; quiet while under review. */
export const submissionDeadline = (s: WorkPlanState, cal?: WorkCalendar) => escalationAt(cal, s.dueDate);
export const submissionReminderAt = (s: WorkPlanState, leadDays: number, cal?: WorkCalendar) =>
  reminderBefore(cal, s.dueDate, leadDays);
export const reviewed = approved;
export const awaitingReview = (s: WorkPlanState) => s.status === "SUBMITTED";
export const remindSubmission = (s: WorkPlanState, now: number): WorkPlanState => ({ ...s, remindedAt: iso(now) });
export const escalateSubmission = (s: WorkPlanState, now: number): WorkPlanState => ({ ...s, escalatedAt: iso(now) });

/** Milestone timers, once approved: each has its reminder and its escalation (it stays overdue when done late). */
export const milestoneDeadline = (x: Milestone, cal?: WorkCalendar) => escalationAt(cal, x.dueDate);
export const milestoneReminderAt = (x: Milestone, leadDays: number, cal?: WorkCalendar) =>
  reminderBefore(cal, x.dueDate, leadDays);
export const milestoneDone = (s: WorkPlanState, ordinal: number) =>
  s.milestones.find((x) => x.ordinal === ordinal)?.status === "DONE";
export const remindMilestone = (s: WorkPlanState, ordinal: number, now: number) =>
  withMilestone(s, ordinal, { remindedAt: iso(now) });
export const escalateMilestone = (s: WorkPlanState, ordinal: number, now: number) =>
  withMilestone(s, ordinal, { overdue: true, escalatedAt: iso(now) });

/** The plan is completed when every milestone of the approved baseline is done. */
export const allMilestonesDone = (s: WorkPlanState) => s.milestones.every((x) => x.status === "DONE");
export const complete = (s: WorkPlanState, now: number): WorkPlanState => ({
  ...s,
  status: "COMPLETED",
  completedAt: iso(now),
});

export function waitingFor(s: WorkPlanState): WaitingFor[] {
  const who = partyKey({ kind: "DEPARTMENT", code: s.departmentCode });
  const unit = s.department;
  switch (s.status) {
    case "DRAFTING":
    case "RETURNED": {
      const again = s.status === "RETURNED";
      return [
        {
          what: "SUBMIT_WORK_PLAN",
          who,
          zh: `${unit.zh}${again ? "按退回意见修改并重新提交" : "编制并提交"}${s.year}年度工作计划`,
          en: `${unit.en} to ${again ? "revise and resubmit" : "draft and submit"} its ${s.year} work plan`,
          deadline: iso(submissionDeadline(s)),
        },
      ];
    }
    case "SUBMITTED":
      return [
        {
          what: "REVIEW_WORK_PLAN",
          who: partyKey({ kind: "ROLE", role: "STEERING_GROUP" }),
          zh: `专项小组审核${unit.zh}${s.year}年度工作计划（第${s.revision}稿）`,
          en: `the steering group to review ${unit.en}'s ${s.year} work plan (revision ${s.revision})`,
        },
      ];
    case "APPROVED":
      return s.milestones
        .filter((x) => x.status === "OPEN")
        .map((x) => ({
          what: `COMPLETE_MILESTONE:${x.ordinal}`,
          who,
          zh: `${unit.zh}完成节点${x.ordinal}：${x.what}`,
          en: `${unit.en} to reach milestone ${x.ordinal}: ${x.what}`,
          deadline: iso(milestoneDeadline(x)),
        }));
    case "COMPLETED":
      return [];
  }
}

export const statusLabel = (status: WorkPlanStatus) => label(WORK_PLAN_STATUSES, status);
