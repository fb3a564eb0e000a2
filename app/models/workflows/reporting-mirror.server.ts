// The idempotent mirror writes of the reporting cycle and report workflows (one transaction per workflow step), and
// the consolidated report the cycle closes with.
import type { Db } from "../../utils/db.server";
import { recordAuditFor } from "../audit.server";
import { TASK_STATUSES, type TaskStatus } from "../vocabulary";
import type { Step } from "../../../workflows/common/step";
import type { CycleSnapshot, ReportSnapshot } from "../../../workflows/common/activity-types";
import * as p from "../../../workflows/reporting/process";
import { cycleTitle } from "../../../workflows/reporting/cycle";
import { applyStep, date, day, replaceWaiting, type Tx } from "./mirror.server";

export function mirrorCycle(db: Db, step: Step, snap: CycleSnapshot) {
  return applyStep(db, step, async (tx, fresh) => {
    // The workflow's first step creates the cycle; its change-history entry goes with it, in this transaction.
    if (step.kind === "OPEN")
      await recordAuditFor(tx, snap.input.openedBy, {
        entityType: "ReportingCycle",
        entityId: step.workflowId,
        action: "OPEN",
        changes: {
          period: snap.input.period,
          dueDate: snap.input.dueDate,
          ...(snap.input.requestedDueDate ? { requestedDueDate: snap.input.requestedDueDate } : {}),
        },
      });
    const data = {
      status: snap.status,
      version: step.step,
      ...(snap.reportCount != null ? { reportCount: snap.reportCount } : {}),
      ...(snap.consolidatedReport != null
        ? { consolidatedReport: snap.consolidatedReport, closedAt: new Date(step.at) }
        : {}),
    };
    const row = await tx.reportingCycle.findUnique({
      where: { workflowId: step.workflowId },
      select: { id: true, version: true },
    });
    if (row && !fresh(row.version)) return;
    if (row) await tx.reportingCycle.update({ where: { id: row.id }, data });
    else
      await tx.reportingCycle.create({
        data: {
          workflowId: step.workflowId,
          period: snap.input.period,
          dueDate: day(snap.input.dueDate),
          requestedDueDate: snap.input.requestedDueDate ? day(snap.input.requestedDueDate) : null,
          openedAt: new Date(step.at),
          ...data,
        },
      });
    await replaceWaiting(tx, step.workflowId, "CYCLE", cycleTitle(snap.input.period), snap.waitingFor);
  });
}

export function mirrorReport(db: Db, step: Step, { input, state, waitingFor }: ReportSnapshot) {
  return applyStep(db, step, async (tx, fresh) => {
    const data = {
      status: state.status,
      progress: state.progress ?? null,
      taskStatus: state.taskStatus ?? null,
      submittedAt: date(state.submittedAt),
      draftSavedAt: date(state.draftSavedAt),
      late: state.late,
      overdue: state.overdue,
      returnReason: state.returnReason ?? null,
      returnCount: state.returnCount,
      acceptedAt: date(state.acceptedAt),
      remindedAt: date(state.remindedAt),
      escalatedAt: date(state.escalatedAt),
      waitingFor: JSON.stringify(waitingFor),
      state: JSON.stringify(state),
      version: step.step,
    };
    // The report's first step creates its row (the fan-out only starts workflows, so no row is without one).
    const row = await tx.progressReport.findUnique({
      where: { workflowId: step.workflowId },
      select: { id: true, version: true },
    });
    if (row && !fresh(row.version)) return;
    const id = row
      ? (await tx.progressReport.update({ where: { id: row.id }, data, select: { id: true } })).id
      : (
          await tx.progressReport.create({
            data: {
              workflowId: step.workflowId,
              cycle: { connect: { workflowId: input.cycleWorkflowId } },
              task: { connect: { id: input.taskId } },
              department: { connect: { id: input.departmentId } },
              ...data,
            },
            select: { id: true },
          })
        ).id;
    await replaceWaiting(tx, step.workflowId, "REPORT", p.title(state), waitingFor);
    // Nothing more to write until the first contribution or submission (most steps, and every fan-out start).
    if (state.contributions.length) await writeContributions(tx, id, state.contributions);
    for (const v of state.versions) await writeVersion(tx, id, state, v);
  });
}

async function writeContributions(tx: Tx, reportId: number, contributions: p.Contribution[]) {
  await tx.reportContribution.deleteMany({ where: { reportId } });
  await tx.reportContribution.createMany({
    data: contributions.map((c) => ({ reportId, departmentId: c.departmentId, text: c.text, at: new Date(c.at) })),
  });
}

/** Every submitted version, with the contributions as they stood at its submission (named, for reading later). */
async function writeVersion(tx: Tx, reportId: number, state: p.ReportState, v: p.ReportVersion) {
  const contributions = v.contributions.map((c) => ({
    ...c,
    department: state.supporters.find((x) => x.departmentId === c.departmentId)?.name ?? null,
  }));
  const data = {
    progress: v.progress,
    taskStatus: v.taskStatus,
    submittedAt: new Date(v.submittedAt),
    submittedById: v.submittedById,
    late: v.late,
    contributions: JSON.stringify(contributions),
    returnedAt: date(v.returnedAt),
    returnReason: v.returnReason ?? null,
    acceptedAt: date(v.acceptedAt),
  };
  await tx.reportVersion.upsert({
    where: { reportId_version: { reportId, version: v.version } },
    create: { reportId, version: v.version, ...data },
    update: data,
  });
}

const statusWords = (status: string | null) => {
  const pair = TASK_STATUSES[status as TaskStatus];
  return pair ? `${pair[0]} ${pair[1]}` : "—";
};

/** The consolidated report of a cycle: every task's progress as its lead departments reported it. */
export async function consolidateCycle(db: Db, period: string): Promise<string> {
  const reports = await db.progressReport.findMany({
    where: { cycle: { period } },
    include: {
      task: { select: { code: true, title: true } },
      department: { select: { name: true } },
      contributions: { include: { department: { select: { name: true } } } },
    },
    orderBy: [{ task: { code: "asc" } }, { departmentId: "asc" }],
  });
  return reports
    .map((r) => {
      const flags = [
        r.late ? "逾期报送 late" : null,
        r.returnCount ? `退回${r.returnCount}次 returned ×${r.returnCount}` : null,
      ]
        .filter(Boolean)
        .join("，");
      const input = r.contributions.map((c) => `    配合 ${c.department.name}：${c.text}`).join("\n");
      return `${r.task.code} ${r.task.title}（${r.department.name}，${statusWords(r.taskStatus)}${flags ? `，${flags}` : ""}）\n  ${r.progress ?? "未报送 not reported"}${input ? `\n${input}` : ""}`;
    })
    .join("\n");
}
