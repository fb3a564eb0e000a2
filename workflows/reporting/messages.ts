// 定期报送推进落实情况: what the cycle and the progress reports it fans out receive, one report per task and lead
// department. Updates carry the actor (the API's viewer) and the step's input; the rules are in ./process.ts.
import { defineSignal, defineUpdate } from "@temporalio/workflow";
import type { Actor, Bilingual } from "../common/process";
import type { WorkCalendar } from "../common/working-days";
import type { ReportState, ReportStatus, ReportText } from "./process";

export interface CycleInput {
  /** e.g. 2019Q2 */
  period: string;
  /** YYYY-MM-DD, a working day (moved from `requestedDueDate` when that was not one) */
  dueDate: string;
  leadDays: number;
  openedBy: number;
  /** The due date as entered, when it was moved to the next working day. */
  requestedDueDate?: string;
  /** The working-day schedule (docs/decisions/019); absent in cycles started before it: calendar days. */
  calendar?: WorkCalendar;
}

/** What the cycle's fan-out activity needs to start one report per task and lead department. */
export interface FanOutArgs {
  cycleWorkflowId: string;
  period: string;
  dueDate: string;
  leadDays: number;
  requestedDueDate?: string;
  calendar?: WorkCalendar;
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
  requestedDueDate?: string;
  /** With it, reminders come `leadDays` working days before; without (reports started before it), calendar days. */
  calendar?: WorkCalendar;
}

export type { ReportState, ReportStatus };

export const contributeToReport = defineUpdate<ReportState, [{ actor: Actor; text: string }]>("contributeToReport");
export const saveReportDraft = defineUpdate<ReportState, [{ actor: Actor } & ReportText]>("saveReportDraft");
export const submitReport = defineUpdate<ReportState, [{ actor: Actor } & ReportText]>("submitReport");
export const acceptReport = defineUpdate<ReportState, [{ actor: Actor }]>("acceptReport");
export const returnReport = defineUpdate<ReportState, [{ actor: Actor; reason: string }]>("returnReport");

/** A report tells its cycle it was accepted (carries the report's workflow ID). */
export const reportAccepted = defineSignal<[string]>("reportAccepted");
