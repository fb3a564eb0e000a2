// Every progress report the reader may read, soonest deadline first, a page at a time, with GET filters (department,
// task, status, deadline range, overdue only) that paging keeps (the data: app/utils/report-list.server.ts).
import { Link } from "@remix-run/react";
import { DataTable } from "./DataTable";
import { DeadlineLight, dueDayOf } from "./DeadlineLight";
import { shanghaiDate } from "./status";
import { ListEmpty, ListFilterForm, ListNotices } from "./ListFilters";
import { Pager, Section, type UiError } from "./ui";
import { WfStatus } from "./workflow";
import { pick, useT } from "../i18n";
import { REPORT_STATUSES } from "../../workflows/reporting/process";

interface Props {
  filters: {
    departmentCode: string | null;
    taskCode: string | null;
    status: string | null;
    dueFrom: string | null;
    dueTo: string | null;
    overdue: boolean | null;
  };
  filtered: boolean;
  notices: UiError[];
  departments: { code: string; name: string; nameEn: string }[];
  tasks: { code: string; title: string; titleEn: string }[];
  reports: {
    workflowId: string;
    status: keyof typeof REPORT_STATUSES;
    overdue: boolean;
    title: { zh: string; en: string };
    cycle: { dueDate: string };
  }[];
  page: {
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor?: string | null;
      endCursor?: string | null;
    };
    total: number;
    start: number;
  } | null;
}

export function ReportList({ filters, filtered, notices, departments, tasks, reports, page }: Props) {
  const t = useT();
  return (
    <Section id="all-reports" title={t("allReports")}>
      <ListFilterForm
        resetTo="/reports#all-reports"
        values={filters}
        departments={departments}
        tasks={tasks}
        statuses={REPORT_STATUSES}
      />
      <ListNotices notices={notices} />
      {page && reports.length === 0 ? <ListEmpty filtered={filtered} /> : null}
      {page && reports.length > 0 ? (
        <>
          <DataTable
            testId="all-reports"
            caption={t("allReports")}
            rows={reports}
            rowKey={(r) => r.workflowId}
            columns={[
              {
                key: "report",
                header: t("item"),
                rowHeader: true,
                cell: (r) => (
                  <Link to={`/reports/${encodeURIComponent(r.workflowId)}`}>
                    {pick(t.lang, [r.title.zh, r.title.en])}
                  </Link>
                ),
              },
              {
                key: "due",
                header: t("dueDate"),
                cell: (r) => (
                  <>
                    {shanghaiDate(r.cycle.dueDate)}{" "}
                    <DeadlineLight due={dueDayOf(r.cycle.dueDate)} done={r.status === "ACCEPTED"} />
                  </>
                ),
              },
              {
                key: "status",
                header: t("status"),
                cell: (r) => <WfStatus status={r.status} overdue={r.overdue} labels={REPORT_STATUSES} />,
              },
            ]}
          />
        </>
      ) : null}
      {page ? (
        <Pager
          pageInfo={page.pageInfo}
          total={page.total}
          start={page.start}
          count={reports.length}
          label={t("allReports")}
        />
      ) : null}
    </Section>
  );
}
