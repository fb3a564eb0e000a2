// 测管联动: the linkage cases a page at a time, soonest response deadline first, filtered (GET, in the URL) by area,
// status, deadline range and overdue (breached); and the open alerts waiting for a case, a page at a time.
import { LightPill } from "../components/DeadlineLight";
import { lightAt } from "../models/work-calendar.server";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDateTime } from "../components/status";
import { ListEmpty, ListFilterForm, ListNotices } from "../components/ListFilters";
import { ErrorNotice, PageHeader, Pager, pageArgs, Section, SubmitButton, type ActionResult } from "../components/ui";
import { WfStatus } from "../components/workflow";
import { LINKAGE_STATUSES } from "../../workflows/linkage/process";
import { nameOf, pick, useT } from "../i18n";
import { ALERT_KINDS, keys } from "../models/vocabulary";
import { graphql, PAGE_INFO } from "../utils/graphql";
import { gql, gqlOrThrow, errorResponse } from "../utils/graphql.server";
import { filtered, firstPage, loadPage, readFilters } from "../utils/list-page.server";

export const meta: MetaFunction = () => [{ title: "测管联动 / Monitoring–enforcement linkage" }];

const QUERY = /* @__PURE__ */ graphql(`
  query Linkage($first: Int, $after: String, $last: Int, $before: String) {
    me @_optional {
      role
    }
    areas(cityCode: "2306") {
      code
      name
      nameEn
    }
    alerts(status: OPEN, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      startIndex
      pageInfo {
        ...PageInfoFields
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
  }
  ${PAGE_INFO}
`);

const CASES = /* @__PURE__ */ graphql(`
  query LinkageCases(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $areaCode: String
    $status: LinkageStatus
    $dueFrom: Date
    $dueTo: Date
    $overdue: Boolean
  ) {
    linkageCasesConnection(
      first: $first
      after: $after
      last: $last
      before: $before
      areaCode: $areaCode
      status: $status
      dueFrom: $dueFrom
      dueTo: $dueTo
      overdue: $overdue
    ) {
      totalCount
      startIndex
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          workflowId
          title {
            zh
            en
          }
          status
          openedAt
          responseDeadline
          breached
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
    }
  }
  ${PAGE_INFO}
`);

/** The cases' cursor in the URL (`?case_after=…`), apart from the open alerts' (`?after=…`). */
const CASE_PAGE = "case_";
const PAGE_SIZE = 20;

/** The registry's alert id (the Relay node id is base64 of "Alert:<id>"). */
const alertId = (nodeId: string) => Number(Buffer.from(nodeId, "base64").toString("utf8").split(":").pop());

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const read = readFilters(url, { status: keys(LINKAGE_STATUSES) });
  // Open alerts a page at a time, newest first (?after=… / ?before=…); the cases soonest response deadline first,
  // filtered, with their own cursor (?case_after=…). A bad alerts cursor shows their first page and says so.
  const alertsPage = async () => {
    const r = await gql(request, QUERY, pageArgs(url, PAGE_SIZE));
    if (r.ok) return { d: r.data, notice: null };
    if (r.error.code !== "BAD_INPUT") throw errorResponse(r.error);
    return { d: await gqlOrThrow(request, QUERY, { first: PAGE_SIZE }), notice: firstPage(r.error) };
  };
  const [alertsRead, list] = await Promise.all([
    alertsPage(),
    loadPage(
      url,
      PAGE_SIZE,
      read.filters,
      read.notices,
      (f, page) =>
        gql(request, CASES, {
          ...page,
          areaCode: f.areaCode,
          status: f.status as keyof typeof LINKAGE_STATUSES | null,
          dueFrom: f.dueFrom,
          dueTo: f.dueTo,
          overdue: f.overdue,
        }),
      CASE_PAGE,
    ),
  ]);
  const d = alertsRead.d;
  const c = list.data.linkageCasesConnection;
  // Each case's response deadline is an instant (hours, not days; ADR 019): its light is read here, as on its page.
  const cases = c.edges.map((e) => ({ ...e.node, light: lightAt(e.node.responseDeadline, e.node.status !== "OPEN") }));
  return json({
    canOpen: d.me?.role === "STEERING_GROUP" || d.me?.role === "DEPARTMENT_MEMBER",
    areas: d.areas,
    alerts: d.alerts.edges.map((e) => ({ ...e.node, alertId: alertId(e.node.id) })),
    alertPage: { pageInfo: d.alerts.pageInfo, total: d.alerts.totalCount, start: d.alerts.startIndex },
    alertNotice: alertsRead.notice,
    filters: list.filters,
    filtered: filtered(list.filters),
    notices: list.notices,
    cases,
    casePage: { pageInfo: c.pageInfo, total: c.totalCount, start: c.startIndex, count: cases.length },
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
  const { canOpen, areas, alerts, alertPage, alertNotice, filters, filtered, notices, cases, casePage } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("linkageTitle")} />
      <ErrorNotice error={result?.error} />
      <Section id="cases" title={t("cases")}>
        <ListFilterForm resetTo="/linkage#cases" values={filters} areas={areas} statuses={LINKAGE_STATUSES} />
        <ListNotices notices={notices} />
        {cases.length === 0 ? <ListEmpty filtered={filtered} /> : null}
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
            {
              key: "deadline",
              header: t("dueDate"),
              cell: (c) => (
                <>
                  {shanghaiDateTime(c.responseDeadline)} <LightPill reading={c.light} />
                </>
              ),
            },
            {
              key: "status",
              header: t("status"),
              cell: (c) => <WfStatus status={c.status} overdue={c.breached} labels={LINKAGE_STATUSES} />,
            },
          ]}
        />
        <Pager
          pageInfo={casePage.pageInfo}
          total={casePage.total}
          start={casePage.start}
          count={casePage.count}
          prefix={CASE_PAGE}
          label={t("cases")}
        />
      </Section>
      <Section id="open-alerts" title={t("linkageOpen")}>
        <ErrorNotice error={alertNotice} />
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
