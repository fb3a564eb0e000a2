// The work behind a task (milestones, progress reports, inspections) and each task's next deadline, read through the
// API for the task page and the plan at a glance. Server-only: the task page's loader and the plan's loader call it.
import { isOpenStatus } from "../../../workflows/reporting/process";
import { graphql } from "../../utils/graphql";
import { gql } from "../../utils/graphql.server";

const QUERY = /* @__PURE__ */ graphql(`
  query TaskWork {
    workPlans {
      workflowId
      year
      status
      department {
        code
        name
        nameEn
      }
      milestones {
        ordinal
        taskCode @_optional
        what
        dueDate
        status
        overdue
      }
    }
    reportingCycles {
      period
      status
      dueDate
      reports {
        workflowId
        status
        late
        overdue
        submittedAt @_optional
        task {
          code
        }
        department {
          code
          name
          nameEn
        }
      }
    }
    inspections {
      workflowId
      title
      status
      scheduledFor
      taskCodes
      inspectedDepartment @_optional {
        name
        nameEn
      }
      area @_optional {
        name
        nameEn
      }
    }
  }
`);

export type TaskWorkflowItemsData = NonNullable<Awaited<ReturnType<typeof taskWorkflowItems>>>;

/** Null when the reader is not signed in (the API refuses these lists to the public). */
export async function taskWorkflowItems(request: Request, code: string) {
  const r = await gql(request, QUERY);
  if (!r.ok) return null;
  return {
    milestones: r.data.workPlans.flatMap((p) =>
      p.milestones
        .filter((m) => m.taskCode === code)
        .map((m) => ({
          ...m,
          key: `${p.workflowId}#${m.ordinal}`,
          workflowId: p.workflowId,
          year: p.year,
          department: p.department,
        })),
    ),
    reports: r.data.reportingCycles.flatMap((c) =>
      c.reports.filter((x) => x.task.code === code).map((x) => ({ ...x, period: c.period })),
    ),
    inspections: r.data.inspections.filter((i) => i.taskCodes.includes(code)),
  };
}

/** For the plan at a glance: each task's next deadline and how many of its reports and milestones are overdue. */
export async function planDeadlines(
  request: Request,
): Promise<Record<string, { next: string | null; overdue: number }> | null> {
  const r = await gql(request, QUERY);
  if (!r.ok) return null;
  const out: Record<string, { next: string | null; overdue: number }> = {};
  const at = (code: string) => (out[code] ??= { next: null, overdue: 0 });
  const due = (code: string, when: string) => {
    const x = at(code);
    if (!x.next || when < x.next) x.next = when;
  };
  for (const c of r.data.reportingCycles)
    for (const rep of c.reports) {
      if (isOpenStatus(rep.status)) due(rep.task.code, c.dueDate);
      if (rep.overdue && isOpenStatus(rep.status)) at(rep.task.code).overdue++;
    }
  for (const p of r.data.workPlans)
    for (const m of p.milestones)
      if (m.taskCode && m.status !== "DONE") {
        due(m.taskCode, m.dueDate);
        if (m.overdue) at(m.taskCode).overdue++;
      }
  return out;
}
