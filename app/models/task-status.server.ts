// A task's status derived from its facts (docs/decisions/014-task-status-from-facts.md). Every fact that speaks
// against the task is a reason carrying the status it implies; the task's status is the most severe of them:
//   逾期 OVERDUE    a dated target of the task is past its date and not met (target progress NOT_MET);
//   滞后 DELAYED    a progress report of the task is overdue (escalated, not submitted since), a milestone of an approved
//                  work plan naming the task is overdue and open, or a rectification of a finding of an inspection
//                  covering the task is overdue and not reported;
//   存在风险 AT_RISK a target of the task is at risk (target progress AT_RISK), or a report of the task is returned.
// With no such fact: 已完成 COMPLETED when the task has targets, all met, none of them a continuing duty (RECURRING,
// LINKAGE) that starts again each year; 未启动 NOT_STARTED when nothing has happened yet (no target progress, no
// submitted report, no completed milestone); 正常推进 ON_TRACK otherwise. The steering group's override, when
// recorded, is the task's status; the derived one and its reasons are always shown beside it.
// Reasons name the unit, period and dates, never the text of a report, finding or milestone: the public reads them
// (README: who reads what), while those records stay with the roles that may read them.
import type { Db } from "../utils/db.server";
import { shanghaiDay } from "../utils/time";
import { periodLabel } from "../../workflows/reporting/period";
import { targetProgress, type TargetProgress } from "./target.server";
import type { TaskStatus } from "./vocabulary";

export interface StatusReason {
  /** The status this fact implies */
  status: TaskStatus;
  zh: string;
  en: string;
}

export interface TaskStatusOverride {
  status: TaskStatus;
  reason: string;
  at: Date;
  byId: number | null;
}

export interface TaskStatusView {
  /** The override when one is recorded, else the derived status */
  status: TaskStatus;
  derivedStatus: TaskStatus;
  reasons: StatusReason[];
  override: TaskStatusOverride | null;
}

/** Most severe first: the derived status is the first of these any reason implies. */
const SEVERITY: TaskStatus[] = ["OVERDUE", "DELAYED", "AT_RISK"];
const CONTINUING = ["RECURRING", "LINKAGE"];

/**
 * The status of every task, keyed by task ID, in a fixed number of queries whatever the number of tasks, reports,
 * milestones or findings. `progress` is every target's live progress when the caller has it already.
 */
