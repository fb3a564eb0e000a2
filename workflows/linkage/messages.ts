// 测管联动: what a monitoring–enforcement linkage case workflow receives. The rules are in ./process.ts.
import { defineUpdate } from "@temporalio/workflow";
import type { Actor, Bilingual } from "../common/process";
import type { LinkageState, ResultInput } from "./process";

export interface LinkageInput {
  alertId: number;
  stationCode: string;
  station: string;
  areaId: number;
  area: Bilingual;
  kind: Bilingual;
  occurredAt: string;
  responseHours: number;
  /** How much monitoring is intensified in the area while the case is open. */
  frequencyFactor: number;
  spotCheckRatio: number;
  /** The enforcement side (市环保局) and the monitoring side (市环境监测中心站). */
  enforcementDepartmentId: number;
  enforcementDepartmentCode: string;
  enforcementDepartment: Bilingual;
  monitoringDepartmentId: number;
  openedBy: number;
}

export type { LinkageState };

export const respondToCase = defineUpdate<LinkageState, [{ actor: Actor; note: string }]>("respondToCase");
export const recordEnforcementResult = defineUpdate<LinkageState, [{ actor: Actor } & ResultInput]>(
  "recordEnforcementResult",
);
export const closeCase = defineUpdate<LinkageState, [{ actor: Actor; summary: string }]>("closeCase");
