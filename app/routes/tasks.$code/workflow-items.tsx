// A task's milestones (from annual work plans), progress reports and inspections, for signed-in readers. The data
// is read in workflow-items.server.ts: this module reaches the browser with the task page.
import { Link } from "@remix-run/react";
import { DataTable } from "../../components/DataTable";
import { shanghaiDate } from "../../components/status";
import { Section } from "../../components/ui";
import { WfStatus } from "../../components/workflow";
import { INSPECTION_STATUSES } from "../../../workflows/inspection/state";
import { periodLabel } from "../../../workflows/reporting/period";
import { REPORT_STATUSES } from "../../../workflows/reporting/process";
import { MILESTONE_STATUSES } from "../../../workflows/work-plan/process";
import { nameOf, pick, useT } from "../../i18n";
import type { TaskWorkflowItemsData } from "./workflow-items.server";

/** 2026年第四季度 / Q4 2026, for pick. */
const periodWords = (code: string) => {
  const { zh, en } = periodLabel(code);
  return [zh, en] as const;
};

export function TaskWorkflowItems({ items }: { items: TaskWorkflowItemsData }) {
  const t = useT();
  return (
    <>
      <Section id="task-milestones" title={t("milestones")}>
        <DataTable
          testId="task-milestones"
          caption={t("milestones")}
          rows={items.milestones}
          rowKey={(m) => m.key}
          columns={[
            {
              key: "plan",
              header: t("workPlansTitle"),
              rowHeader: true,
              cell: (m) => (
                <Link to={`/work-plans/${encodeURIComponent(m.workflowId)}`}>
                  {nameOf(t.lang, m.department)} {m.year}
                </Link>
              ),
            },
            { key: "what", header: t("what"), cell: (m) => m.what },
            { key: "due", header: t("dueDate"), cell: (m) => shanghaiDate(m.dueDate) },
            {
              key: "st",
              header: t("status"),
              cell: (m) => <WfStatus status={m.status} overdue={m.overdue} labels={MILESTONE_STATUSES} />,
            },
          ]}
        />
      </Section>
      <Section id="task-reports" title={t("reportsTitle")}>
        <DataTable
          testId="task-reports"
          caption={t("reportsTitle")}
          rows={items.reports}
          rowKey={(r) => r.workflowId}
          columns={[
            {
              key: "p",
              header: t("cyclePeriod"),
              rowHeader: true,
              cell: (r) => (
                <Link to={`/reports/${encodeURIComponent(r.workflowId)}`}>{pick(t.lang, periodWords(r.period))}</Link>
              ),
            },
            { key: "d", header: t("leadDepts"), cell: (r) => nameOf(t.lang, r.department) },
            {
              key: "st",
              header: t("status"),
              cell: (r) => <WfStatus status={r.status} overdue={r.overdue} labels={REPORT_STATUSES} />,
            },
            {
              key: "sub",
              header: t("submitted"),
              cell: (r) => `${shanghaiDate(r.submittedAt)}${r.late ? ` (${t("late")})` : ""}`,
            },
          ]}
        />
      </Section>
      <Section id="task-inspections" title={t("inspectionsTitle")}>
        <DataTable
          testId="task-inspections"
          caption={t("inspectionsTitle")}
          rows={items.inspections}
          rowKey={(i) => i.workflowId}
          columns={[
            {
              key: "title",
              header: t("title"),
              rowHeader: true,
              cell: (i) => <Link to={`/inspections/${encodeURIComponent(i.workflowId)}`}>{i.title}</Link>,
            },
            { key: "unit", header: t("inspected"), cell: (i) => nameOf(t.lang, i.inspectedDepartment ?? i.area) },
            { key: "date", header: t("date"), cell: (i) => shanghaiDate(i.scheduledFor) },
            {
              key: "st",
              header: t("status"),
              cell: (i) => <WfStatus status={i.status} labels={INSPECTION_STATUSES} />,
            },
          ]}
        />
      </Section>
    </>
  );
}
