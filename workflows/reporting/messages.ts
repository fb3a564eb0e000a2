// 定期报送推进落实情况: the cycle and the progress reports it fans out, one per task and lead department.
import { defineSignal, defineUpdate } from "@temporalio/workflow";
import type { Actor } from "../work-plan/messages";

type Bilingual = { zh: string; en: string };

export interface CycleInput {
  /** e.g. 2019Q2 */
  period: string;
  /** YYYY-MM-DD */
  dueDate: string;
  leadDays: number;
  openedBy: number;
}

export interface ReportInput {
  cycleWorkflowId: string;
  period: string;
  taskId: number;
  taskCode: string;
  taskTitle: Bilingual;
  departmentId: number;
  departmentCode: string;
  department: Bilingual;
  supporters: { departmentId: number; code: string; name: Bilingual }[];
  dueDate: string;
  leadDays: number;
}

export type ReportStatus = "PENDING" | "SUBMITTED" | "RETURNED" | "ACCEPTED";

export interface ReportState {
  status: ReportStatus;
  progress?: string;
  taskStatus?: string;
  submittedAt?: string;
  /** When the lead department last saved its text without submitting. */
  draftSavedAt?: string;
  late: boolean;
  overdue: boolean;
  returnReason?: string;
  returnCount: number;
  acceptedAt?: string;
  remindedAt?: string;
  escalatedAt?: string;
  contributions: { departmentId: number; text: string; at: string }[];
}

export const contributeToReport = defineUpdate<ReportState, [Actor & { departmentId: number; text: string }]>("contributeToReport");
export const saveReportDraft = defineUpdate<ReportState, [Actor & { departmentId: number; progress: string; taskStatus: string }]>("saveReportDraft");
export const submitReport = defineUpdate<ReportState, [Actor & { departmentId: number; progress: string; taskStatus: string }]>("submitReport");
export const acceptReport = defineUpdate<ReportState, [Actor]>("acceptReport");
export const returnReport = defineUpdate<ReportState, [Actor & { reason: string }]>("returnReport");

/** A report tells its cycle it was accepted (carries the report's workflow ID). */
export const reportAccepted = defineSignal<[string]>("reportAccepted");
