// One progress report: the lead department fills it in and submits; supporting departments add their input; the
// steering group accepts it or returns it with a reason. The page offers only the steps the API says this viewer may
// take now (the process's own rules), keeps every submitted version, and shows what a resubmission changed.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ATTACHMENT_FIELDS, AttachForm, AttachmentList } from "../../components/Attachments";
import { RouteErrorBoundary } from "../../components/RouteErrorBoundary";
import { DueDate } from "../../components/DeadlineLight";
import { ItemSignFor, RECEIPTS_QUERY } from "../../components/SignForButton";
import { shanghaiDate, shanghaiDateTime } from "../../components/status";
import {
  ErrorNotice,
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
  WAITING_FIELDS,
  WaitingFor,
  WfStatus,
} from "../../components/workflow";
import { pick, useT } from "../../i18n";
import { TASK_STATUSES } from "../../models/vocabulary";
import { graphql } from "../../utils/graphql";
import { attachmentMaxMb, isMultipart, uploadAttachment } from "../../utils/attachment-upload.server";
import { gql, gqlOrThrow, found } from "../../utils/graphql.server";
import { REPORT_STATUSES } from "../../../workflows/reporting/process";
import { SUPPORT_FIELDS, Supporters } from "./contributions";
import { Contributions, ReportHistory, TextDiff, VERSION_FIELDS, VersionFacts } from "./history";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.report.title.zh} / ${data.report.title.en}` : "推进落实情况报告 / Progress report" },
];

const QUERY = /* @__PURE__ */ graphql(`
  query Report($id: String!) {
    me @_optional { department @_optional { code } }
    progressReport(workflowId: $id) @_optional {
      workflowId title { zh en } ${ACTIONS_FIELDS} status progress @_optional taskStatus @_optional draftSavedAt @_optional overdue
      returnReason @_optional
      cycle { period title { zh en } dueDate dueDateNote @_optional { zh en } }
      ${SUPPORT_FIELDS}
      ${VERSION_FIELDS}
      ${WAITING_FIELDS}
      ${ATTACHMENT_FIELDS}
    }
    ${EVENTS_QUERY}
    ${RECEIPTS_QUERY}
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY, { id: String(params.id) });
  return json({
    myDepartment: d.me?.department?.code ?? null,
    report: found(d.progressReport, ["报告", "Report"], String(params.id)),
    events: d.workflowEvents,
    receipts: d.itemReceipts,
    maxMb: attachmentMaxMb(),
  });
}

const text = (form: FormData, k: string) => String(form.get(k) ?? "");
const REPORT_TEXT = `$id: String!, $p: String!, $s: String!`;
type Intent = (request: Request, id: string, form: FormData) => ReturnType<typeof gql>;
const reportText = (id: string, form: FormData) => ({ id, p: text(form, "progress"), s: text(form, "taskStatus") });
const INTENTS: Record<string, Intent> = {
  submit: (request, id, form) =>
    gql(
      request,
      graphql(
        `mutation (${REPORT_TEXT}) { submitProgressReport(workflowId: $id, progress: $p, taskStatus: $s) { status } }`,
      ),
      reportText(id, form),
    ),
  draft: (request, id, form) =>
    gql(
      request,
      graphql(
        `mutation (${REPORT_TEXT}) { saveProgressReportDraft(workflowId: $id, progress: $p, taskStatus: $s) { status } }`,
      ),
      reportText(id, form),
    ),
  contribute: (request, id, form) =>
    gql(
      request,
      graphql(`
        mutation ($id: String!, $text: String!) {
          contributeToReport(workflowId: $id, text: $text) {
            status
          }
        }
      `),
      { id, text: text(form, "text") },
    ),
  accept: (request, id) =>
    gql(
      request,
      graphql(`
        mutation ($id: String!) {
          reviewProgressReport(workflowId: $id, accept: true) {
            status
          }
        }
      `),
      { id },
    ),
  return: (request, id, form) =>
    gql(
      request,
      graphql(`
        mutation ($id: String!, $reason: String) {
          reviewProgressReport(workflowId: $id, accept: false, reason: $reason) {
            status
          }
        }
      `),
      { id, reason: text(form, "reason") || null },
    ),
};

export async function action({ request, params }: ActionFunctionArgs) {
  if (isMultipart(request))
    return uploadAttachment(request, params.id!, `/reports/${encodeURIComponent(params.id!)}#attachments`);
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const id = params.id!;
  const run = INTENTS[intent];
  if (!run) return json<ActionResult>({ ok: false, error: unknownIntent(intent), intent }, { status: 400 });
  const r = await run(request, id, form);
  if (r.ok) return redirect(`/reports/${encodeURIComponent(id)}`);
  return json<ActionResult>({ ok: false, error: r.error, intent }, { status: 400 });
}

