// 测管联动 as rules (pure; workflows/common/process.ts): an alert opens a case with a response deadline; the
// enforcement side (市环保局) responds, records the on-site joint monitoring and enforcement result, and closes it.
// The workflow (./workflows.ts) wires these steps to updates and timers; the API asks the same rules before it sends
// a step and to tell a page which actions to offer.
import type { WaitingFor } from "../common/messages";
import { defineStep, label, onlyDepartment, partyKey, refusal, type Actor, type Bilingual } from "../common/process";
import type { EventDescriber } from "../common/events";
import type { LinkageInput } from "./messages";

const HOUR = 3600_000;

export const LINKAGE_STATUSES = {
  OPEN: ["待响应", "Awaiting response"],
  RESPONDED: ["已响应", "Responded"],
  RESULT_RECORDED: ["已录入执法结果", "Result recorded"],
  CLOSED: ["已办结", "Closed"],
} as const;
export type LinkageStatus = keyof typeof LINKAGE_STATUSES;

/** The case as the rules see it: what it was opened with, and where it is now. Times are ISO strings. */
export interface LinkageState {
  alertId: number;
  station: string;
  area: Bilingual;
  kind: Bilingual;
  occurredAt: string;
  enforcementDepartmentId: number;
  enforcementDepartmentCode: string;
  enforcementDepartment: Bilingual;
  status: LinkageStatus;
  openedAt: string;
  responseDeadline: string;
  respondedAt?: string;
  responseNote?: string;
  onSiteAt?: string;
  jointMonitoring?: boolean;
  violationFound?: boolean;
  actionTaken?: string;
  resultRecordedAt?: string;
  closedAt?: string;
  closingSummary?: string;
  remindedAt?: string;
  escalatedAt?: string;
}

export { iso } from "../common/calendar";
import { iso } from "../common/calendar";
const shanghai = (isoTime: string) => new Date(Date.parse(isoTime) + 8 * HOUR).toISOString();
/** YYYY-MM-DD HH:mm in Asia/Shanghai. */
export const minuteOf = (isoTime: string) => shanghai(isoTime).slice(0, 16).replace("T", " ");

export function initialState(input: LinkageInput, now: number): LinkageState {
  return {
    alertId: input.alertId,
    station: input.station,
    area: input.area,
    kind: input.kind,
    occurredAt: input.occurredAt,
    enforcementDepartmentId: input.enforcementDepartmentId,
    enforcementDepartmentCode: input.enforcementDepartmentCode,
    enforcementDepartment: input.enforcementDepartment,
    status: "OPEN",
    openedAt: iso(now),
    responseDeadline: iso(now + input.responseHours * HOUR),
  };
}

/** "萨尔图区 超标报警 2026-12-01 测管联动" */
export const title = (s: Pick<LinkageState, "area" | "kind" | "occurredAt">): Bilingual => {
  const day = shanghai(s.occurredAt).slice(0, 10);
  return {
    zh: `${s.area.zh} ${s.kind.zh}报警 ${day} 测管联动`,
    en: `Linkage case: ${s.kind.en} alert, ${s.area.en}, ${day}`,
  };
};

const enforcementOnly = (s: LinkageState, actor: Actor) =>
  onlyDepartment(
    actor,
    s.enforcementDepartmentId,
    `只有执法部门（${s.enforcementDepartment.zh}）或专项小组可以处置联动案件`,
    `Only the enforcement side (${s.enforcementDepartment.en}) or the steering group may act on a linkage case`,
  );
const closed = (s: LinkageState) =>
  s.status === "CLOSED" ? refusal("INVALID_STATE", "案件已办结", "The case is already closed") : null;

export interface ResultInput {
  onSiteAt: string;
  jointMonitoring: boolean;
  violationFound: boolean;
  actionTaken: string;
}

