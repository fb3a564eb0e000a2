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
  OVERDUE: "bad",
  COMPLETED: "info",
};

/** Response-time buckets of the linkage summary. Not in a .server module: the dashboard renders them in the browser
 *  too (client-side navigation), and its chart and the CSV export use the same words. */
export const RESPONSE_BUCKET_LABELS: Record<string, [string, string]> = {
  H2: ["≤2小时", "≤2 h"],
  H12: ["2–12小时", "2–12 h"],
  H24: ["12–24小时", "12–24 h"],
  H48: ["24–48小时", "24–48 h"],
  OVER48: [">48小时", ">48 h"],
  NONE: ["尚未响应", "Not answered"],
};

export const ALERT_STATUS_TONE: Record<string, Tone> = { OPEN: "bad", IN_LINKAGE: "warn", CLOSED: "good" };
export const STATION_STATUS_TONE: Record<string, Tone> = {
  ACTIVE: "good",
  PLANNED: "info",
  SUSPENDED: "warn",
  RETIRED: "neutral",
};

/** A date-time shown as a day in Asia/Shanghai. */
export function shanghaiDate(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

export function shanghaiDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
}
