// 年度工作计划: what the workflow receives. The rules are in ./process.ts; updates carry the actor and return the
// plan's state after the step.
import { defineUpdate } from "@temporalio/workflow";
import type { Actor } from "../common/process";
import type { WorkCalendar } from "../common/working-days";
import type { Milestone, MilestoneInput, WorkPlanStart, WorkPlanState, WorkPlanStatus } from "./process";

export type { Milestone, MilestoneInput, WorkPlanState, WorkPlanStatus };

export interface WorkPlanInput extends WorkPlanStart {
  leadDays: number;
  openedBy: number;
  /** The working-day schedule (docs/decisions/019): milestones move to working days, reminders come `leadDays`
   *  working days before. Absent in plans opened before it: calendar days, so their histories replay. */
  calendar?: WorkCalendar;
}

export const saveMilestones = defineUpdate<WorkPlanState, [{ actor: Actor; milestones: MilestoneInput[] }]>(
  "saveMilestones",
);
export const submitWorkPlan = defineUpdate<WorkPlanState, [{ actor: Actor }]>("submitWorkPlan");
export const approveWorkPlan = defineUpdate<WorkPlanState, [{ actor: Actor }]>("approveWorkPlan");
export const returnWorkPlan = defineUpdate<WorkPlanState, [{ actor: Actor; reason: string }]>("returnWorkPlan");
export const completeMilestone = defineUpdate<WorkPlanState, [{ actor: Actor; ordinal: number; note: string }]>(
  "completeMilestone",
);
