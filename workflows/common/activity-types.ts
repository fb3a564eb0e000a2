// The activities the workflows call, declared on the workflow side (what the workflows need) and implemented by the
// worker (worker/activities.ts, over app/models). Each mirror activity applies one workflow step to SQL and sends
// that step's notices; all are idempotent per step, so Temporal may retry them freely.
import type { WaitingFor } from "./messages";
import type { Notice } from "./notices";
import type { Step } from "./step";
import type * as workPlan from "../work-plan/messages";
import type * as reporting from "../reporting/messages";
import type * as inspection from "../inspection/messages";
import type * as linkage from "../linkage/messages";

/** What a workflow hands to its mirror activity at each step: its input, its state now, and what it waits for. */
export interface Snapshot<Input, State> {
  input: Input;
  state: State;
  waitingFor: WaitingFor[];
}

export type WorkPlanSnapshot = Snapshot<workPlan.WorkPlanInput, workPlan.WorkPlanState>;
export type ReportSnapshot = Snapshot<reporting.ReportInput, reporting.ReportState>;
export type InspectionSnapshot = Snapshot<inspection.InspectionInput, inspection.InspectionState>;
export type LinkageSnapshot = Snapshot<linkage.LinkageInput, linkage.LinkageState>;
export interface CycleSnapshot {
  input: reporting.CycleInput;
  status: string;
  reportCount: number | null;
  consolidatedReport: string | null;
  waitingFor: WaitingFor[];
}

export interface Activities {
  mirrorWorkPlan(step: Step, snap: WorkPlanSnapshot, notices?: Notice[]): Promise<boolean>;
  mirrorCycle(step: Step, snap: CycleSnapshot, notices?: Notice[]): Promise<boolean>;
  mirrorReport(step: Step, snap: ReportSnapshot, notices?: Notice[]): Promise<boolean>;
  /** Starts one progress-report workflow per task and lead department; returns how many the cycle has. */
  fanOutReports(args: reporting.FanOutArgs): Promise<number>;
  consolidateCycle(period: string): Promise<string>;
  mirrorInspection(step: Step, snap: InspectionSnapshot, notices?: Notice[]): Promise<boolean>;
  mirrorLinkage(step: Step, snap: LinkageSnapshot, notices?: Notice[]): Promise<boolean>;
}
