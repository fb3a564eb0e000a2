// 测管联动: open alerts waiting for a case, and every linkage case with its response deadline and state.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDateTime } from "../components/status";
import { ErrorNotice, PageHeader, Pager, pageArgs, Section, SubmitButton, type ActionResult } from "../components/ui";
import { WfStatus } from "../components/workflow";
import { LINKAGE_STATUSES } from "../../workflows/linkage/process";
import { nameOf, pick, useT } from "../i18n";
import { ALERT_KINDS } from "../models/vocabulary";
import { graphql } from "../utils/graphql";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "测管联动 / Monitoring–enforcement linkage" }];

const QUERY = /* @__PURE__ */ graphql(`
  query Linkage($first: Int, $after: String, $last: Int, $before: String) {
    me @_optional {
      role
    }
    alerts(status: OPEN, first: $first, after: $after, last: $last, before: $before) {
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
          kind
          occurredAt
          area {
            code
            name
            nameEn
          }
          station {
            code
            name
          }
        }
      }
    }
    linkageCases {
      workflowId
      title {
        zh
        en
      }
      status
      openedAt
      responseDeadline
      respondedAt @_optional
      breached
      violationFound @_optional
      area {
        code
        name
        nameEn
      }
      alert {
        kind
        station {
          name
        }
      }
    }
  }
`);

/** The registry's alert id (the Relay node id is base64 of "Alert:<id>"). */
const alertId = (nodeId: string) => Number(Buffer.from(nodeId, "base64").toString("utf8").split(":").pop());

export async function loader({ request }: LoaderFunctionArgs) {
  // Open alerts a page at a time, newest first; the cursor is in the URL (?after=… / ?before=…).
  const d = await gqlOrThrow(request, QUERY, pageArgs(new URL(request.url), 20));
  return json({
    canOpen: d.me?.role === "STEERING_GROUP" || d.me?.role === "DEPARTMENT_MEMBER",
    alerts: d.alerts.edges.map((e) => ({ ...e.node, alertId: alertId(e.node.id) })),
    alertPage: { pageInfo: d.alerts.pageInfo, total: d.alerts.totalCount, start: d.alerts.startIndex },
    cases: d.linkageCases,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const r = await gql(
    request,
    graphql(`
      mutation ($id: Int!) {
        openLinkageCase(alertId: $id) {
          workflowId
        }
      }
    `),
    { id: Number(form.get("alertId")) },
  );
  if (r.ok) return redirect(`/linkage/${encodeURIComponent(r.data.openLinkageCase.workflowId)}`);
  return json<ActionResult>({ ok: false, error: r.error }, { status: 400 });
}

export default function Linkage() {
  const { canOpen, alerts, alertPage, cases } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("linkageTitle")} />
      <ErrorNotice error={result?.error} />
      <Section id="cases" title={t("cases")}>
        <DataTable
          testId="cases"
          caption={t("cases")}
          rows={cases}
          rowKey={(c) => c.workflowId}
          columns={[
            {
              key: "id",
              header: t("cases"),
              rowHeader: true,
              cell: (c) => (
                <Link to={`/linkage/${encodeURIComponent(c.workflowId)}`}>
                  {pick(t.lang, [c.title.zh, c.title.en])}
                </Link>
              ),
            },
            { key: "area", header: t("area"), cell: (c) => nameOf(t.lang, c.area) },
            {
              key: "alert",
              header: t("alerts"),
              cell: (c) => `${pick(t.lang, ALERT_KINDS[c.alert.kind])} · ${c.alert.station.name}`,
            },
            { key: "opened", header: t("occurredAt"), cell: (c) => shanghaiDateTime(c.openedAt) },
            { key: "deadline", header: t("dueDate"), cell: (c) => shanghaiDateTime(c.responseDeadline) },
            {
              key: "status",
              header: t("status"),
              cell: (c) => <WfStatus status={c.status} overdue={c.breached} labels={LINKAGE_STATUSES} />,
            },
          ]}
        />
      </Section>
      <Section id="open-alerts" title={t("linkageOpen")}>
        <DataTable
          testId="open-alerts"
          caption={t("linkageOpen")}
          rows={alerts}
          rowKey={(a) => a.id}
          columns={[
            { key: "at", header: t("occurredAt"), rowHeader: true, cell: (a) => shanghaiDateTime(a.occurredAt) },
            { key: "kind", header: t("kind"), cell: (a) => pick(t.lang, ALERT_KINDS[a.kind]) },
            { key: "station", header: t("stations"), cell: (a) => `${nameOf(t.lang, a.area)} · ${a.station.name}` },
            {
              key: "open",
              header: t("action"),
              cell: (a) =>
                canOpen ? (
                  <Form method="post">
                    <input type="hidden" name="alertId" value={a.alertId} />
                    <SubmitButton label={`${t("openCase")} #${a.alertId}`} variant="secondary" />
                  </Form>
                ) : null,
            },
          ]}
        />
        <Pager
          pageInfo={alertPage.pageInfo}
          total={alertPage.total}
          start={alertPage.start}
          count={alerts.length}
          label={t("linkageOpen")}
        />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
