// One inspection: what it covers and when (a recurring schedule in words, with its later days), its findings, and
// the steps this viewer may take now — as the API offers them from the process's own rules (a step not yet possible
// shows why; a step not theirs is not shown). The activity log reads as sentences.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ATTACHMENT_FIELDS } from "../../components/Attachments";
import { InspectionDocuments } from "../../components/DocumentDownloads";
import { RouteErrorBoundary } from "../../components/RouteErrorBoundary";
import { shanghaiDate } from "../../components/status";
import {
  ErrorNotice,
  Field,
  PageHeader,
  Section,
  SelectField,
  SubmitButton,
  TextArea,
  unknownIntent,
  type ActionResult,
} from "../../components/ui";
import {
  ACTIONS_FIELDS,
  ActionSection,
  EVENTS_QUERY,
  Timeline,
  todayShanghai,
  WAITING_FIELDS,
  WaitingFor,
  WfStatus,
} from "../../components/workflow";
import { nameOf, pick, useT } from "../../i18n";
import { graphql } from "../../utils/graphql";
import { attachmentMaxMb, isMultipart, uploadAttachment } from "../../utils/attachment-upload.server";
import { gql, gqlOrThrow, found } from "../../utils/graphql.server";
import { INSPECTION_STATUSES, SEVERITIES } from "../../../workflows/inspection/state";
import { RECEIPTS_QUERY } from "../../components/SignForButton";
import { Findings } from "./findings";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.inspection.heading.zh} / ${data.inspection.heading.en}` : "督导检查 / Inspection" },
];

const QUERY = /* @__PURE__ */ graphql(`
  query Inspection($id: String!) {
    inspection(workflowId: $id) @_optional {
      workflowId title heading { zh en } ${ACTIONS_FIELDS} status scheduledFor series @_optional { zh en } laterDates
      nextWorkflowId @_optional taskCodes fieldworkConcludedAt @_optional closedAt @_optional
      inspectedDepartment @_optional { code name nameEn } area @_optional { code name nameEn }
      findings { ordinal label { zh en } description requiresRectification deadline @_optional deadlineNote @_optional { zh en } status rectification @_optional
        reopenCount reopenReason @_optional overdue ${ACTIONS_FIELDS} ${ATTACHMENT_FIELDS} }
      ${WAITING_FIELDS}
    }
    ${EVENTS_QUERY}
    ${RECEIPTS_QUERY}
  }
`);

type Bilingual = { zh: string; en: string };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY, { id: String(params.id) });
  return json({
    inspection: found(d.inspection, ["督导检查", "Inspection"], String(params.id)),
    events: d.workflowEvents,
    receipts: d.itemReceipts,
    maxMb: attachmentMaxMb(),
  });
}

const text = (form: FormData, k: string) => String(form.get(k) ?? "").trim();
type Intent = (request: Request, id: string, form: FormData) => ReturnType<typeof gql>;
const verify =
  (effective: boolean): Intent =>
  (request, id, form) => {
    const n = Number(form.get("ordinal"));
    return gql(
      request,
      graphql(`
        mutation ($id: String!, $o: Int!, $ok: Boolean!, $reason: String, $dl: String) {
          verifyRectification(workflowId: $id, ordinal: $o, effective: $ok, reason: $reason, newDeadline: $dl) {
            status
          }
        }
      `),
      {
        id,
        o: n,
        ok: effective,
        reason: text(form, `reason-${n}`) || null,
        dl: text(form, `newDeadline-${n}`) || null,
      },
    );
  };
const INTENTS: Record<string, Intent> = {
  finding: (request, id, form) =>
    gql(
      request,
      graphql(`
        mutation ($id: String!, $sev: String!, $desc: String!, $req: Boolean!, $dl: String) {
          addInspectionFinding(
            workflowId: $id
            severity: $sev
            description: $desc
            requiresRectification: $req
            deadline: $dl
          ) {
            status
          }
        }
      `),
      {
        id,
        sev: text(form, "severity"),
        desc: text(form, "description"),
        req: form.get("requiresRectification") === "on",
        dl: text(form, "deadline") || null,
      },
    ),
  conclude: (request, id) =>
    gql(
      request,
      graphql(`
        mutation ($id: String!) {
          concludeInspectionFieldwork(workflowId: $id) {
            status
          }
        }
      `),
      { id },
    ),
  rectify: (request, id, form) => {
    const n = Number(form.get("ordinal"));
    return gql(
      request,
      graphql(`
        mutation ($id: String!, $o: Int!, $text: String!) {
          reportRectification(workflowId: $id, ordinal: $o, rectification: $text) {
            status
          }
        }
      `),
      { id, o: n, text: text(form, `rectification-${n}`) },
    );
  },
  verify: verify(true),
  reopen: verify(false),
};

export async function action({ request, params }: ActionFunctionArgs) {
  if (isMultipart(request))
    return uploadAttachment(request, params.id!, `/inspections/${encodeURIComponent(params.id!)}#findings`);
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const id = params.id!;
  const run = INTENTS[intent];
  if (!run) return json<ActionResult>({ ok: false, error: unknownIntent(intent), intent }, { status: 400 });
  const r = await run(request, id, form);
  if (r.ok) return redirect(`/inspections/${encodeURIComponent(id)}`);
  return json<ActionResult>({ ok: false, error: r.error, intent }, { status: 400 });
}

