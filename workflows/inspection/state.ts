// 专项督导检查: the state its rules work on, its vocabularies (zh/en) and who may take which side of it. Pure; the
// steps are in ./process.ts (the inspection as a whole) and ./findings.ts (one finding).
import type { Recurrence } from "../common/calendar";
import { label, refusal, type Actor, type Bilingual, type Refusal } from "../common/process";
import type { InspectionInput } from "./messages";

export const INSPECTION_STATUSES = {
  SCHEDULED: ["已安排", "Scheduled"],
  IN_PROGRESS: ["检查中", "In progress"],
  RECTIFYING: ["整改中", "Rectifying"],
  CLOSED: ["已结束", "Closed"],
} as const;
export type InspectionStatus = keyof typeof INSPECTION_STATUSES;

export const FINDING_STATUSES = {
  OPEN: ["待整改", "Awaiting rectification"],
  RECTIFICATION_REPORTED: ["整改已报送", "Rectification reported"],
  REOPENED: ["重新整改", "Reopened"],
  CLOSED: ["已销号", "Closed"],
} as const;
export type FindingStatus = keyof typeof FINDING_STATUSES;

/** How serious a finding (or an alert) is. app/models/vocabulary.ts re-exports it for the registry's alerts. */
export const SEVERITIES = { LOW: ["一般", "Low"], MEDIUM: ["较重", "Medium"], HIGH: ["严重", "High"] } as const;
export type Severity = keyof typeof SEVERITIES;

export const RECURRENCES = {
  NONE: ["不重复", "Once"],
  MONTHLY: ["每月一次", "Monthly"],
  QUARTERLY: ["每季度一次", "Quarterly"],
} as const satisfies Record<Recurrence, readonly [string, string]>;

export interface Finding {
  ordinal: number;
  description: string;
  severity: Severity;
  requiresRectification: boolean;
  /** YYYY-MM-DD, the last day of rectification (present when rectification is required); a working day for
   *  inspections scheduled with a calendar (docs/decisions/019) */
  deadline?: string;
  /** The deadline as entered when it fell on a weekend or holiday and `deadline` is the next working day (顺延). */
  requestedDeadline?: string;
  status: FindingStatus;
  rectification?: string;
  reportedAt?: string;
  verifiedAt?: string;
  reopenCount: number;
  reopenReason?: string;
  overdue: boolean;
  escalatedAt?: string;
}

/** The inspection as the rules see it: what it was scheduled with, and where it is now. Times are ISO strings. */
export interface InspectionState {
  /** The subject the person scheduling it gave, e.g. 空气自动站运维专项督导 */
  title: string;
  inspectorId: number;
  unit: InspectionInput["unit"];
  taskCodes: string[];
  /** This occurrence's day, YYYY-MM-DD */
  date: string;
  recurrence: Recurrence;
  repeatUntil: string | null;
  /** The first day of the series this occurrence belongs to */
  seriesStart: string;
  occurrence: number;
  leadDays: number;
  status: InspectionStatus;
  remindedAt?: string;
  startedAt?: string;
  fieldworkConcludedAt?: string;
  closedAt?: string;
  nextDate?: string;
  nextWorkflowId?: string;
  findings: Finding[];
}

export { iso } from "../common/calendar";

export function initialState(input: InspectionInput): InspectionState {
  const { title, inspectorId, unit, taskCodes, date, recurrence, repeatUntil, seriesStart, occurrence, leadDays } =
    input;
  const series = { recurrence, repeatUntil, seriesStart, occurrence };
  return { title, inspectorId, unit, taskCodes, date, ...series, leadDays, status: "SCHEDULED", findings: [] };
}

/** "2026-12-10 对市环保局的专项督导检查" (a unit is inspected at most once a day: the title is unique). */
export const title = (s: { date: string; unit: { name: Bilingual } }): Bilingual => ({
  zh: `${s.date} 对${s.unit.name.zh}的专项督导检查`,
  en: `Supervisory inspection of ${s.unit.name.en}, ${s.date}`,
});

/** "问题1（严重）" */
export const findingLabel = (f: Pick<Finding, "ordinal" | "severity">): Bilingual => {
  const severity = label(SEVERITIES, f.severity);
  return { zh: `问题${f.ordinal}（${severity.zh}）`, en: `Finding ${f.ordinal} (${severity.en})` };
};

export const statusLabel = (status: InspectionStatus) => label(INSPECTION_STATUSES, status);
export const findingStatusLabel = (status: FindingStatus) => label(FINDING_STATUSES, status);

// Who: findings and verification are the inspector's (this inspection's own, or the steering group); rectification is
// the inspected unit's own account, so the side that verifies it does not also write it.
export const inspectorOnly = (s: InspectionState, actor: Actor): Refusal | null =>
  actor.role === "STEERING_GROUP" || (actor.role === "INSPECTOR" && actor.userId === s.inspectorId)
    ? null
    : refusal(
        "FORBIDDEN",
        "只有负责该检查的督查人员或专项小组可以操作",
        "Only this inspection's inspector or the steering group may do this",
      );

export const isInspectedUnit = (s: Pick<InspectionState, "unit">, actor: Actor) =>
  s.unit.departmentId !== null
    ? actor.role === "DEPARTMENT_MEMBER" && actor.departmentId === s.unit.departmentId
    : actor.role === "AREA_IMPLEMENTER" && actor.areaId === s.unit.areaId;

export const unitOnly = (s: InspectionState, actor: Actor): Refusal | null =>
  isInspectedUnit(s, actor)
    ? null
    : refusal(
        "FORBIDDEN",
        `只有被检查单位（${s.unit.name.zh}）可以报送整改情况`,
        `Only the inspected unit (${s.unit.name.en}) may report its rectification`,
      );
