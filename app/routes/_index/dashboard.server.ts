// The dashboard's data: one GraphQL operation (also what the benchmark measures as the page's floor), the period
// and filters read from the URL, and the charts rendered server-side from the same figures.
import { RESPONSE_BUCKET_LABELS } from "../../components/status";
import { DAQING } from "../../models/target.server";
import { ELEMENTS, ELEMENT_KEYS, type Element } from "../../models/vocabulary";
import { langFromRequest, pick, translate, type Lang } from "../../i18n";
import { graphql, type ResultOf } from "../../utils/graphql";
import { gqlOrThrow } from "../../utils/graphql.server";
import { barChart, coverageMap, stationsByElementChart, trendChart } from "../../utils/charts.server";
import { SHANGHAI_OFFSET_MS } from "../../utils/time";

export const DASHBOARD_QUERY = /* @__PURE__ */ graphql(`
  query Dashboard($cityCode: String!, $elements: [Element!], $from: DateTime!, $to: DateTime!) {
    coverageMatrix(cityCode: $cityCode, elements: $elements) {
      rows {
        area {
          code
          name
          nameEn
          kind
        }
        cells {
          element
          stations
          automatic
          planned
          required
          automaticRequired
          status
        }
      }
    }
    targets {
      code
      title
      titleEn
      dueDate @_optional
      measure
      task @_optional {
        code
      }
      progress @_optional {
        status
        percent
        value
        required
        summaryZh
        summaryEn
      }
    }
    alertSummary(from: $from, to: $to) {
      kind
      status
      count
    }
    alertTrend(from: $from, to: $to) {
      month
      raised
      closed
    }
    linkageSummary(from: $from, to: $to) {
      opened
      open
      closed
      answeredInTime
      answeredLate
      unansweredPastDeadline
      awaiting
      onTimeShare @_optional
      violations
      noViolation
      joint
      responseTimes {
        bucket
        count
      }
      months {
        month
        opened
        closed
      }
    }
  }
`);

export type DashboardData = ResultOf<typeof DASHBOARD_QUERY>;
type MatrixRow = DashboardData["coverageMatrix"]["rows"][number];
type LinkageSummary = DashboardData["linkageSummary"];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The linkage period as whole Asia/Shanghai months; by default the last twelve, this month included. */
export function periodFrom(url: URL, now = new Date()) {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const thisMonth = `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, "0")}`;
  const back = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 11, 1));
  const defaultFrom = `${back.getUTCFullYear()}-${String(back.getUTCMonth() + 1).padStart(2, "0")}`;
  let fromMonth = url.searchParams.get("from") ?? "";
  let toMonth = url.searchParams.get("to") ?? "";
  if (!MONTH.test(fromMonth)) fromMonth = defaultFrom;
  if (!MONTH.test(toMonth)) toMonth = thisMonth;
  if (toMonth < fromMonth) [fromMonth, toMonth] = [toMonth, fromMonth];
  const [ty, tm] = toMonth.split("-").map(Number);
  const end = new Date(Date.UTC(ty, tm, 1)); // first day of the month after `to`
  const endMonth = `${end.getUTCFullYear()}-${String(end.getUTCMonth() + 1).padStart(2, "0")}`;
  return {
    fromMonth,
    toMonth,
    from: new Date(`${fromMonth}-01T00:00:00+08:00`),
    to: new Date(`${endMonth}-01T00:00:00+08:00`),
  };
}

export function dashboardVariables(url: URL, now = new Date()) {
  const element = url.searchParams.get("element");
  const p = periodFrom(url, now);
  return {
    cityCode: DAQING,
    elements: element && (ELEMENT_KEYS as string[]).includes(element) ? [element as Element] : null,
    from: p.from.toISOString(),
    to: p.to.toISOString(),
  };
}

