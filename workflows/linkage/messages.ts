// 测管联动: what a monitoring–enforcement linkage case receives.
import { defineUpdate } from "@temporalio/workflow";
import type { Actor } from "../work-plan/messages";

type Bilingual = { zh: string; en: string };

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
  monitoringDepartmentId: number;
  openedBy: number;
}

export type LinkageStatus = "OPEN" | "RESPONDED" | "RESULT_RECORDED" | "CLOSED";

export interface LinkageState {
  status: LinkageStatus;
  openedAt: string;
  responseDeadline: string;
  respondedAt?: string;
  responseNote?: string;
  onSiteAt?: string;
  jointMonitoring?: boolean;
  violationFound?: boolean;
  actionTaken?: string;
  resultRecordedAt?: string;
  closedAt?: string;
  closingSummary?: string;
  escalatedAt?: string;
}

export const respondToCase = defineUpdate<LinkageState, [Actor & { note: string }]>("respondToCase");
export const recordEnforcementResult = defineUpdate<LinkageState, [Actor & { onSiteAt: string; jointMonitoring: boolean; violationFound: boolean; actionTaken: string }]>("recordEnforcementResult");
export const closeCase = defineUpdate<LinkageState, [Actor & { summary: string }]>("closeCase");
