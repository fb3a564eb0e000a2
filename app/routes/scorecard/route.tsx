// 部门年度考评 (steering group): each department's year in figures, computed from the facts
// (app/models/office/scorecard.server.ts says how), with the CSV of the same table and the same figures as an official
// document (Word and PDF, /documents/scorecard/<year>) that the steering group registers before issuing.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "../../components/DataTable";
import { RouteErrorBoundary } from "../../components/RouteErrorBoundary";
import { RegisterLink } from "../../components/DocumentDownloads";
import { CsvLink, PageHeader } from "../../components/ui";
import { pick, useT } from "../../i18n";
import { loadScorecard } from "./scorecard.server";
import { percent, SCORECARD_HEADERS as H } from "./words";

export const meta: MetaFunction = () => [{ title: "部门年度考评 / Departments' yearly scorecard" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadScorecard(request));
}

export default function Scorecard() {
  const { year, rows } = useLoaderData<typeof loader>();
  const t = useT();
  const h = (k: keyof typeof H) => pick(t.lang, H[k]);
  const title = pick(t.lang, [`${year}年部门考评`, `Departments' scorecard ${year}`]);
  const n = (v: number) => v;
  return (
    <>
      <PageHeader
        title={title}
        lead={
          <>
            <Link to="/reports">← {t("reportsTitle")}</Link> ·{" "}
            <Link to={`/scorecard?year=${year - 1}`}>{year - 1}</Link> ·{" "}
            <Link to={`/scorecard?year=${year + 1}`}>{year + 1}</Link>
          </>
        }
        actions={
          <>
            <CsvLink href={`/export/scorecard.csv?year=${year}`} />
            <a
              className="btn btn-link"
              href={`/documents/scorecard/${year}?format=docx`}
              download
              data-testid="scorecard-docx"
            >
              {t("downloadDocx")}
            </a>
            <a
              className="btn btn-link"
              href={`/documents/scorecard/${year}?format=pdf`}
              download
              data-testid="scorecard-pdf"
            >
              {t("downloadPdf")}
            </a>
          </>
        }
      />
      <RegisterLink document={{ scorecardYear: year }} />
      <p className="muted">
        {pick(t.lang, [
          "报告按报送周期的截止日期计入年度，截止日过后计数；逾期按工作日计；整改按整改期限计入年度，期限已过或已销号后计数。",
          "A report counts in the year of its cycle's due date once that date has passed; lateness is in working days; a rectification counts in the year of its deadline once it has passed or the finding is closed.",
        ])}
      </p>
      <DataTable
        testId="scorecard"
        caption={title}
        rows={rows}
        rowKey={(r) => r.department.zh}
        columns={[
          {
            key: "dept",
            header: h("department"),
            rowHeader: true,
            cell: (r) => (t.lang === "en" ? r.department.en : r.department.zh),
          },
          { key: "due", header: h("reportsDue"), numeric: true, cell: (r) => n(r.reportsDue) },
          { key: "onTime", header: h("reportsOnTime"), numeric: true, cell: (r) => n(r.reportsOnTime) },
          { key: "rate", header: h("onTimeRate"), numeric: true, cell: (r) => percent(r.onTimeRate) },
          { key: "returns", header: h("returns"), numeric: true, cell: (r) => n(r.returns) },
          { key: "late", header: h("daysOverdue"), numeric: true, cell: (r) => n(r.daysOverdue) },
          { key: "rectDue", header: h("rectificationsDue"), numeric: true, cell: (r) => n(r.rectificationsDue) },
          {
            key: "rectOk",
            header: h("rectificationsClosedInTime"),
            numeric: true,
            cell: (r) => n(r.rectificationsClosedInTime),
          },
        ]}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
