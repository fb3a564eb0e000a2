// 专项督导检查: what an inspection workflow receives.
import { defineUpdate } from "@temporalio/workflow";
import type { Actor } from "../work-plan/messages";

export type Recurrence = "NONE" | "MONTHLY" | "QUARTERLY";

export interface InspectionInput {
  title: string;
  inspectorId: number;
  /** The inspected unit: a department or a county-level area. */
  unit: { departmentId: number | null; areaId: number | null; code: string; name: { zh: string; en: string } };
  taskCodes: string[];
  /** YYYY-MM-DD */
  date: string;
  recurrence: Recurrence;
  /** Last day a recurring schedule may fall on (YYYY-MM-DD). */
  repeatUntil: string | null;
  occurrence: number;
  leadDays: number;
  openedBy: number;
}

export type FindingStatus = "OPEN" | "RECTIFICATION_REPORTED" | "REOPENED" | "CLOSED";

export interface Finding {
  ordinal: number;
  description: string;
  severity: string;
  requiresRectification: boolean;
  deadline?: string;
  status: FindingStatus;
  rectification?: string;
  reportedAt?: string;
  verifiedAt?: string;
  reopenCount: number;
  reopenReason?: string;
  overdue: boolean;
  escalatedAt?: string;
}

export interface InspectionState {
  status: "SCHEDULED" | "IN_PROGRESS" | "RECTIFYING" | "CLOSED";
  fieldworkConcludedAt?: string;
  closedAt?: string;
  nextWorkflowId?: string;
  findings: Finding[];
}

export interface FindingInput {
  description: string;
  severity: string;
  requiresRectification: boolean;
  /** YYYY-MM-DD, required when rectification is */
  deadline?: string | null;
}

export const addFinding = defineUpdate<InspectionState, [Actor & FindingInput]>("addFinding");
export const concludeFieldwork = defineUpdate<InspectionState, [Actor]>("concludeFieldwork");
export const reportRectification = defineUpdate<InspectionState, [Actor & { ordinal: number; text: string }]>("reportRectification");
export const verifyRectification = defineUpdate<InspectionState, [Actor & { ordinal: number; effective: boolean; reason?: string | null; newDeadline?: string | null }]>("verifyRectification");
