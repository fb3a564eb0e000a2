// The reporting cycle's fan-out: one progress-report workflow per task and lead department. Runs as one activity that
// starts the workflows in small parallel batches, heartbeating its position so a retry resumes where the last attempt
// stopped. It writes no report row itself: each report's first step does (as every process start, ADR 012), so a row
// never exists without its workflow. An ID already used (the business key, REJECT_DUPLICATE) is skipped, not doubled.
import type { Client } from "@temporalio/client";
import { WorkflowExecutionAlreadyStartedError } from "@temporalio/common";
import type { Db } from "../../utils/db.server";
import { reportWorkflowId } from "../../../workflows/ids";
import type { FanOutArgs, ReportInput } from "../../../workflows/reporting/messages";

export type { FanOutArgs };

const BATCH = 25;

export async function reportInputs(db: Db, a: FanOutArgs): Promise<ReportInput[]> {
  const assignments = await db.taskAssignment.findMany({
    include: {
      task: {
        select: {
          id: true,
          code: true,
          title: true,
          titleEn: true,
          group: { select: { ordinal: true } },
          ordinal: true,
        },
      },
      department: true,
    },
    orderBy: [{ taskId: "asc" }, { ordinal: "asc" }],
  });
  const supporters = new Map<number, ReportInput["supporters"]>();
  for (const x of assignments.filter((x) => x.role === "SUPPORT")) {
    const list = supporters.get(x.taskId) ?? [];
    list.push({
      departmentId: x.departmentId,
      code: x.department.code,
      name: { zh: x.department.name, en: x.department.nameEn },
    });
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
      cycleWorkflowId: a.cycleWorkflowId,
      period: a.period,
      dueDate: a.dueDate,
      leadDays: a.leadDays,
      // Absent for cycles opened before working days (docs/decisions/019): their reports keep calendar days.
      ...(a.calendar ? { calendar: a.calendar, requestedDueDate: a.requestedDueDate } : {}),
      taskId: x.taskId,
      taskCode: x.task.code,
      taskTitle: { zh: x.task.title, en: x.task.titleEn },
      departmentId: x.departmentId,
      departmentCode: x.department.code,
      department: { zh: x.department.name, en: x.department.nameEn },
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
  await db.reportingCycle.update({ where: { workflowId: a.cycleWorkflowId }, data: { reportCount: inputs.length } });

  for (let i = progress.resumeFrom; i < inputs.length; i += BATCH) {
    await Promise.all(
      inputs.slice(i, i + BATCH).map((input) =>
        temporal.client.workflow
          .start("progressReportWorkflow", {
            workflowId: reportWorkflowId(a.period, input.taskCode, input.departmentCode),
            taskQueue: temporal.taskQueue,
            args: [input],
            workflowIdReusePolicy: "REJECT_DUPLICATE",
          })
          .catch((e) => {
            if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
          }),
      ),
    );
    progress.heartbeat(Math.min(i + BATCH, inputs.length));
  }
  return inputs.length;
}
