// The four ways a person starts a process, as GraphQL operations with a business key each, for the tests that start
// them with Temporal down or kill the app in the middle. `variant` picks a distinct key (department, period, area,
// alert) so one test can start the same kind of process more than once.
import type { Db } from "../../../app/utils/db.server";

const DAY = 24 * 3600_000;
/** A YYYY-MM-DD day in Asia/Shanghai, `days` after today. */
export const shanghaiDay = (days = 0) => new Date(Date.now() + days * DAY + 8 * 3600_000).toISOString().slice(0, 10);
/** The monthly reporting period `back` months before this one, e.g. 2026M10: it has ended, so it can be reported on. */
const monthBefore = (back: number) => {
  const [y, m] = shanghaiDay().split("-").map(Number);
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}M${String((index % 12) + 1).padStart(2, "0")}`;
};

export interface ProcessStart {
  name: string;
  entityType: string;
  workflowId: string;
  as: string;
  query: string;
  variables: Record<string, unknown>;
  /** Rows of the process's own table with this business key. */
  rows: (db: Db) => Promise<number>;
}

export function processStarts(variant: number, alertId: number): ProcessStart[] {
  const year = Number(shanghaiDay().slice(0, 4)) + 1;
  const dept = ["epb", "water", "land"][variant];
  const period = monthBefore(variant + 1);
  const area = ["230621", "230622", "230623"][variant];
  const date = shanghaiDay(10);
  const SG = "steering@daqing.example";
  return [
    {
      name: "work plan",
      entityType: "AnnualWorkPlan",
      workflowId: `workplan-${year}-${dept}`,
      as: SG,
      query: `mutation($dept: String!, $y: Int!, $d: String!) { openWorkPlan(departmentCode: $dept, year: $y, dueDate: $d) { workflowId } }`,
      variables: { dept, y: year, d: shanghaiDay(14) },
      rows: (db) => db.annualWorkPlan.count({ where: { workflowId: `workplan-${year}-${dept}` } }),
    },
    {
      name: "reporting cycle",
      entityType: "ReportingCycle",
      workflowId: `cycle-${period}`,
      as: SG,
      query: `mutation($p: String!, $d: String!) { openReportingCycle(period: $p, dueDate: $d) { workflowId } }`,
      variables: { p: period, d: shanghaiDay(10) },
      rows: (db) => db.reportingCycle.count({ where: { period } }),
    },
    {
      name: "inspection",
      entityType: "Inspection",
      workflowId: `inspection-${date}-${area}`,
      as: "inspector@daqing.example",
      query: `mutation($a: String!, $d: String!) { scheduleInspection(title: "空气自动站建设专项督导", areaCode: $a, taskCodes: ["1.1"], date: $d) { workflowId } }`,
      variables: { a: area, d: date },
      rows: (db) => db.inspection.count({ where: { workflowId: `inspection-${date}-${area}` } }),
    },
    {
      name: "linkage case",
      entityType: "LinkageCase",
      workflowId: `linkage-alert-${alertId}`,
      as: SG,
      query: `mutation($id: Int!) { openLinkageCase(alertId: $id) { workflowId } }`,
      variables: { id: alertId },
      rows: (db) => db.linkageCase.count({ where: { alertId } }),
    },
  ];
}

/** Audit events about one process (its business key is the entity ID). */
export const auditEvents = (db: Db, s: ProcessStart) =>
  db.auditEvent.count({ where: { entityType: s.entityType, entityId: s.workflowId } });
