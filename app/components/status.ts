// Status vocabularies of the pages, each with its traffic-light tone and [zh, en] label.
import type { Tone } from "./ui";

export const COVERAGE_STATUS: Record<string, { tone: Tone; label: [string, string] }> = {
  MET: { tone: "good", label: ["已达标", "Met"] },
  AT_RISK: { tone: "warn", label: ["有风险（站点规划中）", "At risk (stations planned)"] },
  NOT_MET: { tone: "bad", label: ["未达标", "Not met"] },
  NOT_REQUIRED: { tone: "neutral", label: ["无目标要求", "No target"] },
};

export const PROGRESS_STATUS: Record<string, { tone: Tone; label: [string, string] }> = {
  MET: { tone: "good", label: ["已达成", "Met"] },
  ON_TRACK: { tone: "info", label: ["推进中", "On track"] },
  AT_RISK: { tone: "warn", label: ["有风险", "At risk"] },
  NOT_MET: { tone: "bad", label: ["逾期未达成", "Past due, not met"] },
};

export const TASK_STATUS_TONE: Record<string, Tone> = {
  NOT_STARTED: "neutral",
  ON_TRACK: "good",
  AT_RISK: "warn",
  DELAYED: "bad",
  COMPLETED: "info",
};

export const ALERT_STATUS_TONE: Record<string, Tone> = { OPEN: "bad", IN_LINKAGE: "warn", CLOSED: "good" };
export const STATION_STATUS_TONE: Record<string, Tone> = { ACTIVE: "good", PLANNED: "info", SUSPENDED: "warn", RETIRED: "neutral" };

/** A date-time shown as a day in Asia/Shanghai. */
export function shanghaiDate(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

export function shanghaiDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}
