// 定期报送推进落实情况, one progress report as rules (pure; workflows/common/process.ts): the task's supporting
// departments contribute while the report is open, the lead department saves drafts and submits (late after the due
// day), the steering group accepts it or returns it with a reason. Every submitted version is kept with the
// contributions as they stood, so a return loses nothing and a resubmission can be compared with what was returned.
// The workflow (./report-workflow.ts) wires these steps to updates and timers; the API asks the same rules.
import type { WaitingFor } from "../common/messages";
import {
  defineStep,
  label,
  onlyDepartment,
  onlyRoles,
  partyKey,
  refusal,
  type Actor,
  type Bilingual,
} from "../common/process";
import type { ReportInput } from "./messages";
import { endOfDay, iso, morningBefore } from "../common/calendar";
import { workingMorningBefore, type WorkCalendar } from "../common/working-days";
import { periodLabel } from "./period";

export const REPORT_STATUSES = {
  PENDING: ["待报送", "Pending"],
  SUBMITTED: ["已提交待审", "Submitted"],
  RETURNED: ["已退回", "Returned"],
  ACCEPTED: ["已采纳", "Accepted"],
} as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;

export interface Supporter {
  departmentId: number;
  code: string;
  name: Bilingual;
}
export interface Contribution {
  departmentId: number;
  text: string;
  at: string;
}
/** One submission, kept: what was submitted and with which contributions; if returned, when and why. */
export interface ReportVersion {
  version: number;
  progress: string;
  taskStatus: string;
  submittedAt: string;
  submittedById: number;
  late: boolean;
  contributions: Contribution[];
  returnedAt?: string;
  returnReason?: string;
  acceptedAt?: string;
}

/** The report as the rules see it. `progress`/`taskStatus` are the working text: a draft, or the last version. */
export interface ReportState {
  period: string;
  taskCode: string;
  taskTitle: Bilingual;
  departmentId: number;
  departmentCode: string;
  department: Bilingual;
  supporters: Supporter[];
  dueDate: string;
  /** The due date as entered when it fell on a non-working day and was moved to `dueDate` (顺延). */
  requestedDueDate?: string;
  leadDays: number;
  /** The end of the due day (Asia/Shanghai), ISO: submitted after it is late. */
  deadline: string;
  status: ReportStatus;
  progress?: string;
  taskStatus?: string;
  submittedAt?: string;
  /** A draft saved since the last submission (cleared when it is submitted). */
  draftSavedAt?: string;
  late: boolean;
  overdue: boolean;
  returnReason?: string;
  returnCount: number;
  acceptedAt?: string;
  remindedAt?: string;
  escalatedAt?: string;
  contributions: Contribution[];
  versions: ReportVersion[];
}

export function initialState(input: ReportInput): ReportState {
  return {
    period: input.period,
    taskCode: input.taskCode,
    taskTitle: input.taskTitle,
    departmentId: input.departmentId,
    departmentCode: input.departmentCode,
    department: input.department,
    supporters: input.supporters,
    dueDate: input.dueDate,
    requestedDueDate: input.requestedDueDate,
    leadDays: input.leadDays,
    deadline: iso(endOfDay(input.dueDate)),
    status: "PENDING",
    late: false,
    overdue: false,
    returnCount: 0,
    contributions: [],
    versions: [],
  };
}

type TitleParts = Pick<ReportState, "period" | "taskCode" | "taskTitle" | "department">;
/** "2027年第一季度 · 1.4 声环境质量监测 · 市环保局" */
export const title = (s: TitleParts): Bilingual => {
  const period = periodLabel(s.period);
  return {
    zh: `${period.zh} · ${s.taskCode} ${s.taskTitle.zh} · ${s.department.zh}`,
    en: `${period.en} · ${s.taskCode} ${s.taskTitle.en} · ${s.department.en}`,
  };
};

/** A report still owed by its department: not yet submitted, or returned to it. */
export const isOpenStatus = (status: string) => status === "PENDING" || status === "RETURNED";
export const isOpen = (s: ReportState) => isOpenStatus(s.status);

