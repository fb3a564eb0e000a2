// One station: its facts, alerts and change history; edit and retire forms for signed-in writers. The API decides
// who may write (the steering group, or the operating department) and its refusal is shown as it says it.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ChangeHistory, HISTORY_FIELDS } from "../components/ChangeHistory";
import { AlertsTable, ALERT_FIELDS } from "../components/RegistryTables";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { StationFields, stationInput } from "../components/StationForm";
import { shanghaiDate, STATION_STATUS_TONE } from "../components/status";
import { ErrorNotice, Field, Notice, PageHeader, Section, StatusPill, SubmitButton } from "../components/ui";
import { nameOf, pick, useT } from "../i18n";
import { ELEMENTS, STATION_MODES, STATION_STATUSES } from "../models/vocabulary";
import { graphql } from "../utils/graphql";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.station.code} ${data.station.name}` : "Station" },
];

const QUERY = /* @__PURE__ */ graphql(`
  query StationPage($code: String!) {
    me @_optional { role department @_optional { code } }
    station(code: $code) {
      code name element mode status commissionedOn @_optional retiredOn @_optional latitude @_optional
      longitude @_optional demo area { code name nameEn } operator @_optional { code name nameEn }
      alerts(first: 20) { edges { node { ${ALERT_FIELDS} } } }
    }
  }
`);
const HISTORY = /* @__PURE__ */ graphql(
  `query ($code: String!) { changeHistory(entityType: "Station", entityId: $code, first: 50) { edges { node { ${HISTORY_FIELDS} } } } }`,
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY, { code: String(params.code) });
  const history = d.me ? await gqlOrThrow(request, HISTORY, { code: String(params.code) }) : null;
  return json({ ...d, history });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = form.get("intent");
  const r =
    intent === "retire"
      ? await gql(
          request,
          graphql(`
            mutation ($code: String!, $retiredOn: Date!, $reason: String) {
              retireStation(code: $code, retiredOn: $retiredOn, reason: $reason) {
                code
              }
            }
          `),
          {
            code: String(params.code),
            retiredOn: String(form.get("retiredOn") ?? ""),
            reason: String(form.get("reason") ?? "") || null,
          },
        )
      : await gql(
          request,
          graphql(`
            mutation ($input: UpdateStationInput!) {
              updateStation(input: $input) {
                code
              }
            }
          `),
          {
            input: {
              ...stationInput(form, ["name", "mode", "status", "commissionedOn", "latitude", "longitude"]),
              code: String(params.code),
            },
          },
        );
  if (r.ok) return redirect(`/stations/${encodeURIComponent(params.code ?? "")}?saved=1`);
  return json({ intent: String(intent), error: r.error }, { status: r.error.code === "FORBIDDEN" ? 403 : 400 });
}

export default function StationPage() {
  const { me, station: s, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const writer = me?.role === "STEERING_GROUP" || me?.role === "DEPARTMENT_MEMBER";
  const operatesIt = me?.role === "STEERING_GROUP" || (!!s.operator && me?.department?.code === s.operator.code);
  const editable = writer && s.status !== "RETIRED";
  return (
    <>
      <PageHeader
        title={
          <>
            {s.name} <span className="muted small">{s.code}</span>
          </>
        }
        lead={<Link to="/stations">← {t("stationsTitle")}</Link>}
        actions={
          <span data-testid="station-status">
            <StatusPill
              tone={STATION_STATUS_TONE[s.status] ?? "neutral"}
              label={pick(t.lang, STATION_STATUSES[s.status], s.status)}
            />
          </span>
        }
      />
      {params.get("saved") && !result ? <Notice>{t("saved")}</Notice> : null}
      <Section id="facts" title={t("stations")}>
        <dl className="facts">
          <dt>{t("area")}</dt>
          <dd>
            <Link to={`/areas/${s.area.code}`}>{nameOf(t.lang, s.area)}</Link>
          </dd>
          <dt>{t("element")}</dt>
          <dd>{pick(t.lang, ELEMENTS[s.element])}</dd>
          <dt>{t("mode")}</dt>
          <dd>{pick(t.lang, STATION_MODES[s.mode])}</dd>
          <dt>{t("operator")}</dt>
          <dd data-testid="station-operator">{nameOf(t.lang, s.operator) || "—"}</dd>
          <dt>{t("commissionedOn")}</dt>
          <dd>{shanghaiDate(s.commissionedOn) || "—"}</dd>
          {s.retiredOn ? (
            <>
              <dt>{t("retiredOn")}</dt>
              <dd>{shanghaiDate(s.retiredOn)}</dd>
            </>
          ) : null}
          <dt>
            {t("latitude")} / {t("longitude")}
          </dt>
          <dd>
            {s.latitude ?? "—"} / {s.longitude ?? "—"}
          </dd>
          {s.demo ? (
            <>
              <dt>{t("demo")}</dt>
              <dd>{t("demoNote")}</dd>
            </>
          ) : null}
        </dl>
      </Section>
      {s.status === "RETIRED" && writer ? <p className="muted">{t("stationRetired")}</p> : null}
      {editable ? (
        <div className="grid-2">
          <Section id="edit" title={t("editStation")}>
            {!operatesIt ? <p className="small muted">{t("operatorOnly")}</p> : null}
            <Form method="post" className="form">
              {result?.intent !== "retire" ? <ErrorNotice error={result?.error} /> : null}
              <StationFields mode="edit" defaults={{ ...s, commissionedOn: shanghaiDate(s.commissionedOn) }} />
              <div>
                <SubmitButton label={t("save")} intent="update" />
              </div>
            </Form>
          </Section>
          <Section id="retire" title={t("retireStation")}>
            <Form method="post" className="form">
              {result?.intent === "retire" ? <ErrorNotice error={result?.error} /> : null}
              <Field name="retiredOn" type="date" label={t("retiredOn")} required />
              <Field name="reason" label={`${t("retireReason")} (${t("optional")})`} />
              <div>
                <SubmitButton label={t("retireStation")} intent="retire" variant="danger" />
              </div>
            </Form>
          </Section>
        </div>
      ) : null}
      <Section id="station-alerts" title={t("alerts")}>
        <AlertsTable alerts={s.alerts.edges.map((e) => e.node)} caption={`${s.name} · ${t("alerts")}`} />
      </Section>
      <Section id="history" title={t("changeHistory")}>
        {history ? (
          <ChangeHistory events={history.changeHistory.edges.map((e) => e.node)} />
        ) : (
          <p className="muted">{t("historySignIn")}</p>
        )}
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
