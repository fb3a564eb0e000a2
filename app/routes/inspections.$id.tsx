// One inspection: findings with severity and deadlines; the inspector records findings and verifies rectifications,
// the inspected unit reports its rectification; it closes when every finding is closed.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import type { Me } from "../components/Layout";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDate } from "../components/status";
import { ErrorNotice, Field, PageHeader, Section, SelectField, SubmitButton, TextArea, type ActionResult } from "../components/ui";
import { EVENTS_QUERY, Timeline, todayShanghai, WAITING_FIELDS, WaitingFor, WfStatus, type Waiting, type WfEvent } from "../components/workflow";
import { nameOf, pick, useT } from "../i18n";
import { SEVERITIES, type Severity } from "../models/vocabulary";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = ({ params }) => [{ title: `${params.id} / 督导检查` }];

const QUERY = /* GraphQL */ `
  query Inspection($id: String!) {
    me { role department { code } area { code } }
    inspection(workflowId: $id) {
      workflowId title status scheduledFor recurrence occurrence nextWorkflowId taskCodes fieldworkConcludedAt closedAt
      inspectedDepartment { code name nameEn } area { code name nameEn }
      findings { ordinal severity description requiresRectification deadline status rectification reportedAt verifiedAt reopenCount reopenReason overdue }
      ${WAITING_FIELDS}
    }
    ${EVENTS_QUERY}
  }
`;

interface Finding { ordinal: number; severity: Severity; description: string; requiresRectification: boolean; deadline: string | null; status: string; rectification: string | null; reportedAt: string | null; verifiedAt: string | null; reopenCount: number; reopenReason: string | null; overdue: boolean }
interface Unit { code: string; name: string; nameEn: string }
interface Data {
  me: { role: Me["role"]; department: { code: string } | null; area: { code: string } | null } | null;
  inspection: { workflowId: string; title: string; status: string; scheduledFor: string; recurrence: string; occurrence: number; nextWorkflowId: string | null; taskCodes: string[]; fieldworkConcludedAt: string | null; closedAt: string | null; inspectedDepartment: Unit | null; area: Unit | null; findings: Finding[]; waitingFor: Waiting[] } | null;
  workflowEvents: WfEvent[];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow<Data>(request, QUERY, { id: params.id });
  if (!d.inspection) throw json({ zh: `未找到督导检查：${params.id}`, en: `Inspection not found: ${params.id}` }, { status: 404 });
  return json({ me: d.me, inspection: d.inspection, events: d.workflowEvents });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const id = params.id!;
  const s = (k: string) => String(form.get(k) ?? "").trim();
  const ordinal = Number(form.get("ordinal"));
  const r =
    intent === "finding"
      ? await gql(request, `mutation ($id: String!, $sev: String!, $desc: String!, $req: Boolean!, $dl: String) { addInspectionFinding(workflowId: $id, severity: $sev, description: $desc, requiresRectification: $req, deadline: $dl) { status } }`, { id, sev: s("severity"), desc: s("description"), req: form.get("requiresRectification") === "on", dl: s("deadline") || null })
      : intent === "conclude"
        ? await gql(request, `mutation ($id: String!) { concludeInspectionFieldwork(workflowId: $id) { status } }`, { id })
        : intent === "rectify"
          ? await gql(request, `mutation ($id: String!, $o: Int!, $text: String!) { reportRectification(workflowId: $id, ordinal: $o, rectification: $text) { status } }`, { id, o: ordinal, text: s("rectification") })
          : await gql(request, `mutation ($id: String!, $o: Int!, $ok: Boolean!, $reason: String, $dl: String) { verifyRectification(workflowId: $id, ordinal: $o, effective: $ok, reason: $reason, newDeadline: $dl) { status } }`, { id, o: ordinal, ok: intent === "verify", reason: s("reason") || null, dl: s("newDeadline") || null });
  if (r.ok) return redirect(`/inspections/${encodeURIComponent(id)}`);
  return json<ActionResult>({ ok: false, error: r.error, intent }, { status: 400 });
}

