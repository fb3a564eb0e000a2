// The lint rule that keeps server-only values out of the browser bundle, on the shapes it must catch (today's
// dashboard crash first) and the shapes every route here uses and must keep using.
import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, it } from "vitest";
import rule from "../../eslint-rules/no-server-value-in-client.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { ecmaFeatures: { jsx: true } },
    ecmaVersion: 2022,
    sourceType: "module",
  },
});

const ROUTE = "app/routes/_index/route.tsx";
const FLAT_ROUTE = "app/routes/reports._index.tsx";
const COMPONENT = "app/components/Chart.tsx";

tester.run("no-server-value-in-client", rule, {
  valid: [
    {
      name: "the dashboard after the fix: the server import used by the loader only, the labels from a shared module",
      filename: ROUTE,
      code: `
        import { loadDashboard } from "./dashboard.server";
        import { RESPONSE_BUCKET_LABELS } from "../../components/status";
        export async function loader({ request }) { return json(await loadDashboard(request)); }
        export default function Dashboard() { const d = useLoaderData<typeof loader>(); return <LinkageCases labels={RESPONSE_BUCKET_LABELS} cases={d.cases} />; }`,
    },
    {
      name: "a flat route's loader and action",
      filename: FLAT_ROUTE,
      code: `import { gql, gqlOrThrow } from "../utils/graphql.server"; export const loader = async ({ request }) => gqlOrThrow(request, Q); export async function action({ request }) { return gql(request, M); } export default function R() { return null; }`,
    },
    {
      name: "headers",
      filename: "app/root.tsx",
      code: `import { cacheFor } from "./utils/cache.server"; export const headers = () => cacheFor(60); export default function App() { return null; }`,
    },
    {
      name: "helpers used only by loader and action, transitively, mutual recursion included",
      filename: FLAT_ROUTE,
      code: `
        import { gqlOrThrow } from "../utils/graphql.server";
        const QUERY = "query { x }";
        async function read(request) { return gqlOrThrow(request, QUERY); }
        const readTwice = async (request) => [await read(request), await read(request)];
        function even(n, r) { return n === 0 ? gqlOrThrow(r, QUERY) : odd(n - 1, r); }
        function odd(n, r) { return even(n - 1, r); }
        export async function loader({ request }) { return readTwice(request); }
        export async function action({ request }) { return even(2, request); }
        export default function R() { return null; }`,
    },
    {
      name: "a local function exported as loader",
      filename: FLAT_ROUTE,
      code: `import { db } from "../utils/db.server"; function load() { return db.x(); } export { load as loader }; export default function R() { return null; }`,
    },
    {
      name: "loader and action re-exported from a .server module",
      filename: FLAT_ROUTE,
      code: `export { loader, action } from "./reports.server"; export default function R() { return null; }`,
    },
    {
      name: "type-only imports and type positions",
      filename: ROUTE,
      code: `
        import type { DashboardData } from "./dashboard.server";
        import { type Item, loadWorkspace } from "./workspace.server";
        export async function loader({ request }) { return loadWorkspace(request); }
        type Loaded = Awaited<ReturnType<typeof loadWorkspace>>;
        export default function W({ items }: { items: Item[]; data: DashboardData; loaded: Loaded }) { return null; }`,
    },
    {
      name: "a component module importing only a type",
      filename: COMPONENT,
      code: `import type { Me } from "../utils/session.server"; export function Who({ me }: { me: Me }) { return <span>{me.name}</span>; }`,
    },
    {
      name: "a .server module may use another",
      filename: "app/routes/_index/dashboard.server.ts",
      code: `import { gqlOrThrow } from "../../utils/graphql.server"; export const load = (r) => gqlOrThrow(r, Q);`,
    },
    {
      name: "code outside app/ is server-only",
      filename: "graphql/schema/task.ts",
      code: `import { db } from "../../app/utils/db.server"; export const x = db.task;`,
    },
    {
      name: "a module in a .server directory",
      filename: "app/.server/mail.ts",
      code: `import { env } from "../utils/env.server"; export const from = env.MAIL_FROM;`,
    },
    {
      name: "a server value passed along (not called) while the loader is declared",
      filename: FLAT_ROUTE,
      code: `import { read } from "../utils/read.server"; export const loader = withViewer(read); export default function R() { return null; }`,
    },
  ],
  invalid: [
    {
      name: "today's bug: the dashboard component renders a value imported from dashboard.server",
      filename: ROUTE,
      code: `
        import { loadDashboard, RESPONSE_BUCKET_LABELS } from "./dashboard.server";
        export const handle = { hydrate: false };
        export async function loader({ request }) { return json(await loadDashboard(request), { headers: { "Cache-Control": "no-store" } }); }
        export default function Dashboard() {
          const d = useLoaderData<typeof loader>();
          return <LinkageCases cases={d.linkage.cases} chartSvg={d.charts.responseTimes} labels={RESPONSE_BUCKET_LABELS} search={q} />;
        }`,
      errors: [{ messageId: "route", data: { name: "RESPONSE_BUCKET_LABELS", source: "./dashboard.server" } }],
    },
    {
      name: "a helper used by the loader and by the component",
      filename: FLAT_ROUTE,
      code: `
        import { label } from "../utils/labels.server";
        const title = (x) => label(x);
        export async function loader() { return title("a"); }
        export default function R() { return <h1>{title("b")}</h1>; }`,
      errors: [{ messageId: "route" }],
    },
    {
      name: "transitively reachable from the component",
      filename: FLAT_ROUTE,
      code: `
        import { db } from "../utils/db.server";
        function inner() { return db.count(); }
        function outer() { return inner(); }
        export const meta = () => [{ title: String(outer()) }];
        export async function loader() { return inner(); }`,
      errors: [{ messageId: "route" }],
    },
    {
      name: "an exported helper other than loader/action/headers",
      filename: FLAT_ROUTE,
      code: `import { gql } from "../utils/graphql.server"; export function helper(r) { return gql(r); }`,
      errors: [{ messageId: "route" }],
    },
    {
      name: "an unused helper: nothing keeps it out of the browser",
      filename: FLAT_ROUTE,
      code: `import { gql } from "../utils/graphql.server"; function orphan(r) { return gql(r); }`,
      errors: [{ messageId: "route" }],
    },
    {
      name: "a server component rendered as JSX",
      filename: FLAT_ROUTE,
      code: `import { Secret } from "./secret.server"; export default function R() { return <Secret />; }`,
      errors: [{ messageId: "route" }],
    },
    {
      name: "read at module level in the route body",
      filename: FLAT_ROUTE,
      code: `import { LIMITS } from "../utils/env.server"; console.log(LIMITS); export default function R() { return null; }`,
      errors: [{ messageId: "route" }],
    },
    {
      name: "called when the module loads, even though only the loader uses the result",
      filename: FLAT_ROUTE,
      code: `import { makeClient } from "../utils/client.server"; const client = makeClient(); export async function loader() { return client.get(); }`,
      errors: [{ messageId: "moduleLoad" }],
    },
    {
      name: "re-exporting a server value under a browser export",
      filename: FLAT_ROUTE,
      code: `export { Page as default } from "./page.server";`,
      errors: [{ messageId: "reexport", data: { name: "default", source: "./page.server" } }],
    },
    {
      name: "re-exporting everything",
      filename: FLAT_ROUTE,
      code: `export * from "./all.server";`,
      errors: [{ messageId: "reexport" }],
    },
    {
      name: "an imported server binding exported locally",
      filename: FLAT_ROUTE,
      code: `import { meta } from "./meta.server"; export { meta };`,
      errors: [{ messageId: "reexport" }],
    },
    {
      name: "a component module: any runtime use",
      filename: COMPONENT,
      code: `import { renderChart } from "../utils/charts.server"; export async function chartFor(x) { return renderChart(x); }`,
      errors: [{ messageId: "client", data: { name: "renderChart", source: "../utils/charts.server" } }],
    },
    {
      name: "a helper beside a route (not itself a route module) reaches the browser through the route",
      filename: "app/routes/tasks.$code/workflow-items.tsx",
      code: `import { gql } from "../../utils/graphql.server"; export async function items(r) { return gql(r, Q); } export function Items() { return null; }`,
      errors: [{ messageId: "client" }],
    },
    {
      name: "i18n from a .server directory",
      filename: "app/i18n/index.ts",
      code: `import { dictionary } from "../.server/dictionary"; export const t = (k) => dictionary[k];`,
      errors: [{ messageId: "client" }],
    },
    {
      name: "a side-effect import in a client module",
      filename: COMPONENT,
      code: `import "../utils/polyfill.server"; export const x = 1;`,
      errors: [{ messageId: "bare" }],
    },
    {
      name: "a namespace import",
      filename: COMPONENT,
      code: `import * as server from "../utils/db.server"; export const f = () => server.db;`,
      errors: [{ messageId: "client" }],
    },
  ],
});
