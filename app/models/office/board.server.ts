// The chase board (督办看板): for a reporting cycle its reports (departments × tasks), for a year the departments' work
// plans, and the findings awaiting rectification; each with its state in words, days late, its light, whether the
// department has signed for it, and the last reminder and 催报. The steering group reads every row; a department
// member only its own department's.
import type { Db } from "../../utils/db.server";
import { forbidden } from "../../utils/errors";
import type { Bilingual } from "../../../workflows/common/process";
import { REPORT_STATUSES } from "../../../workflows/reporting/process";
import { WORK_PLAN_STATUSES } from "../../../workflows/work-plan/process";
import { FINDING_STATUSES, findingLabel, type Severity } from "../../../workflows/inspection/state";
import { requireViewer, type Viewer } from "../viewer";
import { endOfDueDay, findingItem } from "./items.server";
import { daysLate, deadlineLight, type DeadlineLight } from "./light.server";

export interface BoardRow {
  workflowId: string;
  finding: number | null;
  department: Bilingual;
  subject: Bilingual;
  state: Bilingual;
  /** Still owed by the department: what may be chased. */
  open: boolean;
  deadline: Date | null;
  daysLate: number;
  light: DeadlineLight | null;
  signedAt: Date | null;
  /** The workflow's own last reminder e-mail (reports only). */
  remindedAt: Date | null;
  lastChasedAt: Date | null;
  chaseCount: number;
}

type Vocab = Record<string, readonly [string, string]>;
const words = (vocab: Vocab, code: string): Bilingual => ({ zh: vocab[code]?.[0] ?? "", en: vocab[code]?.[1] ?? "" });
const named = (x: { name: string; nameEn: string } | null): Bilingual =>
  x ? { zh: x.name, en: x.nameEn } : { zh: "", en: "" };

/** The department a viewer reads the board for: null for the steering group (all); refused to everyone else. */
function scopeOf(viewer: Viewer | null): { departmentId: number } | null {
  const v = requireViewer(viewer);
  if (v.role === "STEERING_GROUP") return null;
  if (v.role === "DEPARTMENT_MEMBER" && v.departmentId !== null) return { departmentId: v.departmentId };
  throw forbidden("督办看板仅供专项小组和各部门查看", "The chase board is for the steering group and the departments");
}

/** Receipts and chases of the rows' items, in two reads. */
async function officeFacts(db: Db, workflowIds: string[]) {
  const [receipts, chases] = await Promise.all([
    db.receipt.findMany({ where: { workflowId: { in: workflowIds } } }),
    db.chase.findMany({ where: { workflowId: { in: workflowIds } }, orderBy: { at: "asc" } }),
  ]);
  const key = (workflowId: string, item: string) => `${workflowId}|${item}`;
  const signed = new Map(receipts.map((r) => [key(r.workflowId, r.item), r.signedAt]));
  const chased = new Map<string, { last: Date; count: number }>();
  for (const c of chases) {
    const k = key(c.workflowId, c.item);
    chased.set(k, { last: c.at, count: (chased.get(k)?.count ?? 0) + 1 });
  }
  return (workflowId: string, item = "") => ({
    signedAt: signed.get(key(workflowId, item)) ?? null,
    lastChasedAt: chased.get(key(workflowId, item))?.last ?? null,
    chaseCount: chased.get(key(workflowId, item))?.count ?? 0,
  });
}

const byDepartmentThenSubject = (a: BoardRow, b: BoardRow) =>
  a.department.zh.localeCompare(b.department.zh, "zh") ||
  a.subject.zh.localeCompare(b.subject.zh, "zh", { numeric: true });

export async function cycleBoard(db: Db, viewer: Viewer | null, period: string, now: number): Promise<BoardRow[]> {
  const scope = scopeOf(viewer);
  const reports = await db.progressReport.findMany({
    where: { cycle: { period }, ...(scope ?? {}) },
    include: {
      cycle: { select: { dueDate: true } },
      task: true,
      department: true,
      // Lateness is the first submission's: a resubmission after a return does not make a report later.
      versions: { select: { submittedAt: true }, orderBy: { version: "asc" }, take: 1 },
    },
  });
  const facts = await officeFacts(
    db,
    reports.map((r) => r.workflowId),
  );
  return reports
    .map((r): BoardRow => {
      const deadline = endOfDueDay(r.cycle.dueDate);
      const open = r.status === "PENDING" || r.status === "RETURNED";
      return {
        workflowId: r.workflowId,
        finding: null,
        department: named(r.department),
        subject: { zh: `${r.task.code} ${r.task.title}`, en: `${r.task.code} ${r.task.titleEn}` },
        state: words(REPORT_STATUSES, r.status),
        open,
        deadline,
        daysLate: daysLate(deadline, open ? null : (r.versions[0]?.submittedAt ?? r.submittedAt), now),
        light: deadlineLight(deadline, open, now),
        remindedAt: r.remindedAt,
        ...facts(r.workflowId),
      };
    })
    .sort(byDepartmentThenSubject);
}

export async function workPlanBoard(db: Db, viewer: Viewer | null, year: number, now: number): Promise<BoardRow[]> {
  const scope = scopeOf(viewer);
  const plans = await db.annualWorkPlan.findMany({ where: { year, ...(scope ?? {}) }, include: { department: true } });
  const facts = await officeFacts(
    db,
    plans.map((p) => p.workflowId),
  );
  return plans
    .map((p): BoardRow => {
      const deadline = endOfDueDay(p.dueDate);
      const open = p.status === "DRAFTING" || p.status === "RETURNED";
      return {
        workflowId: p.workflowId,
        finding: null,
        department: named(p.department),
        subject: { zh: `${year}年度工作计划`, en: `${year} annual work plan` },
        state: words(WORK_PLAN_STATUSES, p.status),
        open,
        deadline,
        daysLate: daysLate(deadline, open ? null : p.submittedAt, now),
        light: deadlineLight(deadline, open, now),
        remindedAt: null,
        ...facts(p.workflowId),
      };
    })
    .sort(byDepartmentThenSubject);
}

/** Findings whose rectification is still owed (open or reopened), whoever inspected them. */
export async function rectificationBoard(db: Db, viewer: Viewer | null, now: number): Promise<BoardRow[]> {
  const scope = scopeOf(viewer);
  const findings = await db.inspectionFinding.findMany({
    where: {
      requiresRectification: true,
      status: { in: ["OPEN", "REOPENED"] },
      inspection: scope ? { inspectedDepartmentId: scope.departmentId } : {},
    },
    include: { inspection: { include: { inspectedDepartment: true, area: true } } },
  });
  const facts = await officeFacts(db, [...new Set(findings.map((f) => f.inspection.workflowId))]);
  return findings
    .map((f): BoardRow => {
      const deadline = endOfDueDay(f.deadline);
      const label = findingLabel({ ordinal: f.ordinal, severity: f.severity as Severity });
      return {
        workflowId: f.inspection.workflowId,
        finding: f.ordinal,
        department: named(f.inspection.inspectedDepartment ?? f.inspection.area),
        subject: {
          zh: `${f.inspection.title} · ${label.zh}：${f.description}`,
          en: `${f.inspection.title} · ${label.en}: ${f.description}`,
        },
        state: words(FINDING_STATUSES, f.status),
        open: true,
        deadline,
        daysLate: daysLate(deadline, null, now),
        light: deadlineLight(deadline, true, now),
        remindedAt: null,
        ...facts(f.inspection.workflowId, findingItem(f.ordinal)),
      };
    })
    .sort(byDepartmentThenSubject);
}
