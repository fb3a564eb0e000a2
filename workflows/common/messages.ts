// Messages every workflow answers. Wire names are the constants' names.
import { defineQuery } from "@temporalio/workflow";

/** One thing a workflow is waiting for: who must act, what, and by when (ISO time, absent when open-ended). */
export interface WaitingFor {
  what: string;
  zh: string;
  en: string;
  /** Who must act, as a party key (workflows/common/process.ts partyKey): dept:epb, area:230621, role:STEERING_GROUP */
  who: string;
  deadline?: string;
}

export const getWaitingFor = defineQuery<WaitingFor[]>("getWaitingFor");
