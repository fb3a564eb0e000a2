// 信息统一发布: the public dashboard. Station coverage (area × element), the 2020 targets, the linkage loop, a chart
// and a map rendered on the server; filters are a GET form, every table exports as CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { CoverageMatrix } from "../../components/CoverageMatrix";
import { LinkageCases } from "../../components/LinkageCases";
import { LinkagePanel } from "../../components/LinkagePanel";
import { RouteErrorBoundary } from "../../components/RouteErrorBoundary";
import { TargetsTable } from "../../components/TargetsTable";
import { CsvLink, Field, FilterForm, PageHeader, Section, SelectField, Stat } from "../../components/ui";
import { pick, useT } from "../../i18n";
import { AREA_KINDS, ELEMENTS, ELEMENT_KEYS } from "../../models/vocabulary";
import { loadDashboard } from "./dashboard.server";

// Read-only and complete as server-rendered HTML (filters are a GET form, charts are SVG): no client JavaScript.
export const handle = { hydrate: false };

export const meta: MetaFunction = () => [{ title: "信息统一发布 / Public dashboard" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadDashboard(request), { headers: { "Cache-Control": "no-store" } });
}

export default function Dashboard() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const { search } = useLocation();
  const share = d.totals.stations
    ? `${Math.round((d.totals.automatic / d.totals.stations) * 1000) / 10}%`
    : t("noStationsYet");
  const q = search || "";
  return (
    <>
      <PageHeader title={t("dashTitle")} lead={t("dashIntro")} />
      <FilterForm resetTo="/">
        <SelectField
          name="element"
          label={t("element")}
          includeAll={t("all")}
          defaultValue={d.filters.element}
          options={ELEMENT_KEYS.map((k) => ({ value: k, label: pick(t.lang, ELEMENTS[k]) }))}
        />
        <SelectField
          name="kind"
          label={t("area")}
          includeAll={t("all")}
          defaultValue={d.filters.kind}
          options={Object.entries(AREA_KINDS).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
        />
        <Field name="from" type="month" label={`${t("period")} · ${t("from")}`} defaultValue={d.period.from} />
        <Field name="to" type="month" label={`${t("period")} · ${t("to")}`} defaultValue={d.period.to} />
      </FilterForm>

      <div className="stats" data-testid="coverage-stats">
        <Stat label={t("stations")} value={<span data-testid="total-stations">{d.totals.stations}</span>} />
        <Stat label={t("automatic")} value={<span data-testid="total-automatic">{d.totals.automatic}</span>} />
        <Stat label={t("automaticShare")} value={<span data-testid="automatic-share">{share}</span>} />
        <Stat
          label={t("elementsMet")}
          value={<span data-testid="cells-met">{`${d.totals.cellsMet}/${d.totals.cellsRequired}`}</span>}
        />
      </div>

      <Section id="coverage" title={t("coverageTitle")} actions={<CsvLink href={`/export/coverage.csv${q}`} />}>
        <CoverageMatrix rows={d.rows} byElement={d.byElement} search={q} />
      </Section>

      <div className="grid-2">
        <Section id="chart" title={t("chartTitle")} actions={<CsvLink href={`/export/coverage-by-element.csv${q}`} />}>
          <div className="chart" data-testid="stations-chart" dangerouslySetInnerHTML={{ __html: d.charts.stations }} />
        </Section>
        <Section id="map" title={t("mapTitle")}>
          <div className="chart" data-testid="coverage-map" dangerouslySetInnerHTML={{ __html: d.charts.map }} />
          <p className="small muted">{t("mapNote")}</p>
        </Section>
      </div>

      <Section id="targets" title={t("targetsTitle")} actions={<CsvLink href="/export/targets.csv" />}>
        <TargetsTable targets={d.targets} caption={t("targetsTitle")} />
      </Section>

      <LinkagePanel linkage={d.linkage} trendSvg={d.charts.trend} period={d.period} search={q} />
      <LinkageCases cases={d.linkage.cases} chartSvg={d.charts.responseTimes} search={q} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
