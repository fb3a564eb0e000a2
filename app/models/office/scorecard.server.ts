// 考评: a department's year in figures, from the facts the workflows mirrored. A report counts in the year of its
// cycle's due date and once that date has passed; a rectification in the year of its deadline, once the deadline has
// passed or the finding is closed.
//   on-time rate     reports whose first submission came by the end of the due day ÷ reports due
//   returns          times the steering group returned a report of the year (ReportVersion.returnedAt)
//   days overdue     days past the due day to the first submission, or to now for a report still not submitted
//   closed in time   findings closed whose accepted rectification was reported by the end of the deadline day
import type { Db } from "../../utils/db.server";
import { startOfShanghaiDay } from "../../utils/time";
import { requireRole, type Viewer } from "../viewer";
import { endOfDueDay } from "./items.server";
import { daysLate } from "./light.server";

export interface ScorecardRow {
  department: { code: string; name: string; nameEn: string };
  reportsDue: number;
  reportsOnTime: number;
  /** reportsOnTime ÷ reportsDue; null when nothing was due. */
  onTimeRate: number | null;
  returns: number;
  daysOverdue: number;
  rectificationsDue: number;
  rectificationsClosedInTime: number;
}

export async function departmentScorecard(db: Db, viewer: Viewer | null, year: number, now: number) {
  requireRole(viewer, "STEERING_GROUP");
  const from = startOfShanghaiDay(`${year}-01-01`);
  const to = startOfShanghaiDay(`${year + 1}-01-01`);
  const [departments, reports, findings] = await Promise.all([
    db.department.findMany({ select: { id: true, code: true, name: true, nameEn: true }, orderBy: { id: "asc" } }),
    db.progressReport.findMany({
      where: { cycle: { dueDate: { gte: from, lt: to } } },
      select: {
        departmentId: true,
        cycle: { select: { dueDate: true } },
        versions: { select: { version: true, submittedAt: true, returnedAt: true }, orderBy: { version: "asc" } },
      },
    }),
    db.inspectionFinding.findMany({
      where: {
        requiresRectification: true,
        deadline: { gte: from, lt: to },
        inspection: { inspectedDepartmentId: { not: null } },
      },
      select: {
        deadline: true,
        status: true,
        reportedAt: true,
        inspection: { select: { inspectedDepartmentId: true } },
      },
    }),
  ]);
  const rows = new Map<number, ScorecardRow>(
    departments.map((d) => [
      d.id,
      {
        department: { code: d.code, name: d.name, nameEn: d.nameEn },
        reportsDue: 0,
        reportsOnTime: 0,
        onTimeRate: null,
        returns: 0,
        daysOverdue: 0,
        rectificationsDue: 0,
        rectificationsClosedInTime: 0,
      },
    ]),
  );
  for (const r of reports) {
    const row = rows.get(r.departmentId);
    const deadline = endOfDueDay(r.cycle.dueDate)!;
    if (!row || deadline.getTime() > now) continue;
    const first = r.versions[0]?.submittedAt ?? null;
    row.reportsDue++;
    if (first && first <= deadline) row.reportsOnTime++;
    row.returns += r.versions.filter((v) => v.returnedAt !== null).length;
    row.daysOverdue += daysLate(deadline, first, now);
  }
  for (const f of findings) {
    const row = rows.get(f.inspection.inspectedDepartmentId!);
    const deadline = endOfDueDay(f.deadline)!;
    if (!row || (deadline.getTime() > now && f.status !== "CLOSED")) continue;
    row.rectificationsDue++;
    if (f.status === "CLOSED" && f.reportedAt && f.reportedAt <= deadline) row.rectificationsClosedInTime++;
  }
  return [...rows.values()].map((r) => ({ ...r, onTimeRate: r.reportsDue ? r.reportsOnTime / r.reportsDue : null }));
}