export default function Inspection() {
  const { me, inspection: i, events } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const inspector = me?.role === "INSPECTOR" || me?.role === "STEERING_GROUP";
  const inspected = (!!i.inspectedDepartment && me?.department?.code === i.inspectedDepartment.code) || (!!i.area && me?.area?.code === i.area.code);
  const active = i.status === "SCHEDULED" || i.status === "IN_PROGRESS";
  return (
    <>
      <PageHeader
        title={i.title}
        lead={<Link to="/inspections">← {t("inspectionsTitle")} · {shanghaiDate(i.scheduledFor)} · {nameOf(t.lang, i.inspectedDepartment ?? i.area)} · {i.taskCodes.join(", ")}</Link>}
        actions={<WfStatus status={i.status} />}
      />
      <WaitingFor items={i.waitingFor} />
      {result?.error ? <ErrorNotice error={result.error} /> : null}
      <Section id="findings" title={t("findings")}>
        <DataTable
          testId="findings"
          caption={t("findings")}
          rows={i.findings}
          rowKey={(f) => String(f.ordinal)}
          columns={[
            { key: "n", header: "#", rowHeader: true, cell: (f) => f.ordinal },
            { key: "sev", header: t("severity"), cell: (f) => pick(t.lang, SEVERITIES[f.severity], f.severity) },
            { key: "desc", header: t("description"), cell: (f) => f.description },
            { key: "dl", header: t("deadline"), cell: (f) => (f.requiresRectification ? shanghaiDate(f.deadline) : "—") },
            { key: "st", header: t("status"), cell: (f) => <WfStatus status={f.status} overdue={f.overdue} /> },
            { key: "rect", header: t("rectification"), cell: (f) => <>{f.rectification ?? ""}{f.reopenReason ? <div className="small muted">{t("reopen")}：{f.reopenReason}</div> : null}</> },
            {
              key: "act",
              header: t("action"),
              cell: (f) =>
                inspected && f.requiresRectification && (f.status === "OPEN" || f.status === "REOPENED") ? (
                  <Form method="post" className="form">
                    <input type="hidden" name="ordinal" value={f.ordinal} />
                    <TextArea name="rectification" label={`${t("rectification")} #${f.ordinal}`} required rows={2} />
                    <SubmitButton label={t("reportRectification")} intent="rectify" variant="secondary" />
                  </Form>
                ) : inspector && f.status === "RECTIFICATION_REPORTED" ? (
                  <Form method="post" className="form">
                    <input type="hidden" name="ordinal" value={f.ordinal} />
                    <SubmitButton label={t("verifyEffective")} intent="verify" />
                    <Field name="reason" label={`${t("reason")} #${f.ordinal}`} />
                    <Field name="newDeadline" type="date" label={`${t("newDeadline")} #${f.ordinal}`} />
                    <SubmitButton label={t("reopen")} intent="reopen" variant="secondary" />
                  </Form>
                ) : null,
            },
          ]}
        />
      </Section>
      {inspector && active ? (
        <Section id="add-finding" title={t("addFinding")}>
          <Form method="post" className="form">
            <div className="form-grid">
              <SelectField name="severity" label={t("severity")} defaultValue="MEDIUM" options={Object.entries(SEVERITIES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))} />
              <Field name="deadline" type="date" label={t("deadline")} defaultValue={todayShanghai(30)} />
              <div className="field"><label><input type="checkbox" name="requiresRectification" defaultChecked /> {t("requiresRectification")}</label></div>
            </div>
            <TextArea name="description" label={t("description")} required rows={3} />
            <div className="page-actions">
              <SubmitButton label={t("addFinding")} intent="finding" />
            </div>
          </Form>
          <Form method="post" className="form" style={{ marginTop: "1rem" }}>
            <div><SubmitButton label={t("concludeFieldwork")} intent="conclude" variant="secondary" /></div>
          </Form>
        </Section>
      ) : null}
      {i.nextWorkflowId ? <p><Link to={`/inspections/${encodeURIComponent(i.nextWorkflowId)}`}>→ {i.nextWorkflowId}</Link></p> : null}
      <Section id="timeline" title={t("timeline")}>
        <Timeline events={events} />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
