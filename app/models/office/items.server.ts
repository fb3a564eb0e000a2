// What the office chases and what a department signs for (签收): a progress report to write, an annual work plan to
// draft, a finding's rectification to make. One loader gives each, whatever its process, the same shape: who it is
// addressed to, whether it is still owed, and when it is due.
import type { Db } from "../../utils/db.server";
import { AppError, notFound } from "../../utils/errors";
import type { Bilingual } from "../../../workflows/common/process";
import { processOf } from "../../../workflows/processes";
import * as report from "../../../workflows/reporting/process";
import * as workPlan from "../../../workflows/work-plan/process";
import { findingLabel, type Severity } from "../../../workflows/inspection/state";

export type OfficeItemKind = "REPORT" | "WORK_PLAN" | "RECTIFICATION";

export interface OfficeItem {
  kind: OfficeItemKind;
  workflowId: string;
  /** "" for the workflow itself, "finding:<ordinal>" for one finding's rectification (the key of Chase and Receipt). */
  item: string;
  departmentId: number | null;
  areaId: number | null;
  /** The addressee in words: a department or an area. */
  addressee: Bilingual;
  title: Bilingual;
  /** For one finding of an inspection: its rectification in words ("问题1（严重）的整改"), named in the inspection's log. */
  what: Bilingual | null;
  /** Still owed by its addressee: what a 催报 and a 签收 are about. */
  open: boolean;
  /** The instant the item is late from (the end of its due day), when it has one. */
  deadline: Date | null;
  path: string;
}

const DAY_MS = 86_400_000;
/** Due dates are stored as the start of the due day (Asia/Shanghai): the item is late from the day after. */
export const endOfDueDay = (d: Date | null) => (d ? new Date(d.getTime() + DAY_MS) : null);
export const findingItem = (ordinal: number) => `finding:${ordinal}`;

const NAMES = { select: { name: true, nameEn: true } } as const;
const named = (x: { name: string; nameEn: string } | null): Bilingual =>
  x ? { zh: x.name, en: x.nameEn } : { zh: "", en: "" };

export async function loadOfficeItem(db: Db, workflowId: string, finding?: number | null): Promise<OfficeItem> {
  const kind = processOf(workflowId)?.kind;
  const path = processOf(workflowId)?.path(workflowId) ?? "/workspace";
  if (kind === "REPORT" && finding == null) {
    const r = await db.progressReport.findUnique({
      where: { workflowId },
      include: { cycle: { select: { period: true, dueDate: true } }, task: true, department: NAMES },
    });
    if (r)
      return {
        kind,
        workflowId,
        item: "",
        departmentId: r.departmentId,
        areaId: null,
        addressee: named(r.department),
        title: report.title({
          period: r.cycle.period,
          taskCode: r.task.code,
          taskTitle: { zh: r.task.title, en: r.task.titleEn },
          department: named(r.department),
        }),
        what: null,
        open: r.status === "PENDING" || r.status === "RETURNED",
        deadline: endOfDueDay(r.cycle.dueDate),
        path,
      };
  }
  if (kind === "WORK_PLAN" && finding == null) {
    const p = await db.annualWorkPlan.findUnique({ where: { workflowId }, include: { department: NAMES } });
    if (p)
      return {
        kind,
        workflowId,
        item: "",
        departmentId: p.departmentId,
        areaId: null,
        addressee: named(p.department),
        title: workPlan.title({ year: p.year, department: named(p.department) }),
        what: null,
        open: p.status === "DRAFTING" || p.status === "RETURNED",
        deadline: endOfDueDay(p.dueDate),
        path,
      };
  }
  if (kind === "INSPECTION" && finding != null) {
    const found = (await loadRectifications(db, workflowId, finding))[0];
    if (found) return found;
  }
  throw notFound("待办事项", "Item", finding == null ? workflowId : `${workflowId} ${findingItem(finding)}`);
}

/** A 催报 or 签收 is about something still owed: a submitted, approved or closed item is refused, in words. */
export function requireOpen(item: OfficeItem, zh: string, en: string): void {
  if (!item.open)
    throw new AppError(
      "INVALID_STATE",
      `${item.title.zh}已不在待办中，无需${zh}`,
      `${item.title.en} is no longer owed: nothing to ${en}`,
    );
}

/** An inspection's rectifications still or once owed (one finding's, or all), in one query. */
export async function loadRectifications(db: Db, workflowId: string, finding?: number): Promise<OfficeItem[]> {
  const path = processOf(workflowId)?.path(workflowId) ?? "/workspace";
  const i = await db.inspection.findUnique({
    where: { workflowId },
    include: {
      findings: { where: { requiresRectification: true, ...(finding != null ? { ordinal: finding } : {}) } },
      inspectedDepartment: NAMES,
      area: NAMES,
    },
  });
  if (!i) return [];
  return i.findings
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((f) => {
      const label = findingLabel({ ordinal: f.ordinal, severity: f.severity as Severity });
      return {
        kind: "RECTIFICATION" as const,
        workflowId,
        item: findingItem(f.ordinal),
        departmentId: i.inspectedDepartmentId,
        areaId: i.areaId,
        addressee: named(i.inspectedDepartment ?? i.area),
        title: { zh: `${i.title} · ${label.zh}`, en: `${i.title} · ${label.en}` },
        what: { zh: `${label.zh}的整改`, en: `rectification of ${label.en.toLowerCase()}` },
        open: f.status === "OPEN" || f.status === "REOPENED",
        deadline: endOfDueDay(f.deadline),
        path,
      };
    });
}
