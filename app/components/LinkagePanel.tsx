// 测管联动: the monitoring–enforcement loop as the alerts show it (open, in linkage, closed; by kind; month by month).
import { ALERT_KINDS, type AlertKind } from "../models/vocabulary";
import { pick, useT } from "../i18n";
import { DataTable } from "./DataTable";
import { CsvLink, Section, Stat } from "./ui";

interface Linkage {
  total: number;
  open: number;
  inLinkage: number;
  closed: number;
  closedShare: number | null;
  kinds: { kind: string; total: number; open: number; inLinkage: number; closed: number }[];
  trend: { month: string; raised: number; closed: number }[];
}

export function LinkagePanel({
  linkage,
  trendSvg,
  period,
  search,
}: {
  linkage: Linkage;
  trendSvg: string;
  period: { from: string; to: string };
  search: string;
}) {
  const t = useT();
  return (
    <Section
      id="linkage"
      title={`${t("linkageTitle")} · ${period.from} — ${period.to}`}
      actions={
        <>
          <CsvLink href={`/export/alert-summary.csv${search}`} what={t("linkageByKind")} />
          <CsvLink href={`/export/alert-trend.csv${search}`} what={t("linkageTrend")} />
        </>
      }
    >
      <div className="stats" data-testid="linkage-stats">
        <Stat label={t("alerts")} value={<span data-testid="alerts-total">{linkage.total}</span>} />
        <Stat label={t("linkageOpen")} value={<span data-testid="alerts-open">{linkage.open}</span>} />
        <Stat label={t("linkageInLinkage")} value={<span data-testid="alerts-in-linkage">{linkage.inLinkage}</span>} />
        <Stat label={t("linkageClosed")} value={<span data-testid="alerts-closed">{linkage.closed}</span>} />
        <Stat
          label={t("linkageClosedShare")}
          value={
            <span data-testid="alerts-closed-share">
              {linkage.closedShare === null ? t("noAlertsYet") : `${linkage.closedShare}%`}
            </span>
          }
        />
      </div>
      <div className="grid-2">
        <div>
          <h3>{t("linkageByKind")}</h3>
          <DataTable
            testId="alerts-by-kind"
            caption={t("linkageByKind")}
            rows={linkage.kinds}
            rowKey={(r) => r.kind}
            columns={[
              {
                key: "kind",
                header: t("kind"),
                rowHeader: true,
                cell: (r) => pick(t.lang, ALERT_KINDS[r.kind as AlertKind], r.kind),
              },
              { key: "total", header: t("alerts"), numeric: true, cell: (r) => r.total },
              { key: "open", header: t("linkageOpen"), numeric: true, cell: (r) => r.open },
              { key: "inLinkage", header: t("linkageInLinkage"), numeric: true, cell: (r) => r.inLinkage },
              { key: "closed", header: t("linkageClosed"), numeric: true, cell: (r) => r.closed },
            ]}
          />
        </div>
        <div>
          <h3>{t("linkageTrend")}</h3>
          {linkage.trend.length ? (
            <div className="chart" data-testid="trend-chart" dangerouslySetInnerHTML={{ __html: trendSvg }} />
          ) : null}
          <DataTable
            testId="alert-trend"
            caption={t("linkageTrend")}
            rows={linkage.trend}
            rowKey={(r) => r.month}
            columns={[
              { key: "month", header: t("month"), rowHeader: true, cell: (r) => r.month },
              { key: "raised", header: t("raised"), numeric: true, cell: (r) => r.raised },
              { key: "closed", header: t("closed"), numeric: true, cell: (r) => r.closed },
            ]}
          />
        </div>
      </div>
    </Section>
  );
}
