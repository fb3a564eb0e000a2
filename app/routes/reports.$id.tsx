// One progress report: the lead department fills it in and submits; supporting departments add their input; the
// steering group accepts it or returns it with a reason. Every step is a plain form post to the API.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { Me } from "../components/Layout";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDate, shanghaiDateTime } from "../components/status";
import { ErrorNotice, PageHeader, Section, SelectField, SubmitButton, TextArea, type ActionResult } from "../components/ui";
import { EVENTS_QUERY, Timeline, WAITING_FIELDS, WaitingFor, WfStatus, type Waiting, type WfEvent } from "../components/workflow";
import { nameOf, pick, titleOf, useT } from "../i18n";
import { TASK_STATUSES } from "../models/vocabulary";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = ({ params }) => [{ title: `${params.id} / 报告` }];

const QUERY = /* GraphQL */ `
  query Report($id: String!) {
    me { role department { code } }
    progressReport(workflowId: $id) {
      workflowId status progress taskStatus submittedAt draftSavedAt late overdue returnReason returnCount acceptedAt
      cycle { period dueDate }
      task { code title titleEn supportingDepartments { code name nameEn } }
      department { code name nameEn }
      contributions { at text department { code name nameEn } }
      ${WAITING_FIELDS}
    }
    ${EVENTS_QUERY}
  }
`;

interface Dept { code: string; name: string; nameEn: string }
interface Data {
  me: { role: Me["role"]; department: { code: string } | null } | null;
  progressReport: {
    workflowId: string; status: string; progress: string | null; taskStatus: string | null; submittedAt: string | null; draftSavedAt: string | null; late: boolean; overdue: boolean;
    returnReason: string | null; returnCount: number; acceptedAt: string | null; cycle: { period: string; dueDate: string };
    task: { code: string; title: string; titleEn: string; supportingDepartments: Dept[] }; department: Dept;
    contributions: { at: string; text: string; department: Dept }[]; waitingFor: Waiting[];
  } | null;
  workflowEvents: WfEvent[];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow<Data>(request, QUERY, { id: params.id });
  if (!d.progressReport) throw json({ zh: `未找到报告：${params.id}`, en: `Report not found: ${params.id}` }, { status: 404 });
  return json({ me: d.me, report: d.progressReport, events: d.workflowEvents });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const id = params.id!;
  const text = (k: string) => String(form.get(k) ?? "");
  const r =
    intent === "submit" || intent === "draft"
      ? await gql(
          request,
          intent === "submit"
            ? `mutation ($id: String!, $p: String!, $s: String!) { submitProgressReport(workflowId: $id, progress: $p, taskStatus: $s) { status } }`
            : `mutation ($id: String!, $p: String!, $s: String!) { saveProgressReportDraft(workflowId: $id, progress: $p, taskStatus: $s) { status } }`,
          { id, p: text("progress"), s: text("taskStatus") },
        )
      : intent === "contribute"
        ? await gql(request, `mutation ($id: String!, $text: String!) { contributeToReport(workflowId: $id, text: $text) { status } }`, { id, text: text("text") })
        : await gql(request, `mutation ($id: String!, $accept: Boolean!, $reason: String) { reviewProgressReport(workflowId: $id, accept: $accept, reason: $reason) { status } }`, { id, accept: intent === "accept", reason: text("reason") || null });
  if (r.ok) return redirect(`/reports/${encodeURIComponent(id)}`);
  return json<ActionResult>({ ok: false, error: r.error, intent }, { status: 400 });
}

export default function Report() {
  const { me, report: r, events } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const open = r.status === "PENDING" || r.status === "RETURNED";
  const isLead = me?.department?.code === r.department.code;
  const isSupporter = r.task.supportingDepartments.some((d) => d.code === me?.department?.code);
  const err = (...intents: string[]) => (result?.intent && intents.includes(result.intent) ? <ErrorNotice error={result.error} /> : null);
  return (
    <>
      <PageHeader
        title={<>{r.task.code} {titleOf(t.lang, r.task)} · {nameOf(t.lang, r.department)}</>}
        lead={<Link to={`/reports/cycles/${encodeURIComponent(r.cycle.period)}`}>← {t("cyclePeriod")} {r.cycle.period} · {t("dueDate")} {shanghaiDate(r.cycle.dueDate)}</Link>}
        actions={<WfStatus status={r.status} overdue={r.overdue} />}
      />
      <WaitingFor items={r.waitingFor} />
      {r.status === "RETURNED" && r.returnReason ? (
        <div className="notice notice-error" data-testid="return-reason"><strong>{t("returnReason")}：</strong>{r.returnReason}</div>
      ) : null}
      <Section id="report" title={t("report")}>
        {r.progress && open ? (
          <p className="small muted" data-testid="draft-saved">{t("draftSaved")} {shanghaiDateTime(r.draftSavedAt)}</p>
        ) : r.progress ? (
          <>
            <blockquote className="quote" data-testid="report-progress">{r.progress}</blockquote>
            <p className="small muted">
              {t("taskStatus")}: {pick(t.lang, TASK_STATUSES[r.taskStatus as keyof typeof TASK_STATUSES], r.taskStatus ?? "")} · {t("submitted")} {shanghaiDateTime(r.submittedAt)}
              {r.late ? ` · ${t("late")}` : ""}
            </p>
          </>
        ) : <p className="muted">{t("notSubmitted")}</p>}
        {open && me?.role === "DEPARTMENT_MEMBER" ? (
          <Form method="post" className="form" id="submit-report">
            {!isLead ? <p className="small muted">{t("leadOnly")}</p> : null}
            {err("submit", "draft")}
            <TextArea name="progress" label={t("progressText")} required rows={6} defaultValue={r.progress} />
            <SelectField name="taskStatus" label={t("taskStatus")} defaultValue={r.taskStatus ?? "ON_TRACK"} options={Object.entries(TASK_STATUSES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))} />
            <div className="page-actions">
              <SubmitButton label={t("submit")} intent="submit" />
              <SubmitButton label={t("saveDraft")} intent="draft" variant="secondary" />
            </div>
          </Form>
        ) : null}
      </Section>
      {me?.role === "STEERING_GROUP" && r.status === "SUBMITTED" ? (
        <Section id="review" title={t("awaitingReview")}>
          <Form method="post" className="form">
            {err("accept")}
            {err("return")}
            <TextArea name="reason" label={`${t("reason")} (${t("reasonRequired")})`} rows={3} />
            <div className="page-actions">
              <SubmitButton label={t("accept")} intent="accept" />
              <SubmitButton label={t("returnIt")} intent="return" variant="secondary" />
            </div>
          </Form>
        </Section>
      ) : null}
      <Section id="contributions" title={t("contributions")}>
        {r.contributions.length ? (
          <ul>
            {r.contributions.map((c) => (
              <li key={c.department.code + c.at}><strong>{nameOf(t.lang, c.department)}</strong>（{shanghaiDateTime(c.at)}）：{c.text}</li>
            ))}
          </ul>
        ) : <p className="muted">—</p>}
        {open && isSupporter ? (
          <Form method="post" className="form">
            {err("contribute")}
            <TextArea name="text" label={t("contribute")} required rows={3} />
            <div><SubmitButton label={t("contribute")} intent="contribute" variant="secondary" /></div>
          </Form>
        ) : null}
      </Section>
      <Section id="timeline" title={t("timeline")}>
        <Timeline events={events} />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
