// Every process by the prefix of its workflow IDs (workflows/ids.ts): what the activity log and other generic
// views need to speak of a workflow in people's words without knowing which process it is. Pure.
import type { EventDescriber } from "./common/events";
import * as inspection from "./inspection/process";
import * as linkage from "./linkage/process";
import { describeCycleEvent } from "./reporting/cycle";
import { describeReportEvent } from "./reporting/events";
import * as workPlan from "./work-plan/process";

/** The processes, with what people call them. */
export const PROCESS_KINDS = {
  WORK_PLAN: ["年度工作计划", "Annual work plan"],
  CYCLE: ["报送周期", "Reporting cycle"],
  REPORT: ["推进落实情况报告", "Progress report"],
  INSPECTION: ["专项督导检查", "Supervisory inspection"],
  LINKAGE: ["测管联动", "Linkage case"],
} as const;
export type ProcessKind = keyof typeof PROCESS_KINDS;

export interface ProcessInfo {
  kind: ProcessKind;
  describeEvent: EventDescriber;
  /** The page of one item of this process. */
  path: (workflowId: string) => string;
}

const at = (base: string) => (workflowId: string) => `${base}/${encodeURIComponent(workflowId)}`;

const BY_PREFIX: Record<string, ProcessInfo> = {
  workplan: { kind: "WORK_PLAN", describeEvent: workPlan.describeEvent, path: at("/work-plans") },
  cycle: {
    kind: "CYCLE",
    describeEvent: describeCycleEvent,
    path: (id) => `/reports/cycles/${encodeURIComponent(id.replace(/^cycle-/, ""))}`,
  },
  report: { kind: "REPORT", describeEvent: describeReportEvent, path: at("/reports") },
  inspection: { kind: "INSPECTION", describeEvent: inspection.describeEvent, path: at("/inspections") },
  linkage: { kind: "LINKAGE", describeEvent: linkage.describeEvent, path: at("/linkage") },
};

export function processOf(workflowId: string): ProcessInfo | null {
  return BY_PREFIX[/^([a-z]+)-/.exec(workflowId)?.[1] ?? ""] ?? null;
}
