// One linkage case: the enforcement side responds within the deadline, records the on-site joint monitoring and
// enforcement result, and closes the case; while open, the area's monitoring is intensified.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ATTACHMENT_FIELDS, AttachForm, AttachmentList } from "../components/Attachments";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDateTime } from "../components/status";
import { LightPill } from "../components/DeadlineLight";
import { lightAt } from "../models/work-calendar.server";
import {
  ErrorNotice,
  Field,
  PageHeader,
  Section,
  SubmitButton,
  TextArea,
  unknownIntent,
  type ActionResult,
} from "../components/ui";
import {
  ACTIONS_FIELDS,
  ActionSection,
  EVENTS_QUERY,
  Timeline,
  WAITING_FIELDS,
  WaitingFor,
  WfStatus,
} from "../components/workflow";
import { nameOf, pick, useT } from "../i18n";
import { ALERT_KINDS } from "../models/vocabulary";
import { graphql } from "../utils/graphql";
import { attachmentMaxMb, isMultipart, uploadAttachment } from "../utils/attachment-upload.server";
import { gql, gqlOrThrow, found } from "../utils/graphql.server";
import { LINKAGE_STATUSES } from "../../workflows/linkage/process";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.c.title.zh} / ${data.c.title.en}` : "测管联动 / Linkage case" },
];

const QUERY = /* @__PURE__ */ graphql(`
  query Case($id: String!) {
    linkageCase(workflowId: $id) @_optional {
      workflowId title { zh en } ${ACTIONS_FIELDS} status openedAt responseDeadline respondedAt @_optional responseNote @_optional
      responseMinutes @_optional breached onSiteAt @_optional jointMonitoring @_optional violationFound @_optional
      actionTaken @_optional closedAt @_optional closingSummary @_optional frequencyFactor spotCheckRatio
      area { code name nameEn }
      alert { kind pollutant @_optional measuredValue @_optional limitValue @_optional occurredAt station { code name } }
      ${WAITING_FIELDS}
      ${ATTACHMENT_FIELDS}
    }
    ${EVENTS_QUERY}
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY, { id: String(params.id) });
  const c = found(d.linkageCase, ["联动案件", "Linkage case"], String(params.id));
  // The response deadline is an instant (hours, not days): its light is read on the server, RED once it has passed.
  const light = lightAt(c.responseDeadline, c.status !== "OPEN");
  return json({ c, events: d.workflowEvents, maxMb: attachmentMaxMb(), light });
}

const text = (form: FormData, k: string) => String(form.get(k) ?? "").trim();
type Intent = (request: Request, id: string, form: FormData) => ReturnType<typeof gql>;
const INTENTS: Record<string, Intent> = {
  respond: (request, id, form) =>
    gql(
      request,
      graphql(`
        mutation ($id: String!, $note: String!) {
          respondToLinkageCase(workflowId: $id, note: $note) {
            status
          }
        }
      `),
      {
        id,
        note: text(form, "note"),
      },
    ),
  result: (request, id, form) =>
    gql(
      request,
      graphql(`
        mutation ($id: String!, $v: Boolean!, $j: Boolean!, $at: String!, $a: String!) {
          recordEnforcementResult(
            workflowId: $id
            violationFound: $v
            jointMonitoring: $j
            onSiteAt: $at
            actionTaken: $a
          ) {
            status
          }
        }
      `),
      {
        id,
        v: form.get("violationFound") === "on",
        j: form.get("jointMonitoring") === "on",
        at: text(form, "onSiteAt") ? `${text(form, "onSiteAt")}:00+08:00` : "",
        a: text(form, "actionTaken"),
      },
    ),
  close: (request, id, form) =>
    gql(
      request,
      graphql(`
        mutation ($id: String!, $sum: String!) {
          closeLinkageCase(workflowId: $id, summary: $sum) {
            status
          }
        }
      `),
      {
        id,
        sum: text(form, "summary"),
      },
    ),
};

export async function action({ request, params }: ActionFunctionArgs) {
  if (isMultipart(request))
    return uploadAttachment(request, params.id!, `/linkage/${encodeURIComponent(params.id!)}#result-attachments`);
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const id = params.id!;
  const run = INTENTS[intent];
  if (!run) return json<ActionResult>({ ok: false, error: unknownIntent(intent), intent }, { status: 400 });
  const r = await run(request, id, form);
  if (r.ok) return redirect(`/linkage/${encodeURIComponent(id)}`);
  return json<ActionResult>({ ok: false, error: r.error, intent }, { status: 400 });
}