/** The supporting departments that have not contributed (yet). */
export const missingSupporters = (s: ReportState): Supporter[] =>
  s.supporters.filter((x) => !s.contributions.some((c) => c.departmentId === x.departmentId));

const names = (list: Supporter[], lang: keyof Bilingual) =>
  list.map((x) => x.name[lang]).join(lang === "zh" ? "、" : ", ");

const closedFor = (s: ReportState, zh: string, en: string) =>
  s.status === "ACCEPTED"
    ? refusal("INVALID_STATE", "报告已采纳", "The report is already accepted")
    : s.status === "SUBMITTED"
      ? refusal("INVALID_STATE", zh, en)
      : null;
const leadOnly = (s: ReportState, actor: Actor, zh: string, en: string) =>
  onlyDepartment(
    actor,
    s.departmentId,
    `只有牵头部门（${s.department.zh}）可以${zh}`,
    `Only the lead department (${s.department.en}) may ${en}`,
  );
const steeringOnly = (actor: Actor) =>
  onlyRoles(actor, ["STEERING_GROUP"], "只有专项小组可以审核报告", "Only the steering group reviews reports");
const reviewable = (s: ReportState, zh: string, en: string) =>
  s.status === "ACCEPTED"
    ? refusal("INVALID_STATE", zh, en)
    : s.status !== "SUBMITTED"
      ? refusal("NOT_YET", "报告报送后才能审核", "The report can be reviewed once it is submitted")
      : null;

export interface ReportText {
  progress: string;
  taskStatus: string;
}

/** Marks the last version as returned or accepted. */
const settleLast = (s: ReportState, change: Partial<ReportVersion>): ReportVersion[] =>
  s.versions.map((v, i) => (i === s.versions.length - 1 ? { ...v, ...change } : v));

/** The steps people take, keyed by the name the API and GraphQL use (ReportStep). */
export const REPORT_STEPS = {
  CONTRIBUTE: defineStep<ReportState, { text: string }>({
    label: { zh: "提供配合情况", en: "Contribute our input" },
    allowed: (s, actor) =>
      actor.role === "DEPARTMENT_MEMBER" && s.supporters.some((x) => x.departmentId === actor.departmentId)
        ? closedFor(s, "报告已提交，不能再补充配合情况", "The report is already submitted; no more input can be added")
        : refusal(
            "FORBIDDEN",
            "只有该任务的配合部门可以提供配合情况",
            "Only a supporting department of this task may contribute",
          ),
    apply: (s, { text }, actor, now) => ({
      ...s,
      contributions: [
        ...s.contributions.filter((c) => c.departmentId !== actor.departmentId),
        { departmentId: actor.departmentId!, text, at: iso(now) },
      ],
    }),
  }),

  SAVE_DRAFT: defineStep<ReportState, ReportText>({
    label: { zh: "保存草稿", en: "Save a draft" },
    allowed: (s, actor) =>
      leadOnly(s, actor, "填写该报告", "fill in this report") ??
      closedFor(s, "报告已提交，不能再保存草稿", "The report is already submitted; a draft can no longer be saved"),
    apply: (s, text, _actor, now) => ({ ...s, ...text, draftSavedAt: iso(now) }),
  }),

  SUBMIT: defineStep<ReportState, ReportText>({
    label: { zh: "报送", en: "Submit" },
    allowed: (s, actor) =>
      leadOnly(s, actor, "报送该报告", "submit this report") ??
      closedFor(s, "报告已提交，正在审核，不能重复提交", "The report is already submitted and under review"),
    warn: (s) => {
      const missing = missingSupporters(s);
      return missing.length
        ? {
            zh: `配合部门${names(missing, "zh")}尚未提供配合情况`,
            en: `Supporting departments not yet heard from: ${names(missing, "en")}`,
          }
        : null;
    },
    apply: (s, text, actor, now) => {
      const late = now > Date.parse(s.deadline);
      const version: ReportVersion = {
        version: s.versions.length + 1,
        ...text,
        submittedAt: iso(now),
        submittedById: actor.userId,
        late,
        contributions: s.contributions,
      };
      return {
        ...s,
        ...text,
        status: "SUBMITTED",
        submittedAt: iso(now),
        draftSavedAt: undefined,
        late,
        versions: [...s.versions, version],
      };
    },
  }),

  RETURN: defineStep<ReportState, { reason: string }>({
    label: { zh: "退回修改", en: "Return for revision" },
    allowed: (s, actor) =>
      steeringOnly(actor) ??
      reviewable(s, "报告已采纳，不能退回", "The report is already accepted; it cannot be returned"),
    check: (_s, { reason }) =>
      reason.trim() ? null : refusal("BAD_INPUT", "退回必须说明原因", "A return needs a reason"),
    apply: (s, { reason }, _actor, now) => ({
      ...s,
      status: "RETURNED",
      returnReason: reason,
      returnCount: s.returnCount + 1,
      versions: settleLast(s, { returnedAt: iso(now), returnReason: reason }),
    }),
  }),

  ACCEPT: defineStep<ReportState, object>({
    label: { zh: "采纳", en: "Accept" },
    allowed: (s, actor) => steeringOnly(actor) ?? reviewable(s, "报告已采纳", "The report is already accepted"),
    apply: (s, _input, _actor, now) => ({
      ...s,
      status: "ACCEPTED",
      acceptedAt: iso(now),
      versions: settleLast(s, { acceptedAt: iso(now) }),
    }),
  }),
};
export type ReportStep = keyof typeof REPORT_STEPS;