export async function deriveTaskStatuses(
  db: Db,
  { now = new Date(), progress }: { now?: Date; progress?: Map<number, TargetProgress> } = {},
): Promise<Map<number, TaskStatusView>> {
  const [tasks, targets, reports, submitted, milestones, findings] = await Promise.all([
    db.task.findMany({
      select: {
        id: true,
        code: true,
        statusOverride: true,
        statusOverrideReason: true,
        statusOverriddenAt: true,
        statusOverriddenById: true,
      },
    }),
    db.target.findMany({ where: { taskId: { not: null } } }),
    db.progressReport.findMany({
      where: { OR: [{ status: "RETURNED" }, { status: "PENDING", overdue: true }] },
      select: {
        taskId: true,
        status: true,
        overdue: true,
        cycle: { select: { period: true, dueDate: true } },
        department: { select: { name: true, nameEn: true } },
      },
    }),
    db.progressReport.groupBy({ by: ["taskId"], where: { submittedAt: { not: null } } }),
    db.planMilestone.findMany({
      where: { taskCode: { not: null }, OR: [{ status: "DONE" }, { status: "OPEN", overdue: true }] },
      select: {
        taskCode: true,
        ordinal: true,
        dueDate: true,
        status: true,
        plan: { select: { year: true, department: { select: { name: true, nameEn: true } } } },
      },
    }),
    db.inspectionFinding.findMany({
      where: { overdue: true, status: { in: ["OPEN", "REOPENED"] } },
      select: {
        ordinal: true,
        deadline: true,
        inspection: {
          select: {
            taskCodes: true,
            scheduledFor: true,
            inspectedDepartment: { select: { name: true, nameEn: true } },
            area: { select: { name: true, nameEn: true } },
          },
        },
      },
    }),
  ]);
  const live = progress ?? (await targetProgress(db, targets, now));

  const idOf = new Map(tasks.map((t) => [t.code, t.id]));
  const reasons = new Map<number, StatusReason[]>(tasks.map((t) => [t.id, []]));
  const started = new Set<number>(submitted.map((r) => r.taskId));
  const add = (taskId: number | null | undefined, r: StatusReason) => taskId != null && reasons.get(taskId)?.push(r);

  const targetsOf = new Map<number, typeof targets>();
  for (const t of targets) {
    const p = live.get(t.id);
    targetsOf.set(t.taskId!, (targetsOf.get(t.taskId!) ?? []).concat(t));
    if (!p) continue;
    if (p.value > 0) started.add(t.taskId!);
    const due = t.dueDate ? shanghaiDay(t.dueDate) : null;
    if (p.status === "NOT_MET")
      add(t.taskId, {
        status: "OVERDUE",
        zh: `目标“${t.title}”期限${due ?? ""}，逾期未达成（${p.summaryZh}）`,
        en: `Target “${t.titleEn}” was due ${due ?? ""} and is not met (${p.summaryEn})`,
      });
    else if (p.status === "AT_RISK")
      add(t.taskId, {
        status: "AT_RISK",
        zh: `目标“${t.title}”存在风险（${p.summaryZh}）`,
        en: `Target “${t.titleEn}” is at risk (${p.summaryEn})`,
      });
  }

  for (const r of reports) {
    const { zh: pz, en: pe } = periodLabel(r.cycle.period);
    const who = r.department;
    const due = shanghaiDay(r.cycle.dueDate);
    if (r.overdue)
      add(r.taskId, {
        status: "DELAYED",
        zh: `${pz}${who.name}的推进落实情况报告逾期未${r.status === "RETURNED" ? "重新" : ""}报送（截止${due}，已升级）`,
        en: `${who.nameEn}'s progress report for ${pe} is overdue${r.status === "RETURNED" ? " after it was returned" : ""} (due ${due}, escalated)`,
      });
    else
      add(r.taskId, {
        status: "AT_RISK",
        zh: `${pz}${who.name}的推进落实情况报告被退回，待重新报送`,
        en: `${who.nameEn}'s progress report for ${pe} was returned and awaits resubmission`,
      });
  }

  for (const m of milestones) {
    const taskId = idOf.get(m.taskCode!);
    if (m.status === "DONE") {
      if (taskId != null) started.add(taskId);
      continue;
    }
    const who = m.plan.department;
    add(taskId, {
      status: "DELAYED",
      zh: `${who.name}${m.plan.year}年度工作计划节点${m.ordinal}（${shanghaiDay(m.dueDate)}）逾期未完成`,
      en: `Milestone ${m.ordinal} of ${who.nameEn}'s ${m.plan.year} work plan (due ${shanghaiDay(m.dueDate)}) was missed`,
    });
  }

  for (const f of findings) {
    const i = f.inspection;
    const unit = i.inspectedDepartment ?? i.area;
    const deadline = f.deadline ? shanghaiDay(f.deadline) : "";
    for (const code of i.taskCodes.split(",").filter(Boolean))
      add(idOf.get(code), {
        status: "DELAYED",
        zh: `${shanghaiDay(i.scheduledFor)}专项督导检查（${unit?.name ?? ""}）问题${f.ordinal}整改逾期（期限${deadline}）`,
        en: `Rectification of finding ${f.ordinal} of the ${shanghaiDay(i.scheduledFor)} inspection (${unit?.nameEn ?? ""}) is overdue (due ${deadline})`,
      });
  }

  const out = new Map<number, TaskStatusView>();
  for (const task of tasks) {
    const found = reasons.get(task.id)!;
    found.sort((a, b) => SEVERITY.indexOf(a.status) - SEVERITY.indexOf(b.status));
    const own = targetsOf.get(task.id) ?? [];
    let derived: TaskStatus;
    let list = found;
    if (found.length) derived = found[0].status;
    else if (own.length && own.every((t) => live.get(t.id)?.status === "MET" && !CONTINUING.includes(t.measure))) {
      derived = "COMPLETED";
      list = [{ status: derived, zh: `全部${own.length}项目标已达成`, en: `All ${own.length} target(s) met` }];
    } else if (!started.has(task.id)) {
      derived = "NOT_STARTED";
      list = [
        {
          status: derived,
          zh: "尚无目标进展、已报送的推进落实情况报告或已完成的工作计划节点",
          en: "No target progress, submitted progress report or completed work-plan milestone yet",
        },
      ];
    } else {
      derived = "ON_TRACK";
      list = [
        {
          status: derived,
          zh: "无逾期目标、逾期报告、逾期节点或逾期整改，目标均无风险",
          en: "No overdue target, report, milestone or rectification, and no target at risk",
        },
      ];
    }
    const override: TaskStatusOverride | null = task.statusOverride
      ? {
          status: task.statusOverride as TaskStatus,
          reason: task.statusOverrideReason ?? "",
          at: task.statusOverriddenAt ?? now,
          byId: task.statusOverriddenById,
        }
      : null;
    out.set(task.id, { status: override?.status ?? derived, derivedStatus: derived, reasons: list, override });
  }
  return out;
}