export default function LinkageCase() {
  const { c, events, maxMb, light } = useLoaderData<typeof loader>();
  const mayAttach = c.actions.some((a) => a.step === "RECORD_RESULT" && a.enabled);
  const result = useActionData<typeof action>();
  const t = useT();
  const nowLocal = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);
  return (
    <>
      <PageHeader
        title={t.lang === "en" ? c.title.en : c.title.zh}
        lead={<Link to="/linkage">← {t("linkageTitle")}</Link>}
        actions={<WfStatus status={c.status} overdue={c.breached} labels={LINKAGE_STATUSES} />}
      />
      <WaitingFor items={c.waitingFor} />
      <ErrorNotice error={result?.error} />
      <Section id="case" title={t("cases")}>
        <dl className="facts">
          <dt>{t("alerts")}</dt>
          <dd>
            {pick(t.lang, ALERT_KINDS[c.alert.kind])} · {c.alert.station.name} · {shanghaiDateTime(c.alert.occurredAt)}
            {c.alert.measuredValue !== null
              ? ` · ${c.alert.pollutant ?? ""} ${c.alert.measuredValue}/${c.alert.limitValue}`
              : ""}
          </dd>
          <dt>{t("area")}</dt>
          <dd>
            <Link to={`/areas/${c.area.code}`}>{nameOf(t.lang, c.area)}</Link>
          </dd>
          <dt>{t("intensity")}</dt>
          <dd>
            ×{c.frequencyFactor} · {Math.round(c.spotCheckRatio * 100)}%
          </dd>
          <dt>{t("dueDate")}</dt>
          <dd>
            {shanghaiDateTime(c.responseDeadline)} <LightPill reading={light} />
          </dd>
          {c.respondedAt ? (
            <>
              <dt>{t("respondedAt")}</dt>
              <dd>
                {shanghaiDateTime(c.respondedAt)} · {c.responseMinutes} min · {c.responseNote}
              </dd>
            </>
          ) : null}
          {c.onSiteAt ? (
            <>
              <dt>{t("outcomes")}</dt>
              <dd>
                {shanghaiDateTime(c.onSiteAt)} · {c.violationFound ? t("violationsFound") : t("noViolation")}
                {c.jointMonitoring ? ` · ${t("jointMonitoring")}` : ""} · {c.actionTaken}
              </dd>
            </>
          ) : null}
          {c.closingSummary ? (
            <>
              <dt>{t("closed")}</dt>
              <dd>
                {shanghaiDateTime(c.closedAt)} · {c.closingSummary}
              </dd>
            </>
          ) : null}
        </dl>
      </Section>
      {c.attachments.length || mayAttach ? (
        <Section id="result-attachments" title={pick(t.lang, ["执法结果附件", "Evidence of the result"])}>
          <AttachmentList list={c.attachments} />
          {mayAttach ? <AttachForm id="attach-result" item="RESULT" maxMb={maxMb} /> : null}
        </Section>
      ) : null}
      <ActionSection actions={c.actions} step="RESPOND" id="respond">
        <Form method="post" className="form">
          <TextArea name="note" label={t("responseNote")} required rows={2} />
          <div>
            <SubmitButton label={t("respond")} intent="respond" />
          </div>
        </Form>
      </ActionSection>
      <ActionSection actions={c.actions} step="RECORD_RESULT" id="result">
        <Form method="post" className="form">
          <div className="form-grid">
            <Field name="onSiteAt" type="datetime-local" label={t("onSiteAt")} required defaultValue={nowLocal} />
            <div className="field">
              <label>
                <input type="checkbox" name="violationFound" /> {t("violationsFound")}
              </label>
            </div>
            <div className="field">
              <label>
                <input type="checkbox" name="jointMonitoring" defaultChecked /> {t("jointMonitoring")}
              </label>
            </div>
          </div>
          <TextArea name="actionTaken" label={t("actionTaken")} required rows={2} />
          <div>
            <SubmitButton label={t("save")} intent="result" />
          </div>
        </Form>
      </ActionSection>
      <ActionSection actions={c.actions} step="CLOSE" id="close">
        <Form method="post" className="form">
          <TextArea name="summary" label={t("closingSummary")} required rows={2} />
          <div>
            <SubmitButton label={t("closeCase")} intent="close" />
          </div>
        </Form>
      </ActionSection>
      <Section id="timeline" title={t("timeline")}>
        <Timeline events={events} />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
