// A reporting cycle as rules (pure): opened by the steering group for a period, it fans out one report per task and
// lead department, and closes with the consolidated report once every report is accepted. Its only step is the
// opening (a process start); the rest is the workflow's own progress, which these functions describe.
import type { WaitingFor } from "../common/messages";
import { label, partyKey, type Bilingual } from "../common/process";
import type { EventDescriber } from "../common/events";
import type { CycleInput } from "./messages";
import { endOfDay, iso } from "../common/calendar";
import { periodLabel } from "./period";

export const CYCLE_STATUSES = {
  OPEN: ["报送中", "Open"],
  CLOSED: ["已汇总", "Consolidated"],
} as const;
export type CycleStatus = keyof typeof CYCLE_STATUSES;

export interface CycleState {
  period: string;
  dueDate: string;
  status: CycleStatus;
  /** Reports fanned out; null until the fan-out has counted them. */
  reportCount: number | null;
  /** Workflow IDs of the accepted reports. */
  accepted: string[];
}

export const initialCycle = (input: CycleInput): CycleState => ({
  period: input.period,
  dueDate: input.dueDate,
  status: "OPEN",
  reportCount: null,
  accepted: [],
});

/** "2027年第一季度推进落实情况报送" / "Q1 2027 progress reporting" */
export const cycleTitle = (period: string): Bilingual => {
  const p = periodLabel(period);
  return { zh: `${p.zh}推进落实情况报送`, en: `${p.en} progress reporting` };
};

export const fannedOut = (s: CycleState, reportCount: number): CycleState => ({ ...s, reportCount });
export const reportAccepted = (s: CycleState, reportId: string): CycleState =>
  s.accepted.includes(reportId) ? s : { ...s, accepted: [...s.accepted, reportId] };
export const allAccepted = (s: CycleState) => s.reportCount !== null && s.accepted.length >= s.reportCount;
export const close = (s: CycleState): CycleState => ({ ...s, status: "CLOSED" });

export function cycleWaitingFor(s: CycleState): WaitingFor[] {
  if (s.status === "CLOSED") return [];
  return [
    {
      what: "ACCEPT_ALL_REPORTS",
      who: partyKey({ kind: "ROLE", role: "STEERING_GROUP" }),
      zh: "各牵头部门报送，专项小组逐一审核采纳后汇总",
      en: "every lead department to report and the steering group to accept each report, then the cycle is consolidated",
      deadline: iso(endOfDay(s.dueDate)),
    },
  ];
}

export const cycleStatusLabel = (status: CycleStatus) => label(CYCLE_STATUSES, status);

export const describeCycleEvent: EventDescriber = (kind, detail) => {
  switch (kind) {
    case "OPEN":
      return { zh: "启动了报送周期", en: "opened the reporting cycle" };
    case "FAN_OUT":
      return {
        zh: `已向各牵头部门发出${Number(detail.reports)}份报告要求`,
        en: `${Number(detail.reports)} reports were requested from the lead departments`,
      };
    case "CLOSE":
      return {
        zh: "全部报告已采纳，汇总报告已生成",
        en: "Every report was accepted: the consolidated report was compiled",
      };
    default:
      return null;
  }
};