/** The figures every dashboard table (and its CSV) shows, without the charts. */
export async function dashboardFigures(request: Request) {
  const url = new URL(request.url);
  const lang = langFromRequest(request);
  const period = periodFrom(url);
  const data = await gqlOrThrow(request, DASHBOARD_QUERY, dashboardVariables(url));
  const kind = url.searchParams.get("kind");
  const rows = data.coverageMatrix.rows.filter((r) => !kind || r.area.kind === kind);
  const elements = rows[0]?.cells.map((c) => c.element) ?? [];
  const byElement = elements.map((el) => {
    const cells = rows.map((r) => r.cells.find((c) => c.element === el)!);
    return {
      element: el,
      stations: sum(cells.map((c) => c.stations)),
      automatic: sum(cells.map((c) => c.automatic)),
      planned: sum(cells.map((c) => c.planned)),
      required: cells.filter((c) => c.status !== "NOT_REQUIRED").length,
      met: cells.filter((c) => c.status === "MET").length,
    };
  });
  const linkage = linkageFigures(data);
  return {
    trend: data.alertTrend,
    lang,
    period: { from: period.fromMonth, to: period.toMonth },
    filters: { element: url.searchParams.get("element") ?? "", kind: kind ?? "" },
    rows,
    byElement,
    totals: {
      stations: sum(byElement.map((e) => e.stations)),
      automatic: sum(byElement.map((e) => e.automatic)),
      cellsRequired: sum(byElement.map((e) => e.required)),
      cellsMet: sum(byElement.map((e) => e.met)),
    },
    targets: data.targets,
    linkage,
  };
}

export async function loadDashboard(request: Request) {
  const { trend, ...figures } = await dashboardFigures(request);
  return {
    ...figures,
    charts: renderCharts(figures.lang, figures.rows, figures.byElement, trend, figures.linkage.cases),
  };
}

function linkageFigures(data: DashboardData) {
  const count = (status?: string, kind?: string) =>
    sum(
      data.alertSummary
        .filter((r) => (!status || r.status === status) && (!kind || r.kind === kind))
        .map((r) => r.count),
    );
  const total = count();
  const kinds = [...new Set(data.alertSummary.map((r) => r.kind))].map((k) => ({
    kind: k,
    total: count(undefined, k),
    open: count("OPEN", k),
    inLinkage: count("IN_LINKAGE", k),
    closed: count("CLOSED", k),
  }));
  return {
    total,
    open: count("OPEN"),
    inLinkage: count("IN_LINKAGE"),
    closed: count("CLOSED"),
    closedShare: total ? Math.round((count("CLOSED") / total) * 1000) / 10 : null,
    kinds,
    trend: data.alertTrend,
    cases: data.linkageSummary,
  };
}

function renderCharts(
  lang: Lang,
  rows: MatrixRow[],
  byElement: { element: Element; stations: number; automatic: number }[],
  trend: DashboardData["alertTrend"],
  cases: LinkageSummary,
) {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const mapAreas = rows
    .filter((r) => r.area.kind !== "ZONE")
    .map((r) => {
      const req = r.cells.filter((c) => c.status !== "NOT_REQUIRED");
      const met = req.filter((c) => c.status === "MET").length;
      const value = req.length ? Math.round((met / req.length) * 100) : 100;
      const name = lang === "en" ? r.area.nameEn : r.area.name;
      return { code: r.area.code, name: r.area.name, label: `${name}\n${met}/${req.length}`, value };
    });
  return {
    stations: stationsByElementChart({
      title: t("chartTitle"),
      labels: byElement.map((e) => pick(lang, ELEMENTS[e.element])),
      stations: byElement.map((e) => e.stations),
      automatic: byElement.map((e) => e.automatic),
      seriesNames: [t("stations"), t("automatic")],
    }),
    map: coverageMap({ title: t("mapTitle"), areas: mapAreas, legendText: ["100%", "0%"] }),
    responseTimes: barChart({
      title: t("responseTimes"),
      labels: cases.responseTimes.map((b) => pick(lang, RESPONSE_BUCKET_LABELS[b.bucket], b.bucket)),
      values: cases.responseTimes.map((b) => b.count),
      seriesName: t("cases"),
    }),
    trend: trendChart({
      title: t("linkageTrend"),
      months: trend.map((m) => m.month),
      raised: trend.map((m) => m.raised),
      closed: trend.map((m) => m.closed),
      seriesNames: [t("raised"), t("closed")],
    }),
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
