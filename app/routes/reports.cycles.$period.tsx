// One reporting cycle: every task and lead department, who has and has not submitted, late and overdue ones.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDate, shanghaiDateTime } from "../components/status";
import { EmptyState, PageHeader, Section, Stat } from "../components/ui";
import { WfStatus } from "../components/workflow";
import { nameOf, titleOf, useT } from "../i18n";
import { gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = ({ params }) => [{ title: `${params.period} 报送周期 / Reporting cycle` }];

const QUERY = /* GraphQL */ `
  query Cycle($period: String!) {
    reportingCycle(period: $period) {
      workflowId period dueDate status openedAt closedAt reportCount consolidatedReport
      reports { workflowId status late overdue submittedAt returnCount task { code title titleEn } department { code name nameEn } }
    }
  }
`;

interface Row { workflowId: string; status: string; late: boolean; overdue: boolean; submittedAt: string | null; returnCount: number; task: { code: string; title: string; titleEn: string }; department: { code: string; name: string; nameEn: string } }
interface Data { reportingCycle: { workflowId: string; period: string; dueDate: string; status: string; closedAt: string | null; reportCount: number; consolidatedReport: string | null; reports: Row[] } | null }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow<Data>(request, QUERY, { period: params.period });
  if (!d.reportingCycle) throw json({ zh: `未找到报送周期：${params.period}`, en: `Reporting cycle not found: ${params.period}` }, { status: 404 });
  return json(d.reportingCycle);
}

export default function Cycle() {
  const c = useLoaderData<typeof loader>();
  const t = useT();
  const done = c.reports.filter((r) => r.status === "SUBMITTED" || r.status === "ACCEPTED");
  return (
    <>
      <PageHeader title={<>{t("cyclePeriod")} {c.period}</>} lead={<Link to="/reports">← {t("reportsTitle")}</Link>} actions={<WfStatus status={c.status} />} />
      <div className="stats">
        <Stat label={t("reportCount")} value={c.reportCount} />
        <Stat label={t("submitted")} value={<span data-testid="cycle-submitted">{done.length}</span>} />
        <Stat label={t("notSubmitted")} value={<span data-testid="cycle-not-submitted">{c.reports.length - done.length}</span>} />
        <Stat label={t("dueDate")} value={shanghaiDate(c.dueDate)} />
      </div>
      <Section id="reports" title={t("report")}>
        <DataTable
          testId="cycle-reports"
          caption={`${c.period} · ${t("report")}`}
          rows={c.reports}
          rowKey={(r) => r.workflowId}
          columns={[
            { key: "task", header: t("task"), rowHeader: true, cell: (r) => <Link to={`/reports/${encodeURIComponent(r.workflowId)}`}>{r.task.code} {titleOf(t.lang, r.task)}</Link> },
            { key: "dept", header: t("leadDepts"), cell: (r) => nameOf(t.lang, r.department) },
            { key: "status", header: t("status"), cell: (r) => <WfStatus status={r.status} overdue={r.overdue} /> },
            { key: "sub", header: t("submitted"), cell: (r) => `${shanghaiDateTime(r.submittedAt)}${r.late ? ` (${t("late")})` : ""}` },
            { key: "ret", header: t("returnIt"), numeric: true, cell: (r) => r.returnCount || "" },
          ]}
        />
      </Section>
      <Section id="consolidated" title={t("consolidated")}>
        {c.consolidatedReport ? <pre className="quote">{c.consolidatedReport}</pre> : <EmptyState />}
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