/** The steps people take, keyed by the name the API and GraphQL use (LinkageStep). */
export const LINKAGE_STEPS = {
  RESPOND: defineStep<LinkageState, { note: string }>({
    label: { zh: "响应", en: "Respond" },
    allowed: (s, actor) =>
      enforcementOnly(s, actor) ??
      closed(s) ??
      (s.status !== "OPEN" ? refusal("INVALID_STATE", "案件已响应", "The case has already been answered") : null),
    apply: (s, { note }, _actor, now) => ({ ...s, status: "RESPONDED", respondedAt: iso(now), responseNote: note }),
  }),

  RECORD_RESULT: defineStep<LinkageState, ResultInput>({
    label: { zh: "录入现场监测执法结果", en: "Record the on-site result" },
    allowed: (s, actor) =>
      enforcementOnly(s, actor) ??
      closed(s) ??
      (s.status === "RESULT_RECORDED"
        ? refusal("INVALID_STATE", "执法结果已记录", "The enforcement result is already recorded")
        : null),
    check: (s, { onSiteAt }, now) => {
      const at = Date.parse(onSiteAt);
      // Forms give minutes: the opening minute itself counts.
      const opened = Math.floor(Date.parse(s.openedAt) / 60_000) * 60_000;
      if (Number.isNaN(at)) return refusal("BAD_INPUT", "现场时间无效", "The on-site time is not a valid time");
      if (at < opened)
        return refusal(
          "BAD_INPUT",
          `现场时间不能早于案件启动时间（${minuteOf(s.openedAt)}）`,
          `The on-site time cannot precede the opening of the case (${minuteOf(s.openedAt)})`,
        );
      if (at > now) return refusal("BAD_INPUT", "现场时间不能晚于当前时间", "The on-site time cannot be in the future");
      return null;
    },
    apply: (s, result, _actor, now) => ({
      ...s,
      ...result,
      status: "RESULT_RECORDED",
      resultRecordedAt: iso(now),
      // Going on site answers the case: it counts as the response when none was recorded.
      respondedAt: s.respondedAt ?? iso(now),
    }),
  }),

  CLOSE: defineStep<LinkageState, { summary: string }>({
    label: { zh: "办结案件", en: "Close the case" },
    allowed: (s, actor) =>
      enforcementOnly(s, actor) ??
      closed(s) ??
      (s.status !== "RESULT_RECORDED"
        ? refusal("NOT_YET", "请先录入现场监测执法结果再办结", "Record the on-site enforcement result before closing")
        : null),
    apply: (s, { summary }, _actor, now) => ({ ...s, status: "CLOSED", closedAt: iso(now), closingSummary: summary }),
  }),
};
export type LinkageStep = keyof typeof LINKAGE_STEPS;

/** Timers: halfway through the response window a reminder, at the deadline an escalation (while still unanswered). */
export const reminderAt = (s: LinkageState) =>
  Date.parse(s.openedAt) + (Date.parse(s.responseDeadline) - Date.parse(s.openedAt)) / 2;
export const answered = (s: LinkageState) => s.status !== "OPEN";
export const remind = (s: LinkageState, now: number): LinkageState => ({ ...s, remindedAt: iso(now) });
export const escalate = (s: LinkageState, now: number): LinkageState => ({ ...s, escalatedAt: iso(now) });

export function waitingFor(s: LinkageState): WaitingFor[] {
  const who = partyKey({ kind: "DEPARTMENT", code: s.enforcementDepartmentCode });
  const unit = s.enforcementDepartment;
  switch (s.status) {
    case "OPEN":
      return [
        {
          what: "RESPOND",
          who,
          zh: `${unit.zh}响应联动案件`,
          en: `${unit.en} to respond to the case`,
          deadline: s.responseDeadline,
        },
      ];
    case "RESPONDED":
      return [
        {
          what: "RECORD_RESULT",
          who,
          zh: `${unit.zh}录入现场联合监测执法结果`,
          en: `${unit.en} to record the on-site joint monitoring and enforcement result`,
        },
      ];
    case "RESULT_RECORDED":
      return [{ what: "CLOSE", who, zh: `${unit.zh}办结案件`, en: `${unit.en} to close the case` }];
    case "CLOSED":
      return [];
  }
}

export const statusLabel = (status: LinkageStatus) => label(LINKAGE_STATUSES, status);

/** The activity log: what each recorded step kind says. */
export const describeEvent: EventDescriber = (kind, detail) => {
  switch (kind) {
    case "OPEN":
      return { zh: "启动了测管联动", en: "opened the linkage case" };
    case "RESPOND":
      return { zh: "响应了案件", en: "responded to the case" };
    case "RESULT":
      return detail.violationFound
        ? { zh: "录入了现场监测执法结果：发现违法行为", en: "recorded the on-site result: a violation was found" }
        : { zh: "录入了现场监测执法结果：未发现违法行为", en: "recorded the on-site result: no violation found" };
    case "CLOSE":
      return { zh: "办结了案件", en: "closed the case" };
    case "REMIND":
      return {
        zh: "响应期限过半，系统已提醒执法部门",
        en: "Half the response time has passed: the enforcement side was reminded",
      };
    case "ESCALATE":
      return {
        zh: "响应超时，系统已上报专项小组",
        en: "The response deadline passed: escalated to the steering group",
      };
    default:
      return null;
  }
};
