// A task's milestones (from annual work plans), progress reports and inspections, for signed-in readers.
import { Link } from "@remix-run/react";
import { DataTable } from "../../components/DataTable";
import { shanghaiDate } from "../../components/status";
import { Section } from "../../components/ui";
import { WfStatus } from "../../components/workflow";
import { nameOf, useT } from "../../i18n";
import { gql } from "../../utils/graphql.server";

const QUERY = /* GraphQL */ `
  query TaskWork {
    workPlans { workflowId year status department { code name nameEn } milestones { ordinal taskCode what dueDate status overdue } }
    reportingCycles { period status dueDate reports { workflowId status late overdue submittedAt task { code } department { code name nameEn } } }
    inspections { workflowId title status scheduledFor taskCodes inspectedDepartment { name nameEn } area { name nameEn } }
  }
`;

type Unit = { code?: string; name: string; nameEn: string };
interface Data {
  workPlans: { workflowId: string; year: number; status: string; department: Unit; milestones: { ordinal: number; taskCode: string | null; what: string; dueDate: string; status: string; overdue: boolean }[] }[];
  reportingCycles: { period: string; status: string; dueDate: string; reports: { workflowId: string; status: string; late: boolean; overdue: boolean; submittedAt: string | null; task: { code: string }; department: Unit }[] }[];
  inspections: { workflowId: string; title: string; status: string; scheduledFor: string; taskCodes: string[]; inspectedDepartment: Unit | null; area: Unit | null }[];
}

/** Null when the reader is not signed in (the API refuses these lists to the public). */
export async function taskWorkflowItems(request: Request, code: string) {
  const r = await gql<Data>(request, QUERY);
  if (!r.ok) return null;
  return {
    milestones: r.data.workPlans.flatMap((p) => p.milestones.filter((m) => m.taskCode === code).map((m) => ({ ...m, key: `${p.workflowId}#${m.ordinal}`, workflowId: p.workflowId, year: p.year, department: p.department }))),
    reports: r.data.reportingCycles.flatMap((c) => c.reports.filter((x) => x.task.code === code).map((x) => ({ ...x, period: c.period }))),
    inspections: r.data.inspections.filter((i) => i.taskCodes.includes(code)),
  };
}

export function TaskWorkflowItems({ items }: { items: NonNullable<Awaited<ReturnType<typeof taskWorkflowItems>>> }) {
  const t = useT();
  return (
    <>
      <Section id="task-milestones" title={t("milestones")}>
        <DataTable testId="task-milestones" caption={t("milestones")} rows={items.milestones} rowKey={(m) => m.key} columns={[
          { key: "plan", header: t("workPlansTitle"), rowHeader: true, cell: (m) => <Link to={`/work-plans/${encodeURIComponent(m.workflowId)}`}>{nameOf(t.lang, m.department)} {m.year}</Link> },
          { key: "what", header: t("what"), cell: (m) => m.what },
          { key: "due", header: t("dueDate"), cell: (m) => shanghaiDate(m.dueDate) },
          { key: "st", header: t("status"), cell: (m) => <WfStatus status={m.status} overdue={m.overdue} /> },
        ]} />
      </Section>
      <Section id="task-reports" title={t("reportsTitle")}>
        <DataTable testId="task-reports" caption={t("reportsTitle")} rows={items.reports} rowKey={(r) => r.workflowId} columns={[
          { key: "p", header: t("cyclePeriod"), rowHeader: true, cell: (r) => <Link to={`/reports/${encodeURIComponent(r.workflowId)}`}>{r.period}</Link> },
          { key: "d", header: t("leadDepts"), cell: (r) => nameOf(t.lang, r.department) },
          { key: "st", header: t("status"), cell: (r) => <WfStatus status={r.status} overdue={r.overdue} /> },
          { key: "sub", header: t("submitted"), cell: (r) => `${shanghaiDate(r.submittedAt)}${r.late ? ` (${t("late")})` : ""}` },
        ]} />
      </Section>
      <Section id="task-inspections" title={t("inspectionsTitle")}>
        <DataTable testId="task-inspections" caption={t("inspectionsTitle")} rows={items.inspections} rowKey={(i) => i.workflowId} columns={[
          { key: "title", header: t("title"), rowHeader: true, cell: (i) => <Link to={`/inspections/${encodeURIComponent(i.workflowId)}`}>{i.title}</Link> },
          { key: "unit", header: t("inspected"), cell: (i) => nameOf(t.lang, i.inspectedDepartment ?? i.area) },
          { key: "date", header: t("date"), cell: (i) => shanghaiDate(i.scheduledFor) },
          { key: "st", header: t("status"), cell: (i) => <WfStatus status={i.status} /> },
        ]} />
      </Section>
    </>
  );
}

/** For the plan at a glance: each task's next deadline and how many of its reports and milestones are overdue. */
export async function planDeadlines(request: Request): Promise<Record<string, { next: string | null; overdue: number }> | null> {
  const r = await gql<Data>(request, QUERY);
  if (!r.ok) return null;
  const out: Record<string, { next: string | null; overdue: number }> = {};
  const at = (code: string) => (out[code] ??= { next: null, overdue: 0 });
  const due = (code: string, when: string) => {
    const x = at(code);
    if (!x.next || when < x.next) x.next = when;
  };
  for (const c of r.data.reportingCycles)
    for (const rep of c.reports) {
      if (rep.status === "PENDING" || rep.status === "RETURNED") due(rep.task.code, c.dueDate);
      if (rep.overdue && rep.status !== "ACCEPTED") at(rep.task.code).overdue++;
    }
  for (const p of r.data.workPlans) for (const m of p.milestones) if (m.taskCode && m.status !== "DONE") {
    due(m.taskCode, m.dueDate);
    if (m.overdue) at(m.taskCode).overdue++;
  }
  return out;
}
