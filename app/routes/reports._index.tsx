// 定期报送: reporting cycles (the steering group opens one and sees who has and has not submitted) and, for a
// department, its own reports in every cycle.
import { ChaseBoardLink } from "../components/ChaseBoardLink";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { ReportList } from "../components/ReportList";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { DueDate } from "../components/DeadlineLight";
import { ActionOutcome, Field, Notice, PageHeader, Section, SubmitButton } from "../components/ui";
import { todayShanghai, WfStatus } from "../components/workflow";
import { titleOf, useT } from "../i18n";
import { graphql } from "../utils/graphql";
import { gql, gqlOrThrow } from "../utils/graphql.server";
import { loadReportList } from "../utils/report-list.server";
import { CYCLE_STATUSES } from "../../workflows/reporting/cycle";
import { REPORT_STATUSES } from "../../workflows/reporting/process";

export const meta: MetaFunction = () => [{ title: "定期报送 / Progress reporting" }];

const QUERY = /* @__PURE__ */ graphql(`
  query Reports {
    me @_optional {
      role
      department @_optional {
        code
      }
    }
    reportingCycles {
      workflowId
      period
      dueDate
      dueDateNote @_optional {
        zh
        en
      }
      status
      reportCount
      title {
        zh
        en
      }
      periodLabel {
        zh
        en
      }
      reports {
        workflowId
        status
        late
        overdue
        submittedAt @_optional
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

export async function loader({ request }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY);
  const mine = d.me?.department?.code;
  const cycles = d.reportingCycles.map(({ reports, ...c }) => ({
    ...c,
    submitted: reports.filter((r) => r.status === "SUBMITTED" || r.status === "ACCEPTED").length,
    late: reports.filter((r) => r.late || r.overdue).length,
    mine: mine
      ? reports
          .filter((r) => r.department.code === mine)
          .map((r) => ({ ...r, period: c.periodLabel, dueDate: c.dueDate }))
      : [],
  }));
  return json({
    role: d.me?.role ?? null,
    cycles,
    myReports: cycles.flatMap((c) => c.mine),
    list: await loadReportList(request),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const r = await gql(
    request,
    graphql(`
      mutation ($period: String!, $dueDate: String!) {
        openReportingCycle(period: $period, dueDate: $dueDate) {
          period
          dueDateNote @_optional {
            zh
            en
          }
          dueDateWarning @_optional {
            zh
            en
          }
        }
      }
    `),
    { period: String(form.get("period") ?? "").trim(), dueDate: String(form.get("dueDate") ?? "") },
  );
  // Opened: say where the due date moved (顺延) and whether the holiday schedule covers it.
  return r.ok
    ? json({
        ok: true as const,
        error: null,
        said: [r.data.openReportingCycle?.dueDateNote, r.data.openReportingCycle?.dueDateWarning].filter(
          (x): x is { zh: string; en: string } => !!x,
        ),
      })
    : json({ ok: false as const, error: r.error }, { status: 400 });
}

export default function Reports() {
  const { role, cycles, myReports, list } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const bi = (x: { zh: string; en: string }) => (t.lang === "en" ? x.en : x.zh);
  return (
    <>
      <PageHeader title={t("reportsTitle")} />
      <ChaseBoardLink
        to="/scorecard"
        steeringOnly
        testId="scorecard-link"
        label={["部门年度考评", "Departments' yearly scorecard"]}
      />
      {myReports.length || role === "DEPARTMENT_MEMBER" ? (
        <Section id="my-reports" title={t("myReports")}>
          <DataTable
            testId="my-reports"
            caption={t("myReports")}
            rows={myReports}
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
              { key: "period", header: t("cyclePeriod"), cell: (r) => bi(r.period) },
              {
                key: "due",
                header: t("dueDate"),
                cell: (r) => <DueDate due={r.dueDate} done={r.status === "SUBMITTED" || r.status === "ACCEPTED"} />,
              },
              {
                key: "status",
                header: t("status"),
                cell: (r) => <WfStatus status={r.status} overdue={r.overdue} labels={REPORT_STATUSES} />,
              },
              { key: "late", header: t("late"), cell: (r) => (r.late ? t("late") : "") },
            ]}
          />
        </Section>
      ) : null}
      <Section id="cycles" title={t("cycles")}>
        <DataTable
          testId="cycles"
          caption={t("cycles")}
          rows={cycles}
          rowKey={(c) => c.workflowId}
          columns={[
            {
              key: "period",
              header: t("cyclePeriod"),
              rowHeader: true,
              cell: (c) => <Link to={`/reports/cycles/${encodeURIComponent(c.period)}`}>{bi(c.title)}</Link>,
            },
            {
              key: "due",
              header: t("dueDate"),
              cell: (c) => <DueDate due={c.dueDate} done={c.status === "CLOSED"} note={c.dueDateNote} />,
            },
            { key: "status", header: t("status"), cell: (c) => <WfStatus status={c.status} labels={CYCLE_STATUSES} /> },
            { key: "count", header: t("reportCount"), numeric: true, cell: (c) => c.reportCount },
            { key: "submitted", header: t("submitted"), numeric: true, cell: (c) => c.submitted },
            { key: "late", header: `${t("late")}/${t("overdue")}`, numeric: true, cell: (c) => c.late },
          ]}
        />
      </Section>
      <ReportList {...list} />
      {role === "STEERING_GROUP" ? (
        <Section id="open-cycle" title={t("openCycle")}>
          <Form method="post" className="filters">
            <Field name="period" label={t("cyclePeriod")} required hint={t("periodHint")} />
            <Field name="dueDate" type="date" label={t("dueDate")} required defaultValue={todayShanghai(14)} />
            <SubmitButton label={t("openCycle")} />
          </Form>
          <ActionOutcome result={result} />
          {result && "said" in result ? result.said.map((x) => <Notice key={x.zh}>{bi(x)}</Notice>) : null}
        </Section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
