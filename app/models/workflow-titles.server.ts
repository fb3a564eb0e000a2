// Any workflow named the way its page names it (the title functions of workflows/<process>/), for the views that list
// items of every process by workflow ID: the outbox, and whatever else must never show the ID itself. One query per
// process, whatever the number of IDs.
import type { Db } from "../utils/db.server";
import { shanghaiDay } from "../utils/time";
import { label, type Bilingual } from "../../workflows/common/process";
import * as inspection from "../../workflows/inspection/state";
import * as linkage from "../../workflows/linkage/process";
import { processOf, PROCESS_KINDS, type ProcessKind } from "../../workflows/processes";
import { cycleTitle } from "../../workflows/reporting/cycle";
import * as reporting from "../../workflows/reporting/process";
import * as workPlan from "../../workflows/work-plan/process";
import { ALERT_KINDS, type AlertKind } from "./vocabulary";

const NAMES = { select: { name: true, nameEn: true } } as const;
const bilingual = (n: { name: string; nameEn: string } | null): Bilingual => ({
  zh: n?.name ?? "",
  en: n?.nameEn ?? "",
});

/** Each process's titles for the IDs given (IDs it does not know are left out). */
const TITLES: Record<ProcessKind, (db: Db, ids: string[]) => Promise<[string, Bilingual][]>> = {
  WORK_PLAN: async (db, ids) =>
    (await db.annualWorkPlan.findMany({ where: { workflowId: { in: ids } }, include: { department: NAMES } })).map(
      (p) => [p.workflowId, workPlan.title({ year: p.year, department: bilingual(p.department) })],
    ),
  CYCLE: async (db, ids) =>
    (
      await db.reportingCycle.findMany({
        where: { workflowId: { in: ids } },
        select: { workflowId: true, period: true },
      })
    ).map((c) => [c.workflowId, cycleTitle(c.period)]),
  REPORT: async (db, ids) =>
    (
      await db.progressReport.findMany({
        where: { workflowId: { in: ids } },
        include: { cycle: { select: { period: true } }, task: true, department: NAMES },
      })
    ).map((r) => [
      r.workflowId,
      reporting.title({
        period: r.cycle.period,
        taskCode: r.task.code,
        taskTitle: { zh: r.task.title, en: r.task.titleEn },
        department: bilingual(r.department),
      }),
    ]),
  INSPECTION: async (db, ids) =>
    (
      await db.inspection.findMany({
        where: { workflowId: { in: ids } },
        include: { inspectedDepartment: NAMES, area: NAMES },
      })
    ).map((i) => [
      i.workflowId,
      inspection.title({
        date: shanghaiDay(i.scheduledFor),
        unit: { name: bilingual(i.inspectedDepartment ?? i.area) },
      }),
    ]),
  // From the case's columns, not its mirrored state: a case mirrored before its state column has the same title.
  LINKAGE: async (db, ids) =>
    (
      await db.linkageCase.findMany({
        where: { workflowId: { in: ids } },
        include: { area: NAMES, alert: { select: { kind: true, occurredAt: true } } },
      })
    ).map((c) => [
      c.workflowId,
      linkage.title({
        area: bilingual(c.area),
        kind: label(ALERT_KINDS, c.alert.kind as AlertKind),
        occurredAt: c.alert.occurredAt.toISOString(),
      }),
    ]),
};

/**
 * The title of each workflow ID; one whose record is gone (or was never written) is named by its process only
 * (“推进落实情况报告” / “Progress report”), never by its ID.
 */
export async function workflowTitles(db: Db, workflowIds: string[]): Promise<Map<string, Bilingual>> {
  const byKind = new Map<ProcessKind, string[]>();
  for (const id of new Set(workflowIds)) {
    const kind = processOf(id)?.kind;
    if (kind) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  }
  const found = new Map((await Promise.all([...byKind].map(([kind, ids]) => TITLES[kind](db, ids)))).flat());
  return new Map(
    workflowIds.map((id) => {
      const kind = processOf(id)?.kind;
      const [zh, en] = kind ? PROCESS_KINDS[kind] : ["其他事项", "Other"];
      return [id, found.get(id) ?? { zh, en }];
    }),
  );
}