export default function Report() {
  const { myDepartment, report: r, events, receipts, maxMb } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const bi = (x: { zh: string; en: string }) => (t.lang === "en" ? x.en : x.zh);
  const latest = r.versions.length ? r.versions[r.versions.length - 1] : null;
  const offered = (step: string) => r.actions.find((a) => a.step === step && a.enabled);
  return (
    <>
      <PageHeader
        title={bi(r.title)}
        lead={
          <Link to={`/reports/cycles/${encodeURIComponent(r.cycle.period)}`}>
            ← {bi(r.cycle.title)} · {t("dueDate")} {shanghaiDate(r.cycle.dueDate)}
          </Link>
        }
        actions={
          <>
            <WfStatus status={r.status} overdue={r.overdue} labels={REPORT_STATUSES} />
            <DueDate
              due={r.cycle.dueDate}
              done={r.status === "SUBMITTED" || r.status === "ACCEPTED"}
              note={r.cycle.dueDateNote}
            />
          </>
        }
      />
      <WaitingFor items={r.waitingFor} />
      <ItemSignFor receipts={receipts} label={bi(r.title)} />
      <ErrorNotice error={result?.error} />
      {r.status === "RETURNED" && r.returnReason ? (
        <div className="notice notice-error" data-testid="return-reason">
          <strong>{t("returnReason")}：</strong>
          {r.returnReason}
        </div>
      ) : null}
      <Section id="report" title={r.status === "RETURNED" ? t("reportReturnedVersion") : t("report")}>
        {latest ? (
          <>
            <VersionFacts v={latest} />
            <blockquote className="quote" data-testid="report-progress">
              {latest.progress}
            </blockquote>
            <Contributions list={latest.contributions} />
            {latest.changes ? (
              <>
                <h3>{t("reportChanges")}</h3>
                <TextDiff changes={latest.changes} />
              </>
            ) : null}
          </>
        ) : (
          <p className="muted">{t("notSubmitted")}</p>
        )}
        {r.draftSavedAt ? (
          <p className="small muted" data-testid="draft-saved">
            {t("draftSaved")} {shanghaiDateTime(r.draftSavedAt)}
          </p>
        ) : null}
      </Section>
      <Section id="attachments" title={pick(t.lang, ["附件", "Attachments"])}>
        <AttachmentList list={r.attachments} showItem />
        {offered("SAVE_DRAFT") ? <AttachForm id="attach-report" item="REPORT" maxMb={maxMb} /> : null}
        {offered("CONTRIBUTE") ? <AttachForm id="attach-contribution" item="CONTRIBUTION" maxMb={maxMb} /> : null}
      </Section>
      <ActionSection actions={r.actions} step="SUBMIT" id="submit-report">
        <Form method="post" className="form">
          {r.status === "RETURNED" && !r.draftSavedAt ? (
            <p className="small muted">{t("reportFormPrefilled")}</p>
          ) : null}
          <TextArea name="progress" label={t("progressText")} required rows={6} defaultValue={r.progress} />
          <SelectField
            name="taskStatus"
            label={t("taskStatus")}
            defaultValue={r.taskStatus ?? "ON_TRACK"}
            options={Object.entries(TASK_STATUSES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
          />
          <div className="page-actions">
            <SubmitButton label={t("submit")} intent="submit" />
            {offered("SAVE_DRAFT") ? <SubmitButton label={t("saveDraft")} intent="draft" variant="secondary" /> : null}
          </div>
        </Form>
      </ActionSection>
      <ActionSection actions={r.actions} step="ACCEPT" id="accept">
        <Form method="post">
          <SubmitButton label={t("accept")} intent="accept" />
        </Form>
      </ActionSection>
      {offered("RETURN") ? (
        <ActionSection actions={r.actions} step="RETURN" id="return">
          <Form method="post" className="form">
            <TextArea name="reason" label={`${t("reason")} (${t("reasonRequired")})`} required rows={3} />
            <div>
              <SubmitButton label={t("returnIt")} intent="return" variant="secondary" />
            </div>
          </Form>
        </ActionSection>
      ) : null}
      <Supporters
        supporters={r.supporters}
        contributions={r.contributions}
        actions={r.actions}
        myDepartment={myDepartment}
      />
      <ReportHistory versions={r.versions} attachments={r.attachments} />
      <Section id="timeline" title={t("timeline")}>
        <Timeline events={events} />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
