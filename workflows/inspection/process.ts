// 专项督导检查 as rules (pure; workflows/common/process.ts): an inspection of a department or an area is scheduled for a
// day; from that day its inspector (or the steering group) records findings and concludes the fieldwork; the
// inspected unit reports the rectification of each finding that needs one; the inspector verifies it as effective
// or reopens it with a reason and a new deadline (./findings.ts). It closes once the fieldwork is concluded and every
// finding is closed. The workflow (./workflows.ts) wires these steps to updates and timers (./schedule.ts); the API
// asks the same rules before it sends a step and to tell a page which actions to offer.
import { dayOf, endOfDay, startOfDay } from "../common/calendar";
import type { WaitingFor } from "../common/messages";
import { defineStep, partyKey, refusal } from "../common/process";
import {
  findingLabel,
  inspectorOnly,
  iso,
  SEVERITIES,
  type Finding,
  type InspectionState,
  type Severity,
} from "./state";

export * from "./state";
export * from "./findings";
export * from "./schedule";
export { describeEvent } from "./events";

const closed = (s: InspectionState) =>
  s.status === "CLOSED" ? refusal("INVALID_STATE", "检查已结束", "The inspection is closed") : null;
const beforeTheDay = (s: InspectionState, now: number, zh: string, en: string) =>
  now < startOfDay(s.date) ? refusal("NOT_YET", zh, en) : null;

export interface FindingInput {
  description: string;
  severity: Severity;
  requiresRectification: boolean;
  /** YYYY-MM-DD, required when rectification is */
  deadline?: string | null;
}

/** The steps taken on the inspection as a whole, keyed by the name the API and GraphQL use (InspectionStep). */
export const INSPECTION_STEPS = {
  ADD_FINDING: defineStep<InspectionState, FindingInput>({
    label: { zh: "记录问题", en: "Record a finding" },
    allowed: (s, actor, now) =>
      inspectorOnly(s, actor) ??
      closed(s) ??
      (s.fieldworkConcludedAt
        ? refusal("INVALID_STATE", "现场检查已结束，不能再记录问题", "The fieldwork is concluded; no more findings")
        : null) ??
      beforeTheDay(s, now, `检查日期${s.date}后可录入`, `Findings can be recorded from ${s.date}`),
    check: (_s, { severity, requiresRectification, deadline }, now) => {
      if (!(severity in SEVERITIES)) return refusal("BAD_INPUT", "未知的严重程度", "Unknown severity");
      if (!requiresRectification) return null;
      if (!deadline)
        return refusal(
          "BAD_INPUT",
          "需要整改的问题必须设定整改期限",
          "A finding that needs rectification needs a deadline",
        );
      if (deadline < dayOf(now))
        return refusal("BAD_INPUT", "整改期限不能早于今天", "The rectification deadline cannot be in the past");
      return null;
    },
    apply: (s, { description, severity, requiresRectification, deadline }) => {
      const finding: Finding = {
        ordinal: s.findings.length + 1,
        description,
        severity,
        requiresRectification,
        // A finding rectified on the spot has no deadline to watch.
        ...(requiresRectification && deadline ? { deadline } : {}),
        status: requiresRectification ? "OPEN" : "CLOSED",
        reopenCount: 0,
        overdue: false,
      };
      return { ...s, findings: [...s.findings, finding] };
    },
  }),

  CONCLUDE_FIELDWORK: defineStep<InspectionState, object>({
    label: { zh: "结束现场检查", en: "Conclude the fieldwork" },
    allowed: (s, actor, now) =>
      inspectorOnly(s, actor) ??
      closed(s) ??
      (s.fieldworkConcludedAt
        ? refusal("INVALID_STATE", "现场检查已结束", "The fieldwork is already concluded")
        : null) ??
      beforeTheDay(s, now, `检查日期${s.date}后可结束现场检查`, `The fieldwork can be concluded from ${s.date}`),
    warn: (s) =>
      s.findings.length === 0
        ? {
            zh: "尚未记录任何问题：结束现场检查后，本次检查即告结束",
            en: "No finding is recorded: concluding the fieldwork closes the inspection",
          }
        : null,
    apply: (s, _input, _actor, now) => ({ ...s, status: "RECTIFYING", fieldworkConcludedAt: iso(now) }),
  }),
};
export type InspectionStep = keyof typeof INSPECTION_STEPS;

/** Who the inspection waits for: the inspector (on the day, then to conclude and to verify), the unit to rectify. */
export function waitingFor(s: InspectionState): WaitingFor[] {
  if (s.status === "CLOSED") return [];
  const inspector = partyKey({ kind: "USER", userId: s.inspectorId });
  const unit =
    s.unit.departmentId !== null
      ? partyKey({ kind: "DEPARTMENT", code: s.unit.code })
      : partyKey({ kind: "AREA", code: s.unit.code });
  if (s.status === "SCHEDULED")
    return [
      {
        what: "INSPECT",
        who: inspector,
        zh: `检查人员于${s.date}开展现场检查`,
        en: `The inspector to carry out the fieldwork on ${s.date}`,
        deadline: iso(endOfDay(s.date)),
      },
    ];
  const findings = s.findings
    .filter((f) => f.status !== "CLOSED")
    .map((f): WaitingFor => {
      const name = findingLabel(f);
      return f.status === "RECTIFICATION_REPORTED"
        ? {
            what: `VERIFY:${f.ordinal}`,
            who: inspector,
            zh: `检查人员核查${name.zh}的整改情况`,
            en: `The inspector to verify the rectification of ${name.en}`,
          }
        : {
            what: `RECTIFY:${f.ordinal}`,
            who: unit,
            zh: `${s.unit.name.zh}整改${name.zh}`,
            en: `${s.unit.name.en} to rectify ${name.en}`,
            deadline: iso(endOfDay(f.deadline!)),
          };
    });
  return s.fieldworkConcludedAt
    ? findings
    : [
        {
          what: "CONCLUDE_FIELDWORK",
          who: inspector,
          zh: "检查人员结束现场检查",
          en: "The inspector to conclude the fieldwork",
        },
        ...findings,
      ];
}
