// 发文登记簿 (steering group): every official document numbered, newest first, by year, a page at a time; each with its
// 发文字号, title, who registered it and when, and its downloads (which carry the registered number).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDateTime } from "../components/status";
import { FilterForm, PageHeader, Pager, pageArgs, Section, SelectField } from "../components/ui";
import { pick, useT } from "../i18n";
import { graphql } from "../utils/graphql";
import { gqlOrThrow } from "../utils/graphql.server";
import { REGISTER_WORDS as W, withFormat } from "./documents.register.new/words";

export const meta: MetaFunction = () => [{ title: "发文登记 / Document register" }];

const PAGE_SIZE = 20;

const QUERY = /* @__PURE__ */ graphql(`
  query DocumentRegister($year: Int, $first: Int, $after: String, $last: Int, $before: String) {
    documentRegisterYears
    documentRegisterConnection(year: $year, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      startIndex
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          number
          series
          title
          path
          registeredBy
          registeredAt
        }
      }
    }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const asked = url.searchParams.get("year");
  if (asked && !/^\d{4}$/.test(asked))
    throw json({ code: "BAD_INPUT", zh: W.badYear[0], en: W.badYear[1] }, { status: 400 });
  const year = asked ? Number(asked) : null;
  const d = await gqlOrThrow(request, QUERY, { year, ...pageArgs(url, PAGE_SIZE) });
  const c = d.documentRegisterConnection;
  return json({
    year,
    years: d.documentRegisterYears,
    rows: c.edges.map((e) => e.node),
    page: { pageInfo: c.pageInfo, total: c.totalCount, start: c.startIndex ?? 0 },
  });
}

export default function DocumentRegister() {
  const { year, years, rows, page } = useLoaderData<typeof loader>();
  const t = useT();
  const w = (pair: readonly [string, string]) => pick(t.lang, pair);
  return (
    <>
      <PageHeader title={w(W.registerTitle)} lead={w(W.registerLead)} />
      <FilterForm resetTo="/documents/register">
        <SelectField
          name="year"
          label={w(W.year)}
          includeAll={w(W.allYears)}
          defaultValue={year === null ? null : String(year)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </FilterForm>
      <Section id="register" title={w(W.registerTitle)}>
        <Pager
          pageInfo={page.pageInfo}
          total={page.total}
          start={page.start}
          count={rows.length}
          unit={{ zh: "份", en: "documents" }}
          label={w(W.registerPages)}
        />
        <DataTable
          testId="document-register"
          caption={w(W.registerTitle)}
          rows={rows}
          rowKey={(r) => String(r.id)}
          empty={w(W.registerEmpty)}
          columns={[
            { key: "number", header: w(W.number), rowHeader: true, cell: (r) => r.number },
            { key: "title", header: w(W.documentTitle), cell: (r) => r.title },
            { key: "by", header: w(W.registeredBy), cell: (r) => r.registeredBy },
            { key: "at", header: w(W.registeredAt), cell: (r) => shanghaiDateTime(r.registeredAt) },
            {
              key: "files",
              header: w(W.files),
              cell: (r) => (
                <>
                  <a href={withFormat(r.path, "docx")} download>
                    Word
                  </a>{" "}
                  ·{" "}
                  <a href={withFormat(r.path, "pdf")} download>
                    PDF
                  </a>
                </>
              ),
            },
          ]}
        />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