export default function InspectionPage() {
  const { inspection: i, events, receipts, maxMb } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const words = (x: Bilingual) => (t.lang === "en" ? x.en : x.zh);
  return (
    <>
      <PageHeader
        title={words(i.heading)}
        lead={<Link to="/inspections">← {t("inspectionsTitle")}</Link>}
        actions={<WfStatus status={i.status} labels={INSPECTION_STATUSES} />}
      />
      <WaitingFor items={i.waitingFor} />
      <ErrorNotice error={result?.error} />
      <Section id="inspection" title={t("inspectionFacts")}>
        <dl className="facts">
          <dt>{t("inspectionSubject")}</dt>
          <dd>{i.title}</dd>
          <dt>{t("inspected")}</dt>
          <dd>{nameOf(t.lang, i.inspectedDepartment ?? i.area)}</dd>
          <dt>{t("inspectionDate")}</dt>
          <dd>{shanghaiDate(i.scheduledFor)}</dd>
          <dt>{t("inspectionTasks")}</dt>
          <dd>
            {i.taskCodes.map((code, n) => (
              <span key={code}>
                {n ? "、" : ""}
                <Link to={`/tasks/${code}`}>{code}</Link>
              </span>
            ))}
          </dd>
          {i.series ? (
            <>
              <dt>{t("inspectionSeries")}</dt>
              <dd data-testid="series">{words(i.series)}</dd>
              <dt>{t("inspectionLaterDates")}</dt>
              <dd data-testid="later-dates">
                {i.laterDates.length ? i.laterDates.join(t.lang === "en" ? ", " : "、") : t("empty")}
              </dd>
            </>
          ) : null}
          {i.nextWorkflowId && i.laterDates[0] ? (
            <>
              <dt>{t("inspectionNext")}</dt>
              <dd>
                <Link to={`/inspections/${encodeURIComponent(i.nextWorkflowId)}`}>{i.laterDates[0]}</Link>
              </dd>
            </>
          ) : null}
        </dl>
      </Section>
      <Section id="findings" title={t("findings")}>
        <Findings findings={i.findings} receipts={receipts} maxMb={maxMb} />
      </Section>
      <ActionSection actions={i.actions} step="ADD_FINDING" id="add-finding">
        <Form method="post" className="form">
          <div className="form-grid">
            <SelectField
              name="severity"
              label={t("severity")}
              defaultValue="MEDIUM"
              options={Object.entries(SEVERITIES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
            />
            <Field name="deadline" type="date" label={t("deadline")} defaultValue={todayShanghai(30)} />
            <div className="field">
              <label>
                <input type="checkbox" name="requiresRectification" defaultChecked /> {t("requiresRectification")}
              </label>
            </div>
          </div>
          <TextArea name="description" label={t("description")} required rows={3} />
          <div className="page-actions">
            <SubmitButton label={t("addFinding")} intent="finding" />
          </div>
        </Form>
      </ActionSection>
      <ActionSection actions={i.actions} step="CONCLUDE_FIELDWORK" id="conclude">
        <Form method="post" className="form">
          <div>
            <SubmitButton label={t("concludeFieldwork")} intent="conclude" variant="secondary" />
          </div>
        </Form>
      </ActionSection>
      <InspectionDocuments workflowId={i.workflowId} />
      <Section id="timeline" title={t("timeline")}>
        <Timeline events={events} />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
