// One linkage case: the enforcement side responds within the deadline, records the on-site joint monitoring and
// enforcement result, and closes the case; while open, the area's monitoring is intensified.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDateTime } from "../components/status";
import { ErrorNotice, Field, PageHeader, Section, SubmitButton, TextArea, type ActionResult } from "../components/ui";
import { EVENTS_QUERY, Timeline, WAITING_FIELDS, WaitingFor, WfStatus, type Waiting, type WfEvent } from "../components/workflow";
import { nameOf, pick, useT } from "../i18n";
import { ALERT_KINDS, type AlertKind } from "../models/vocabulary";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = ({ params }) => [{ title: `${params.id} / 测管联动` }];

const QUERY = /* GraphQL */ `
  query Case($id: String!) {
    me { role }
    linkageCase(workflowId: $id) {
      workflowId status openedAt responseDeadline respondedAt responseNote responseMinutes breached onSiteAt jointMonitoring violationFound actionTaken closedAt closingSummary frequencyFactor spotCheckRatio
      area { code name nameEn } alert { kind pollutant measuredValue limitValue occurredAt station { code name } }
      ${WAITING_FIELDS}
    }
    ${EVENTS_QUERY}
  }
`;

interface Case {
  workflowId: string; status: string; openedAt: string; responseDeadline: string; respondedAt: string | null; responseNote: string | null; responseMinutes: number | null; breached: boolean;
  onSiteAt: string | null; jointMonitoring: boolean | null; violationFound: boolean | null; actionTaken: string | null; closedAt: string | null; closingSummary: string | null; frequencyFactor: number; spotCheckRatio: number;
  area: { code: string; name: string; nameEn: string }; alert: { kind: AlertKind; pollutant: string | null; measuredValue: number | null; limitValue: number | null; occurredAt: string; station: { code: string; name: string } }; waitingFor: Waiting[];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow<{ me: { role: string } | null; linkageCase: Case | null; workflowEvents: WfEvent[] }>(request, QUERY, { id: params.id });
  if (!d.linkageCase) throw json({ zh: `未找到联动案件：${params.id}`, en: `Linkage case not found: ${params.id}` }, { status: 404 });
  return json({ role: d.me?.role ?? null, c: d.linkageCase, events: d.workflowEvents });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const id = params.id!;
  const s = (k: string) => String(form.get(k) ?? "").trim();
  const r =
    intent === "respond"
      ? await gql(request, `mutation ($id: String!, $note: String!) { respondToLinkageCase(workflowId: $id, note: $note) { status } }`, { id, note: s("note") })
      : intent === "result"
        ? await gql(request, `mutation ($id: String!, $v: Boolean!, $j: Boolean!, $at: String!, $a: String!) { recordEnforcementResult(workflowId: $id, violationFound: $v, jointMonitoring: $j, onSiteAt: $at, actionTaken: $a) { status } }`, {
            id, v: form.get("violationFound") === "on", j: form.get("jointMonitoring") === "on", at: s("onSiteAt") ? `${s("onSiteAt")}:00+08:00` : "", a: s("actionTaken"),
          })
        : await gql(request, `mutation ($id: String!, $sum: String!) { closeLinkageCase(workflowId: $id, summary: $sum) { status } }`, { id, sum: s("summary") });
  if (r.ok) return redirect(`/linkage/${encodeURIComponent(id)}`);
  return json<ActionResult>({ ok: false, error: r.error, intent }, { status: 400 });
}

export default function LinkageCase() {
  const { role, c, events } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const writer = role === "STEERING_GROUP" || role === "DEPARTMENT_MEMBER";
  const nowLocal = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);
  return (
    <>
      <PageHeader title={c.workflowId} lead={<Link to="/linkage">← {t("linkageTitle")}</Link>} actions={<WfStatus status={c.status} overdue={c.breached} />} />
      <WaitingFor items={c.waitingFor} />
      <ErrorNotice error={result?.error} />
      <Section id="case" title={t("cases")}>
        <dl className="facts">
          <dt>{t("alerts")}</dt><dd>{pick(t.lang, ALERT_KINDS[c.alert.kind])} · {c.alert.station.name} · {shanghaiDateTime(c.alert.occurredAt)}{c.alert.measuredValue !== null ? ` · ${c.alert.pollutant ?? ""} ${c.alert.measuredValue}/${c.alert.limitValue}` : ""}</dd>
          <dt>{t("area")}</dt><dd><Link to={`/areas/${c.area.code}`}>{nameOf(t.lang, c.area)}</Link></dd>
          <dt>{t("intensity")}</dt><dd>×{c.frequencyFactor} · {Math.round(c.spotCheckRatio * 100)}%</dd>
          <dt>{t("dueDate")}</dt><dd>{shanghaiDateTime(c.responseDeadline)}</dd>
          {c.respondedAt ? <><dt>{t("respondedAt")}</dt><dd>{shanghaiDateTime(c.respondedAt)} · {c.responseMinutes} min · {c.responseNote}</dd></> : null}
          {c.onSiteAt ? <><dt>{t("outcomes")}</dt><dd>{shanghaiDateTime(c.onSiteAt)} · {c.violationFound ? t("violationsFound") : t("noViolation")}{c.jointMonitoring ? ` · ${t("jointMonitoring")}` : ""} · {c.actionTaken}</dd></> : null}
          {c.closingSummary ? <><dt>{t("closed")}</dt><dd>{shanghaiDateTime(c.closedAt)} · {c.closingSummary}</dd></> : null}
        </dl>
      </Section>
      {writer && c.status === "OPEN" ? (
        <Section id="respond" title={t("respond")}>
          <Form method="post" className="form">
            <TextArea name="note" label={t("note")} required rows={2} />
            <div><SubmitButton label={t("respond")} intent="respond" /></div>
          </Form>
        </Section>
      ) : null}
      {writer && c.status === "RESPONDED" ? (
        <Section id="result" title={t("outcomes")}>
          <Form method="post" className="form">
            <div className="form-grid">
              <Field name="onSiteAt" type="datetime-local" label={t("occurredAt")} required defaultValue={nowLocal} />
              <div className="field"><label><input type="checkbox" name="violationFound" /> {t("violationsFound")}</label></div>
              <div className="field"><label><input type="checkbox" name="jointMonitoring" defaultChecked /> {t("jointMonitoring")}</label></div>
            </div>
            <TextArea name="actionTaken" label={t("action")} required rows={2} />
            <div><SubmitButton label={t("save")} intent="result" /></div>
          </Form>
        </Section>
      ) : null}
      {writer && c.status === "RESULT_RECORDED" ? (
        <Section id="close" title={t("closed")}>
          <Form method="post" className="form">
            <TextArea name="summary" label={t("note")} required rows={2} />
            <div><SubmitButton label={t("closeCase")} intent="close" /></div>
          </Form>
        </Section>
      ) : null}
      <Section id="timeline" title={t("timeline")}>
        <Timeline events={events} />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
