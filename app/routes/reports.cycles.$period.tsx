// One reporting cycle: every task and lead department, who has and has not submitted, late and overdue ones.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { ChaseBoardLink } from "../components/ChaseBoardLink";
import { CycleDocuments } from "../components/DocumentDownloads";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDate, shanghaiDateTime } from "../components/status";
import { DeadlineLight, DueDate } from "../components/DeadlineLight";
import { EmptyState, PageHeader, Section, Stat } from "../components/ui";
import { WfStatus } from "../components/workflow";
import { nameOf, titleOf, useT } from "../i18n";
import { graphql } from "../utils/graphql";
import { gqlOrThrow, found } from "../utils/graphql.server";
import { CYCLE_STATUSES } from "../../workflows/reporting/cycle";
import { REPORT_STATUSES } from "../../workflows/reporting/process";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title.zh} / ${data.title.en}` : "报送周期 / Reporting cycle" },
];

const QUERY = /* @__PURE__ */ graphql(`
  query Cycle($period: String!) {
    reportingCycle(period: $period) @_optional {
      workflowId
      period
      title {
        zh
        en
      }
      dueDate
      dueDateNote @_optional {
        zh
        en
      }
      dueDateWarning @_optional {
        zh
        en
      }
      status
      openedAt
      closedAt @_optional
      reportCount
      consolidatedReport @_optional
      reports {
        workflowId
        status
        late
        overdue
        submittedAt @_optional
        returnCount
        task {
          code
          title
          titleEn
        }
        department {
          code
          name
          nameEn
        }
      }
    }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY, { period: String(params.period) });
  return json(found(d.reportingCycle, ["报送周期", "Reporting cycle"], String(params.period)));
}

/** The options of a select: each value once, in the order first seen. */
const unique = (options: { value: string; label: string }[]) => [...new Map(options.map((o) => [o.value, o])).values()];

export default function Cycle() {
  const c = useLoaderData<typeof loader>();
  const t = useT();
  const bi = (x: { zh: string; en: string }) => (t.lang === "en" ? x.en : x.zh);
  const done = c.reports.filter((r) => r.status === "SUBMITTED" || r.status === "ACCEPTED");
  return (
    <>
      <PageHeader
        title={bi(c.title)}
        lead={<Link to="/reports">← {t("reportsTitle")}</Link>}
        actions={<WfStatus status={c.status} labels={CYCLE_STATUSES} />}
      />
      <div className="stats">
        <Stat label={t("reportCount")} value={c.reportCount} />
        <Stat label={t("submitted")} value={<span data-testid="cycle-submitted">{done.length}</span>} />
        <Stat
          label={t("notSubmitted")}
          value={<span data-testid="cycle-not-submitted">{c.reports.length - done.length}</span>}
        />
        <Stat
          label={t("dueDate")}
          value={<DueDate due={c.dueDate} done={c.status === "CLOSED"} note={c.dueDateNote} />}
        />
      </div>
      <ChaseBoardLink to={`/reports/cycles/${encodeURIComponent(c.period)}/chase`} />
      <Section id="reports" title={t("report")}>
        <DataTable
          testId="cycle-reports"
          caption={`${bi(c.title)} · ${t("report")}`}
          rows={c.reports}
          rowKey={(r) => r.workflowId}
          columns={[
            {
              key: "task",
              header: t("task"),
              rowHeader: true,
              cell: (r) => (
                <Link to={`/reports/${encodeURIComponent(r.workflowId)}`}>
                  {r.task.code} {titleOf(t.lang, r.task)}
                </Link>
              ),
            },
            { key: "dept", header: t("leadDepts"), cell: (r) => nameOf(t.lang, r.department) },
            {
              key: "status",
              header: t("status"),
              cell: (r) => <WfStatus status={r.status} overdue={r.overdue} labels={REPORT_STATUSES} />,
            },
            {
              key: "light",
              header: t("deadlineLight"),
              cell: (r) => (
                <DeadlineLight
                  due={shanghaiDate(c.dueDate)}
                  done={r.status === "SUBMITTED" || r.status === "ACCEPTED"}
                />
              ),
            },
            {
              key: "sub",
              header: t("submitted"),
              cell: (r) => `${shanghaiDateTime(r.submittedAt)}${r.late ? ` (${t("late")})` : ""}`,
            },
            { key: "ret", header: t("reportReturns"), numeric: true, cell: (r) => r.returnCount || "" },
          ]}
        />
      </Section>
      <Section id="consolidated" title={t("consolidated")}>
        {c.consolidatedReport ? <pre className="quote">{c.consolidatedReport}</pre> : <EmptyState />}
      </Section>
      <CycleDocuments
        period={c.period}
        tasks={unique(
          c.reports.map((r) => ({ value: r.task.code, label: `${r.task.code} ${titleOf(t.lang, r.task)}` })),
        )}
        departments={unique(c.reports.map((r) => ({ value: r.department.code, label: nameOf(t.lang, r.department) })))}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
