// 定期报送: reporting cycles (the steering group opens one and sees who has and has not submitted) and, for a
// department, its own reports in every cycle.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import type { Me } from "../components/Layout";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDate } from "../components/status";
import { ActionOutcome, Field, PageHeader, Section, SubmitButton } from "../components/ui";
import { todayShanghai, WfStatus } from "../components/workflow";
import { nameOf, titleOf, useT } from "../i18n";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "定期报送 / Progress reporting" }];

const QUERY = /* GraphQL */ `
  query Reports {
    me { role department { code } }
    reportingCycles {
      workflowId period dueDate status reportCount
      reports { workflowId status late overdue submittedAt task { code title titleEn } department { code name nameEn } }
    }
  }
`;

interface ReportRow { workflowId: string; status: string; late: boolean; overdue: boolean; submittedAt: string | null; task: { code: string; title: string; titleEn: string }; department: { code: string; name: string; nameEn: string } }
interface Data { me: { role: Me["role"]; department: { code: string } | null } | null; reportingCycles: { workflowId: string; period: string; dueDate: string; status: string; reportCount: number; reports: ReportRow[] }[] }

export async function loader({ request }: LoaderFunctionArgs) {
  const d = await gqlOrThrow<Data>(request, QUERY);
  const mine = d.me?.department?.code;
  const cycles = d.reportingCycles.map(({ reports, ...c }) => ({
    ...c,
    submitted: reports.filter((r) => r.status === "SUBMITTED" || r.status === "ACCEPTED").length,
    late: reports.filter((r) => r.late || r.overdue).length,
    mine: mine ? reports.filter((r) => r.department.code === mine).map((r) => ({ ...r, period: c.period })) : [],
  }));
  return json({ role: d.me?.role ?? null, cycles, myReports: cycles.flatMap((c) => c.mine) });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const r = await gql(request, `mutation ($period: String!, $dueDate: String!) { openReportingCycle(period: $period, dueDate: $dueDate) { period } }`, { period: String(form.get("period") ?? "").trim(), dueDate: String(form.get("dueDate") ?? "") });
  return r.ok ? json({ ok: true as const, error: null }) : json({ ok: false as const, error: r.error }, { status: 400 });
}

export default function Reports() {
  const { role, cycles, myReports } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("reportsTitle")} />
      {myReports.length || role === "DEPARTMENT_MEMBER" ? (
        <Section id="my-reports" title={t("myReports")}>
          <DataTable
            testId="my-reports"
            caption={t("myReports")}
            rows={myReports}
            rowKey={(r) => r.workflowId}
            columns={[
              { key: "task", header: t("task"), rowHeader: true, cell: (r) => <Link to={`/reports/${encodeURIComponent(r.workflowId)}`}>{r.task.code} {titleOf(t.lang, r.task)}</Link> },
              { key: "period", header: t("cyclePeriod"), cell: (r) => r.period },
              { key: "status", header: t("status"), cell: (r) => <WfStatus status={r.status} overdue={r.overdue} /> },
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
            { key: "period", header: t("cyclePeriod"), rowHeader: true, cell: (c) => <Link to={`/reports/cycles/${encodeURIComponent(c.period)}`}>{c.period}</Link> },
            { key: "due", header: t("dueDate"), cell: (c) => shanghaiDate(c.dueDate) },
            { key: "status", header: t("status"), cell: (c) => <WfStatus status={c.status} /> },
            { key: "count", header: t("reportCount"), numeric: true, cell: (c) => c.reportCount },
            { key: "submitted", header: t("submitted"), numeric: true, cell: (c) => c.submitted },
            { key: "late", header: `${t("late")}/${t("overdue")}`, numeric: true, cell: (c) => c.late },
          ]}
        />
      </Section>
      {role === "STEERING_GROUP" ? (
        <Section id="open-cycle" title={t("openCycle")}>
          <Form method="post" className="filters">
            <Field name="period" label={t("cyclePeriod")} required hint="2019Q2" />
            <Field name="dueDate" type="date" label={t("dueDate")} required defaultValue={todayShanghai(14)} />
            <SubmitButton label={t("openCycle")} />
          </Form>
          <ActionOutcome result={result} />
        </Section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