/** Timers: a reminder `leadDays` working days before the due day and one on it (09:00), escalation when it has
 *  passed. A report started without a calendar (before docs/decisions/019) keeps calendar days, so it replays. */
export const reminders = (s: ReportState, calendar?: WorkCalendar) => [
  {
    at: calendar ? workingMorningBefore(calendar, s.dueDate, s.leadDays) : morningBefore(s.dueDate, s.leadDays),
    point: "REMINDER" as const,
  },
  { at: morningBefore(s.dueDate, 0), point: "DUE_TODAY" as const },
];
/** Nothing more is awaited once accepted; a submitted report skips reminders but may still be returned. */
export const finished = (s: ReportState) => s.status === "ACCEPTED";
export const satisfied = (s: ReportState) => s.status === "SUBMITTED";
export const remind = (s: ReportState, now: number): ReportState => ({ ...s, remindedAt: iso(now) });
export const escalate = (s: ReportState, now: number): ReportState => ({ ...s, overdue: true, escalatedAt: iso(now) });

export function waitingFor(s: ReportState): WaitingFor[] {
  const lead = s.department;
  const missing = missingSupporters(s);
  if (s.status === "ACCEPTED") return [];
  if (s.status === "SUBMITTED")
    return [
      {
        what: "REVIEW_REPORT",
        who: partyKey({ kind: "ROLE", role: "STEERING_GROUP" }),
        // Submitted without some supporting departments: the reviewer is told, they do not silently vanish.
        zh: `专项小组审核${lead.zh}的报告${missing.length ? `（未含${names(missing, "zh")}的配合情况）` : ""}`,
        en: `the steering group to review ${lead.en}'s report${missing.length ? ` (without input from ${names(missing, "en")})` : ""}`,
      },
    ];
  return [
    {
      what: "SUBMIT_REPORT",
      who: partyKey({ kind: "DEPARTMENT", code: s.departmentCode }),
      zh: s.status === "RETURNED" ? `${lead.zh}按退回意见修改后重新报送` : `${lead.zh}报送推进落实情况`,
      en: s.status === "RETURNED" ? `${lead.en} to revise and resubmit the report` : `${lead.en} to submit the report`,
      deadline: s.deadline,
    },
    ...missing.map((x) => ({
      what: `CONTRIBUTE:${x.code}`,
      who: partyKey({ kind: "DEPARTMENT", code: x.code }),
      zh: `${x.name.zh}提供配合情况`,
      en: `${x.name.en} to contribute`,
      deadline: s.deadline,
    })),
  ];
}

export const statusLabel = (status: ReportStatus) => label(REPORT_STATUSES, status);
