// 邮件发件箱: every notice, reminder, return and escalation the product sent (or, without SMTP, only stored).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDateTime } from "../components/status";
import { FilterForm, Field, PageHeader, Pager, pageArgs, Section, SelectField } from "../components/ui";
import { pick, useT } from "../i18n";
import { graphql, PAGE_INFO } from "../utils/graphql";
import { processOf } from "../../workflows/processes";
import { gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "邮件发件箱 / E-mail outbox" }];

const PAGE_SIZE = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const sp = url.searchParams;
  const filters = { toEmail: sp.get("toEmail") || null, item: sp.get("item") || null };
  const d = await gqlOrThrow(
    request,
    graphql(`
      query ($toEmail: String, $workflowId: String, $first: Int, $after: String, $last: Int, $before: String) {
        outboxConnection(
          first: $first
          after: $after
          last: $last
          before: $before
          toEmail: $toEmail
          workflowId: $workflowId
        ) {
          totalCount
          startIndex
          pageInfo {
            ...PageInfoFields
          }
          edges {
            node {
              id
              toEmail
              toName
              subject
              body
              template
              workflowId @_optional
              about @_optional {
                zh
                en
              }
              createdAt
              sentAt @_optional
              locale
            }
          }
        }
        outboxItems {
          workflowId
          title {
            zh
            en
          }
        }
      }
      ${PAGE_INFO}
    `),
    // A page at a time, newest first; the cursor is in the URL with the filters (?after=… / ?before=…).
    { toEmail: filters.toEmail, workflowId: filters.item, ...pageArgs(url, PAGE_SIZE) },
  );
  const c = d.outboxConnection;
  return json({
    messages: c.edges.map((e) => e.node),
    page: { pageInfo: c.pageInfo, total: c.totalCount, start: c.startIndex ?? 0 },
    items: d.outboxItems,
    filters,
  });
}

export default function Outbox() {
  const { messages, page, items, filters } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("outboxTitle")} />
      <FilterForm resetTo="/admin/outbox">
        <Field name="toEmail" label={t("recipient")} defaultValue={filters.toEmail} />
        <SelectField
          name="item"
          label={t("outboxItem")}
          includeAll={t("outboxAllItems")}
          defaultValue={filters.item}
          options={items.map((i) => ({ value: i.workflowId, label: pick(t.lang, [i.title.zh, i.title.en]) }))}
        />
      </FilterForm>
      <Section id="outbox" title={t("outboxTitle")}>
        <Pager
          pageInfo={page.pageInfo}
          total={page.total}
          start={page.start}
          count={messages.length}
          unit={{ zh: "封", en: "messages" }}
          label={t("outboxPages")}
        />
        <DataTable
          testId="outbox"
          caption={t("outboxTitle")}
          rows={messages}
          rowKey={(m) => String(m.id)}
          columns={[
            { key: "at", header: t("when"), rowHeader: true, cell: (m) => shanghaiDateTime(m.createdAt) },
            { key: "to", header: t("recipient"), cell: (m) => `${m.toName} <${m.toEmail}>` },
            {
              key: "subject",
              header: t("subject"),
              cell: (m) => (
                <details>
                  <summary>{m.subject}</summary>
                  <pre className="quote small">{m.body}</pre>
                </details>
              ),
            },
            {
              key: "about",
              header: t("outboxItem"),
              cell: (m) => {
                const path = m.workflowId ? processOf(m.workflowId)?.path(m.workflowId) : null;
                const title = m.about ? pick(t.lang, [m.about.zh, m.about.en]) : t("outboxNoItem");
                return path ? <Link to={path}>{title}</Link> : title;
              },
            },
            {
              key: "sent",
              header: t("sentAt"),
              cell: (m) => (m.sentAt ? shanghaiDateTime(m.sentAt) : <span className="muted">{t("notSent")}</span>),
            },
          ]}
        />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
