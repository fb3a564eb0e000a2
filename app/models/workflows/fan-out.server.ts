// The reporting cycle's fan-out: one progress-report workflow per task and lead department. Runs as one activity
// that creates the report rows, then starts the workflows in small parallel batches, heartbeating its position so
// a retry resumes where the last attempt stopped; an ID already started (the business key) is skipped, not doubled.
import type { Client } from "@temporalio/client";
import { WorkflowExecutionAlreadyStartedError } from "@temporalio/common";
import type { Db } from "../../utils/db.server";
import { reportWorkflowId } from "../../../workflows/ids";
import type { ReportInput } from "../../../workflows/reporting/messages";
import { day } from "./mirror.server";

export interface FanOutArgs {
  cycleWorkflowId: string;
  period: string;
  dueDate: string;
  leadDays: number;
}

const BATCH = 25;

export async function reportInputs(db: Db, a: FanOutArgs): Promise<ReportInput[]> {
  const assignments = await db.taskAssignment.findMany({
    include: { task: { select: { id: true, code: true, title: true, titleEn: true, group: { select: { ordinal: true } }, ordinal: true } }, department: true },
    orderBy: [{ taskId: "asc" }, { ordinal: "asc" }],
  });
  const supporters = new Map<number, ReportInput["supporters"]>();
  for (const x of assignments.filter((x) => x.role === "SUPPORT")) {
    const list = supporters.get(x.taskId) ?? [];
    list.push({ departmentId: x.departmentId, code: x.department.code, name: { zh: x.department.name, en: x.department.nameEn } });
    supporters.set(x.taskId, list);
  }
  const seen = new Set<string>();
  const inputs: ReportInput[] = [];
  for (const x of assignments.filter((x) => x.role === "LEAD")) {
    // A department that leads two parts of one task (scopes) writes one report on it.
    const k = `${x.taskId}:${x.departmentId}`;
    if (seen.has(k)) continue;
    seen.add(k);
    inputs.push({
      cycleWorkflowId: a.cycleWorkflowId, period: a.period, dueDate: a.dueDate, leadDays: a.leadDays,
      taskId: x.taskId, taskCode: x.task.code, taskTitle: { zh: x.task.title, en: x.task.titleEn },
      departmentId: x.departmentId, departmentCode: x.department.code, department: { zh: x.department.name, en: x.department.nameEn },
      supporters: supporters.get(x.taskId) ?? [],
    });
  }
  return inputs;
}

export async function fanOutReports(
  db: Db,
  temporal: { client: Client; taskQueue: string },
  a: FanOutArgs,
  progress: { resumeFrom: number; heartbeat: (next: number) => void },
): Promise<number> {
  const inputs = await reportInputs(db, a);
  const cycle = await db.reportingCycle.findUniqueOrThrow({ where: { workflowId: a.cycleWorkflowId } });
  const existing = new Set((await db.progressReport.findMany({ where: { cycleId: cycle.id }, select: { workflowId: true } })).map((r) => r.workflowId));
  const rows = inputs
    .map((i) => ({ workflowId: reportWorkflowId(a.period, i.taskCode, i.departmentCode), cycleId: cycle.id, taskId: i.taskId, departmentId: i.departmentId }))
    .filter((r) => !existing.has(r.workflowId));
  for (let i = 0; i < rows.length; i += 500) await db.progressReport.createMany({ data: rows.slice(i, i + 500) });
  await db.reportingCycle.update({ where: { id: cycle.id }, data: { reportCount: inputs.length, dueDate: day(a.dueDate) } });

  for (let i = progress.resumeFrom; i < inputs.length; i += BATCH) {
    await Promise.all(
      inputs.slice(i, i + BATCH).map((input) =>
        temporal.client.workflow
          .start("progressReportWorkflow", { workflowId: reportWorkflowId(a.period, input.taskCode, input.departmentCode), taskQueue: temporal.taskQueue, args: [input] })
          .catch((e) => {
            if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
          }),
      ),
    );
    progress.heartbeat(Math.min(i + BATCH, inputs.length));
  }
  return inputs.length;
}
