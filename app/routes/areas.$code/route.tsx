// Drill-down from the dashboard: one area's coverage, its stations and its alerts, with the same filters.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { DataTable } from "../../components/DataTable";
import { AlertsTable, ALERT_FIELDS, STATION_FIELDS, StationsTable } from "../../components/RegistryTables";
import { RouteErrorBoundary } from "../../components/RouteErrorBoundary";
import { COVERAGE_STATUS } from "../../components/status";
import {
  CsvLink,
  FilterForm,
  PageHeader,
  Pager,
  pageArgs,
  Section,
  SelectField,
  Stat,
  StatusPill,
} from "../../components/ui";
import { langFromRequest, nameOf, pick, useT } from "../../i18n";
import { ALERT_KINDS, ALERT_STATUSES, AREA_KINDS, ELEMENTS, ELEMENT_KEYS, keys, oneOf } from "../../models/vocabulary";
import { graphql } from "../../utils/graphql";
import { gqlOrThrow } from "../../utils/graphql.server";
import { periodFrom } from "../_index/dashboard.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.area.name} / ${data.area.nameEn}` : "Area" },
];

// The two lists spell out their pageInfo rather than spreading PageInfoFields: with the spread, armor's cost rule
// measured this query past 2/3 of the cost limit (test/api-limits.test.ts), so the fields are written out here.
const AREA_QUERY = /* @__PURE__ */ graphql(`
  query AreaPage($code: String!, $element: Element, $kind: AlertKind, $status: AlertStatus, $from: DateTime!, $to: DateTime!,
                 $sFirst: Int, $sAfter: String, $sLast: Int, $sBefore: String, $aFirst: Int, $aAfter: String, $aLast: Int, $aBefore: String) {
    area(code: $code) { code name nameEn kind }
    coverageMatrix(areaCodes: [$code]) { rows { cells { element stations automatic planned required automaticRequired status } } }
    stations(areaCode: $code, element: $element, first: $sFirst, after: $sAfter, last: $sLast, before: $sBefore) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { ${STATION_FIELDS} } }
    }
    alerts(areaCode: $code, kind: $kind, status: $status, first: $aFirst, after: $aAfter, last: $aLast, before: $aBefore) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { ${ALERT_FIELDS} } }
    }
    alertTrend(areaCode: $code, from: $from, to: $to) { month raised closed }
    linkageSummary(areaCode: $code, from: $from, to: $to) { opened open onTimeShare @_optional violations }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const sp = url.searchParams;
  const period = periodFrom(url);
  const element = sp.get("element");
  const kind = sp.get("alertKind");
  const status = sp.get("alertStatus");
  const s = pageArgs(url, 25, "s");
  const a = pageArgs(url, 25, "a");
  const data = await gqlOrThrow(request, AREA_QUERY, {
    code: String(params.code),
    element: oneOf(element, ELEMENT_KEYS),
    kind: oneOf(kind, keys(ALERT_KINDS)),
    status: oneOf(status, keys(ALERT_STATUSES)),
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    sFirst: s.first,
    sAfter: s.after,
    sLast: s.last,
    sBefore: s.before,
    aFirst: a.first,
    aAfter: a.after,
    aLast: a.last,
    aBefore: a.before,
  });
  return json({
    ...data,
    lang: langFromRequest(request),
    filters: { element: element ?? "", alertKind: kind ?? "", alertStatus: status ?? "" },
    period: { from: period.fromMonth, to: period.toMonth },
  });
}

export default function AreaPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const { search } = useLocation();
  const cells = d.coverageMatrix.rows[0]?.cells ?? [];
  const trendTotal = d.alertTrend.reduce((n, m) => n + m.raised, 0);
  const csvQuery = new URLSearchParams({
    areaCode: d.area.code,
    ...(d.filters.element ? { element: d.filters.element } : {}),
  });
  return (
    <>
      <PageHeader
        title={
          <>
            {nameOf(t.lang, d.area)}{" "}
            <span className="muted small">
              {d.area.code} · {pick(t.lang, AREA_KINDS[d.area.kind])}
            </span>
          </>
        }
        lead={<Link to={`/${search}`}>← {t("navDashboard")}</Link>}
      />
      <div className="stats">
        <Stat label={t("stations")} value={<span data-testid="area-stations-total">{d.stations.totalCount}</span>} />
        <Stat label={t("alerts")} value={<span data-testid="area-alerts-total">{d.alerts.totalCount}</span>} />
        <Stat label={`${t("raised")} ${d.period.from} — ${d.period.to}`} value={trendTotal} />
        <Stat
          label={t("casesOpened")}
          value={<span data-testid="area-cases-opened">{d.linkageSummary.opened}</span>}
          hint={`${t("casesOpen")} ${d.linkageSummary.open}`}
        />
        <Stat
          label={t("onTimeShare")}
          value={d.linkageSummary.onTimeShare === null ? t("noCasesYet") : `${d.linkageSummary.onTimeShare}%`}
        />
      </div>
      <Section id="area-coverage" title={t("areaCoverage")}>
        <DataTable
          testId="area-coverage"
          caption={t("coverageCaption")}
          rows={cells}
          rowKey={(c) => c.element}
          columns={[
            { key: "el", header: t("element"), rowHeader: true, cell: (c) => pick(t.lang, ELEMENTS[c.element]) },
            { key: "st", header: t("stations"), numeric: true, cell: (c) => c.stations },
            { key: "au", header: t("automatic"), numeric: true, cell: (c) => c.automatic },
            { key: "pl", header: t("planned"), numeric: true, cell: (c) => c.planned },
            {
              key: "rq",
              header: t("required"),
              numeric: true,
              cell: (c) => (c.required ? `≥${c.required}${c.automaticRequired ? ` (${t("automatic")})` : ""}` : "—"),
            },
            {
              key: "status",
              header: t("status"),
              cell: (c) => (
                <StatusPill
                  tone={COVERAGE_STATUS[c.status]?.tone ?? "neutral"}
                  label={pick(t.lang, COVERAGE_STATUS[c.status]?.label, c.status)}
                />
              ),
            },
          ]}
        />
      </Section>
      <FilterForm resetTo={`/areas/${d.area.code}`}>
        <SelectField
          name="element"
          label={t("element")}
          includeAll={t("all")}
          defaultValue={d.filters.element}
          options={ELEMENT_KEYS.map((k) => ({ value: k, label: pick(t.lang, ELEMENTS[k]) }))}
        />
        <SelectField
          name="alertKind"
          label={`${t("alerts")} · ${t("kind")}`}
          includeAll={t("all")}
          defaultValue={d.filters.alertKind}
          options={Object.entries(ALERT_KINDS).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
        />
        <SelectField
          name="alertStatus"
          label={`${t("alerts")} · ${t("status")}`}
          includeAll={t("all")}
          defaultValue={d.filters.alertStatus}
          options={Object.entries(ALERT_STATUSES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
        />
      </FilterForm>
      <Section
        id="area-stations"
        title={t("areaStations")}
        actions={<CsvLink href={`/export/stations.csv?${csvQuery}`} />}
      >
        <StationsTable
          stations={d.stations.edges.map((e) => e.node)}
          caption={`${nameOf(t.lang, d.area)} · ${t("areaStations")}`}
          showArea={false}
        />
        <Pager pageInfo={d.stations.pageInfo} total={d.stations.totalCount} prefix="s" label={t("areaStations")} />
      </Section>
      <Section
        id="area-alerts"
        title={t("areaAlerts")}
        actions={
          <CsvLink
            href={`/export/alerts.csv?${new URLSearchParams({ areaCode: d.area.code, ...(d.filters.alertKind ? { kind: d.filters.alertKind } : {}), ...(d.filters.alertStatus ? { status: d.filters.alertStatus } : {}) })}`}
          />
        }
      >
        <AlertsTable
          alerts={d.alerts.edges.map((e) => e.node)}
          caption={`${nameOf(t.lang, d.area)} · ${t("areaAlerts")}`}
        />
        <Pager pageInfo={d.alerts.pageInfo} total={d.alerts.totalCount} prefix="a" label={t("areaAlerts")} />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
