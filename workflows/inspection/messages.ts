// 专项督导检查: what an inspection workflow receives. The rules are in ./process.ts.
import { defineUpdate } from "@temporalio/workflow";
import type { Recurrence } from "../common/calendar";
import type { Actor } from "../common/process";
import type { WorkCalendar } from "../common/working-days";
import type { FindingInput, InspectionState, VerifyInput } from "./process";

export type { Recurrence };

export interface InspectionInput {
  /** The subject, e.g. 空气自动站运维专项督导 */
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
  /** The first day of the series (YYYY-MM-DD): every occurrence's day is counted from it, so month ends do not drift. */
  seriesStart: string;
  occurrence: number;
  leadDays: number;
  openedBy: number;
  /** The working-day schedule (docs/decisions/019): rectification deadlines move to working days, reminders come
   *  `leadDays` working days before. Absent in inspections scheduled before it: calendar days, so they replay. A
   *  recurring schedule hands it on to its next occurrence. */
  calendar?: WorkCalendar;
}

export type { InspectionState };

export const addFinding = defineUpdate<InspectionState, [{ actor: Actor } & FindingInput]>("addFinding");
export const concludeFieldwork = defineUpdate<InspectionState, [{ actor: Actor }]>("concludeFieldwork");
export const reportRectification = defineUpdate<InspectionState, [{ actor: Actor; ordinal: number; text: string }]>(
  "reportRectification",
);
export const verifyRectification = defineUpdate<InspectionState, [{ actor: Actor; ordinal: number } & VerifyInput]>(
  "verifyRectification",
);
