// 查找: tasks, progress reports, stations, inspection findings and linkage cases found by a phrase of their words,
// only those the reader may read (the API's search query; app/models/search.server.ts). The header's search box (a GET
// form, app/components/SearchBox.tsx) lands here, so a search is a URL that works without JavaScript.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { EmptyState, ErrorNotice, Notice, PageHeader, Section } from "../components/ui";
import { pick, useT } from "../i18n";
import { graphql } from "../utils/graphql";
import { gql } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "查找 / Search" }];

const QUERY = /* @__PURE__ */ graphql(`
  query Search($query: String!) {
    search(query: $query) {
      fallback
      hits {
        kind
        path
        snippet
        title {
          zh
          en
        }
      }
    }
  }
`);

const KINDS = {
  TASK: ["任务", "Task"],
  REPORT: ["推进落实情况报告", "Progress report"],
  STATION: ["监测站点", "Station"],
  FINDING: ["检查发现的问题", "Inspection finding"],
  LINKAGE: ["联动案件", "Linkage case"],
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  if (!q.trim()) return json({ q, result: null, error: null });
  const r = await gql(request, QUERY, { query: q });
  return json(r.ok ? { q, result: r.data.search, error: null } : { q, result: null, error: r.error }, {
    status: r.ok ? 200 : 400,
  });
}

export default function SearchPage() {
  const { result, error } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("searchTitle")} />
      <ErrorNotice error={error} />
      {!result && !error ? <p>{t("searchLabel")}</p> : null}
      {result ? (
        <Section id="hits" title={`${t("searchHits")} (${result.hits.length})`}>
          {result.fallback ? <Notice>{t("searchShort")}</Notice> : null}
          {result.hits.length === 0 ? (
            <EmptyState>{t("searchNone")}</EmptyState>
          ) : (
            <DataTable
              testId="search-hits"
              caption={t("searchHits")}
              rows={result.hits}
              rowKey={(h) => `${h.path}#${h.title.zh}`}
              columns={[
                {
                  key: "title",
                  header: t("item"),
                  rowHeader: true,
                  cell: (h) => <Link to={h.path}>{pick(t.lang, [h.title.zh, h.title.en])}</Link>,
                },
                { key: "kind", header: t("searchKind"), cell: (h) => pick(t.lang, KINDS[h.kind]) },
                { key: "snippet", header: t("searchContext"), cell: (h) => h.snippet },
              ]}
            />
          )}
        </Section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
