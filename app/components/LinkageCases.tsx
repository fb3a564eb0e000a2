// 测管联动案件: cases opened in the period, share answered within the response deadline, response-time
// distribution, outcomes and month by month (aggregates from the API's public linkageSummary).
import { pick, useT } from "../i18n";
import { DataTable } from "./DataTable";
import { RESPONSE_BUCKET_LABELS } from "./status";
import { CsvLink, Section, Stat } from "./ui";

interface Summary {
  opened: number;
  open: number;
  closed: number;
  answeredInTime: number;
  answeredLate: number;
  unansweredPastDeadline: number;
  awaiting: number;
  onTimeShare: number | null;
  violations: number;
  noViolation: number;
  joint: number;
  responseTimes: { bucket: string; count: number }[];
  months: { month: string; opened: number; closed: number }[];
}

export function LinkageCases({ cases, chartSvg, search }: { cases: Summary; chartSvg: string; search: string }) {
  const t = useT();
  const pending = cases.opened - cases.violations - cases.noViolation;
  return (
    <Section id="linkage-cases" title={t("cases")} actions={<CsvLink href={`/export/linkage-cases.csv${search}`} />}>
      <div className="stats" data-testid="linkage-case-stats">
        <Stat label={t("casesOpened")} value={<span data-testid="cases-opened">{cases.opened}</span>} />
        <Stat label={t("casesOpen")} value={<span data-testid="cases-open">{cases.open}</span>} />
        <Stat
          label={t("onTimeShare")}
          value={
            <span data-testid="cases-on-time">
              {cases.onTimeShare === null ? t("noCasesYet") : `${cases.onTimeShare}%`}
            </span>
          }
          hint={`${cases.answeredInTime} / ${cases.answeredInTime + cases.answeredLate + cases.unansweredPastDeadline}`}
        />
        <Stat label={t("violationsFound")} value={<span data-testid="cases-violations">{cases.violations}</span>} />
        <Stat label={t("jointMonitoring")} value={cases.joint} />
      </div>
      <div className="grid-2">
        <div>
          <h3>{t("responseTimes")}</h3>
          <div className="chart" data-testid="response-chart" dangerouslySetInnerHTML={{ __html: chartSvg }} />
          <DataTable
            testId="response-times"
            caption={t("responseTimes")}
            rows={cases.responseTimes}
            rowKey={(b) => b.bucket}
            columns={[
              {
                key: "b",
                header: t("responseTimes"),
                rowHeader: true,
                cell: (b) => pick(t.lang, RESPONSE_BUCKET_LABELS[b.bucket], b.bucket),
              },
              { key: "n", header: t("cases"), numeric: true, cell: (b) => b.count },
            ]}
          />
        </div>
        <div>
          <h3>{t("outcomes")}</h3>
          <DataTable
            testId="case-outcomes"
            caption={t("outcomes")}
            rows={
              [
                { k: "violationsFound", v: cases.violations },
                { k: "noViolation", v: cases.noViolation },
                { k: "awaiting", v: pending },
                { k: "answeredLate", v: cases.answeredLate },
                { k: "unanswered", v: cases.unansweredPastDeadline },
              ] as const
            }
            rowKey={(r) => r.k}
            columns={[
              { key: "k", header: t("outcomes"), rowHeader: true, cell: (r) => t(r.k) },
              { key: "v", header: t("cases"), numeric: true, cell: (r) => r.v },
            ]}
          />
          <h3>{t("casesByMonth")}</h3>
          <DataTable
            testId="cases-by-month"
            caption={t("casesByMonth")}
            rows={cases.months}
            rowKey={(m) => m.month}
            columns={[
              { key: "m", header: t("month"), rowHeader: true, cell: (m) => m.month },
              { key: "o", header: t("casesOpened"), numeric: true, cell: (m) => m.opened },
              { key: "c", header: t("closed"), numeric: true, cell: (m) => m.closed },
            ]}
          />
        </div>
      </div>
    </Section>
  );
}
