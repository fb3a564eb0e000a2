// The dashboard page's row: the server-rendered page (GET /) against the GraphQL operations its loaders run (the
// floor), in the same run on the same server; and the client JavaScript the page makes the browser load.
//   import { dashboardCases } from "./dashboard";  then  benchCases = [...registryCases, ...dashboardCases]
//   import { pageClientJs } from "./dashboard";    then  await pageClientJs(baseUrl, "/") → { files, bytes, gzipBytes }
// Both sides run on the product's server (the floor is GraphQL over HTTP, not SQL): when timing CPU, give the floor
// side the server's CPU too (`{ run: () => c.floor(ctx), extraCpuMs: product.cpuMs }`), or its CPU ratio is inflated.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { BenchCase, BenchContext } from "./cases";
import { DASHBOARD_QUERY, dashboardVariables, type DashboardData } from "../app/routes/_index/dashboard.server";
import { graphql } from "../app/utils/graphql";

/** The root loader's query (who is signed in), which every page runs beside its own. */
const ME_QUERY = graphql(`
  query Me {
    me {
      name
      role
      department {
        code
        name
        nameEn
      }
      area {
        code
        name
        nameEn
      }
    }
  }
`);

/** What the page's loaders ask the API for, run the way the loaders run them: both operations at once. */
export function dashboardFloor(ctx: BenchContext, now = new Date()) {
  return Promise.all([
    ctx.graphql(DASHBOARD_QUERY, dashboardVariables(new URL("http://bench/"), now)),
    ctx.graphql(ME_QUERY),
  ]);
}

export const dashboardCases: BenchCase[] = [
  {
    module: "web",
    operation: "dashboard page GET /",
    product: (ctx) => ctx.get("/"),
    floor: (ctx) => dashboardFloor(ctx),
    floorOnServer: true,
    check(product, floor) {
      const html = product as string;
      const [data] = floor as [DashboardData, unknown];
      const shown = Number(/data-testid="total-stations">(\d+)</.exec(html)?.[1]);
      const expected = data.coverageMatrix.rows.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.stations, 0), 0);
      if (shown !== expected) throw new Error(`dashboard shows ${shown} active stations, the API says ${expected}`);
    },
    note: "web: the public dashboard as server-rendered HTML (charts and map SVG by ECharts, memoised by their figures) vs the two GraphQL operations its loaders run, in parallel over HTTP",
  },
];

/** The JavaScript a page makes the browser load (script src and modulepreload), raw and gzipped, read from public/. */
export async function pageClientJs(baseUrl: string, pagePath = "/") {
  const html = await (await fetch(`${baseUrl}${pagePath}`)).text();
  const srcs = new Set<string>();
  for (const m of html.matchAll(
    /<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g,
  ))
    srcs.add(m[1] ?? m[2] ?? m[3]);
  // Inline module scripts import the entry and route chunks: follow their `import "..."` specifiers too.
  for (const m of html.matchAll(/import\s*(?:[^"']*from\s*)?["'](\/build\/[^"']+\.js)["']/g)) srcs.add(m[1]);
  let bytes = 0;
  let gzipBytes = 0;
  const files = [...srcs].filter((s) => s.startsWith("/build/"));
  for (const f of files) {
    const buf = readFileSync(path.join("public", f));
    bytes += buf.length;
    gzipBytes += gzipSync(buf, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes, inlineScripts: (html.match(/<script(?![^>]*\ssrc=)/g) ?? []).length };
}
