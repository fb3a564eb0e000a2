import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Layout } from "./components/Layout";
import { RouteErrorBoundary } from "./components/RouteErrorBoundary";
import { LANG_COOKIE, langFromRequest, type Lang } from "./i18n";
import { graphql } from "./utils/graphql";
import { gql } from "./utils/graphql.server";
import { pageCalendar } from "./models/work-calendar.server";
import { useNonce } from "./utils/nonce-provider";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "大庆市生态环境监测网络建设 / Daqing eco-environment monitoring" }];

const ME = /* @__PURE__ */ graphql(`
  query Me {
    me @_optional {
      name
      role
      department @_optional {
        code
        name
        nameEn
      }
      area @_optional {
        code
        name
        nameEn
      }
    }
  }
`);

/** The header's count of what waits for me (the workspace's list, WaitingItem). */
const WAITING = /* @__PURE__ */ graphql(`
  query WaitingCount {
    waitingItems(first: 1) {
      totalCount
    }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = langFromRequest(request);
  const r = await gql(request, ME);
  const me = r.ok ? r.data.me : null;
  const w = me ? await gql(request, WAITING) : null;
  const waiting = w?.ok ? (w.data.waitingItems?.totalCount ?? null) : null;
  // ?lang= on any page also remembers the choice.
  const asked = new URL(request.url).searchParams.get("lang");
  const headers =
    asked === lang ? { "Set-Cookie": `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` } : undefined;
  // Today and the holiday schedule around it: every page lights its deadlines from these (DeadlineLight).
  return json({ lang, me, waiting, workdays: pageCalendar() }, { headers });
}

/** A route whose handle says `hydrate: false` (the public dashboard) is complete as HTML: it ships no JavaScript. */
function useHydrate(): boolean {
  return !useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

function Document({ lang, children }: { lang: Lang; children: ReactNode }) {
  const hydrate = useHydrate();
  const nonce = useNonce();
  return (
    <html lang={lang === "en" ? "en" : "zh-CN"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  const { lang, me, waiting } = useRouteLoaderData<typeof loader>("root")!;
  return (
    <Document lang={lang}>
      <Layout me={me} waiting={waiting}>
        <Outlet />
      </Layout>
    </Document>
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = data?.lang ?? "zh";
  return (
    <Document lang={lang}>
      <Layout me={data?.me ?? null} waiting={data?.waiting ?? null}>
        <RouteErrorBoundary />
      </Layout>
    </Document>
  );
}
