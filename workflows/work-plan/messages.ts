// 年度工作计划: what the workflow receives. Updates return the plan's state after the step.
import { defineUpdate } from "@temporalio/workflow";

export interface MilestoneInput {
  taskCode?: string | null;
  what: string;
  responsibleUnit: string;
  /** YYYY-MM-DD */
  dueDate: string;
  indicator: string;
}

export interface Milestone extends MilestoneInput {
  ordinal: number;
  status: "OPEN" | "DONE";
  overdue: boolean;
  remindedAt?: string;
  escalatedAt?: string;
  completedAt?: string;
  completionNote?: string;
}

export type WorkPlanStatus = "DRAFTING" | "SUBMITTED" | "RETURNED" | "APPROVED" | "COMPLETED";

export interface WorkPlanState {
  status: WorkPlanStatus;
  revision: number;
  returnReason?: string;
  submittedAt?: string;
  approvedAt?: string;
  escalatedAt?: string;
  completedAt?: string;
  milestones: Milestone[];
}

export interface WorkPlanInput {
  year: number;
  departmentId: number;
  departmentCode: string;
  department: { zh: string; en: string };
  /** YYYY-MM-DD: the plan must be submitted by the end of this day */
  dueDate: string;
  leadDays: number;
  openedBy: number;
}

export interface Actor {
  actorId: number;
}

export const saveMilestones = defineUpdate<WorkPlanState, [Actor & { milestones: MilestoneInput[] }]>("saveMilestones");
export const submitWorkPlan = defineUpdate<WorkPlanState, [Actor]>("submitWorkPlan");
export const approveWorkPlan = defineUpdate<WorkPlanState, [Actor]>("approveWorkPlan");
export const returnWorkPlan = defineUpdate<WorkPlanState, [Actor & { reason: string }]>("returnWorkPlan");
export const completeMilestone = defineUpdate<WorkPlanState, [Actor & { ordinal: number; note: string }]>("completeMilestone");
