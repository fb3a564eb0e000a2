// The calendar's work-plan drafting deadlines (AnnualWorkPlan.dueDate: the day a department's 年度工作计划 is due for
// review). A department sees its own plan's; the steering group one entry per year and due day (as it sees one
// deadline per reporting cycle rather than every report), linking to the year's chase board. A deadline is met once
// the plan has been submitted (and not returned since).
import type { Db } from "../utils/db.server";
import { shanghaiDay } from "../utils/time";
import type { CalendarEntry } from "./calendar.server";
import { within } from "./calendar-inspections.server";
import { workPlanWhere } from "./read-policy.server";
import type { Viewer } from "./viewer";

const drafting = (status: string) => status === "DRAFTING" || status === "RETURNED";

export async function workPlanDeadlines(db: Db, viewer: Viewer, from: string, to: string): Promise<CalendarEntry[]> {
  const steering = viewer.role === "STEERING_GROUP";
  const own = steering ? {} : { departmentId: viewer.departmentId ?? -1 };
  const rows = await db.annualWorkPlan.findMany({
    where: { dueDate: within(from, to), AND: [workPlanWhere(viewer), own] },
    select: {
      workflowId: true,
      year: true,
      dueDate: true,
      status: true,
      department: { select: { name: true, nameEn: true } },
    },
  });
  if (!steering)
    return rows.map((p) => ({
      uid: `${p.workflowId}-due`,
      kind: "WORK_PLAN_DUE",
      date: shanghaiDay(p.dueDate),
      title: {
        zh: `工作计划编制截止：${p.department.name}${p.year}年度工作计划`,
        en: `Work plan due: ${p.department.nameEn}, ${p.year}`,
      },
      path: `/work-plans/${encodeURIComponent(p.workflowId)}`,
      done: !drafting(p.status),
    }));
  const groups = new Map<string, typeof rows>();
  for (const p of rows) {
    const key = `${p.year}-${shanghaiDay(p.dueDate)}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()].map(([key, plans]) => {
    const { year } = plans[0];
    const open = plans.filter((p) => drafting(p.status)).length;
    return {
      uid: `workplans-${key}-due`,
      kind: "WORK_PLAN_DUE",
      date: shanghaiDay(plans[0].dueDate),
      title: {
        zh: `工作计划编制截止：${year}年度（${plans.length}个部门，${open}个尚未报送）`,
        en: `Work plans due: ${year} (${plans.length} departments, ${open} not yet submitted)`,
      },
      path: `/work-plans/chase?year=${year}`,
      done: open === 0,
    };
  });
}
