import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Layout, type Me } from "./components/Layout";
import { RouteErrorBoundary } from "./components/RouteErrorBoundary";
import { LANG_COOKIE, langFromRequest, type Lang } from "./i18n";
import { gql } from "./utils/graphql.server";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "大庆市生态环境监测网络建设 / Daqing eco-environment monitoring" }];

const ME = /* GraphQL */ `
  query Me {
    me { name role department { code name nameEn } area { code name nameEn } }
  }
`;

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = langFromRequest(request);
  const r = await gql<{ me: Me | null }>(request, ME);
  const me = r.ok ? r.data.me : null;
  // ?lang= on any page also remembers the choice.
  const asked = new URL(request.url).searchParams.get("lang");
  const headers = asked === lang ? { "Set-Cookie": `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` } : undefined;
  return json({ lang, me }, { headers });
}

/** A route whose handle says `hydrate: false` (the public dashboard) is complete as HTML: it ships no JavaScript. */
function useHydrate(): boolean {
  return !useMatches().some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

function Document({ lang, children }: { lang: Lang; children: ReactNode }) {
  const hydrate = useHydrate();
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
            <ScrollRestoration />
            <Scripts />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  const { lang, me } = useRouteLoaderData<typeof loader>("root")!;
  return (
    <Document lang={lang}>
      <Layout me={me}>
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
      <Layout me={data?.me ?? null}>
        <RouteErrorBoundary />
      </Layout>
    </Document>
  );
}
