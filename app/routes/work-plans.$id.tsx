// One annual work plan: the department edits its milestones and submits; the steering group approves it or returns
// it with a reason; once approved, milestones are marked done as they are reached.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import type { Me } from "../components/Layout";
import { MilestoneEditor, milestonesFromForm, type MilestoneView } from "../components/MilestoneEditor";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDate } from "../components/status";
import { ErrorNotice, Notice, PageHeader, Section, SubmitButton, TextArea, type ActionResult } from "../components/ui";
import { EVENTS_QUERY, Timeline, WAITING_FIELDS, WaitingFor, WfStatus, type Waiting, type WfEvent } from "../components/workflow";
import { nameOf, useT } from "../i18n";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = ({ params }) => [{ title: `${params.id} / 年度工作计划` }];

const QUERY = /* GraphQL */ `
  query WorkPlan($id: String!) {
    me { role department { code } }
    workPlan(workflowId: $id) {
      workflowId year status revision dueDate returnReason submittedAt approvedAt department { code name nameEn }
      milestones { ordinal taskCode what responsibleUnit dueDate indicator status overdue completedAt completionNote }
      ${WAITING_FIELDS}
    }
    ${EVENTS_QUERY}
  }
`;

interface Data {
  me: { role: Me["role"]; department: { code: string } | null } | null;
  workPlan: { workflowId: string; year: number; status: string; revision: number; dueDate: string; returnReason: string | null; submittedAt: string | null; approvedAt: string | null; department: { code: string; name: string; nameEn: string }; milestones: MilestoneView[]; waitingFor: Waiting[] } | null;
  workflowEvents: WfEvent[];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow<Data>(request, QUERY, { id: params.id });
  if (!d.workPlan) throw json({ zh: `未找到年度工作计划：${params.id}`, en: `Work plan not found: ${params.id}` }, { status: 404 });
  return json({ me: d.me, plan: d.workPlan, events: d.workflowEvents });
}

const SAVE = `mutation ($id: String!, $ms: [MilestoneInput!]!) { saveWorkPlanMilestones(workflowId: $id, milestones: $ms) { status } }`;

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const id = params.id!;
  let r;
  if (intent === "save" || intent === "submit") {
    r = await gql(request, SAVE, { id, ms: milestonesFromForm(form) });
    if (r.ok && intent === "submit") r = await gql(request, `mutation ($id: String!) { submitWorkPlan(workflowId: $id) { status } }`, { id });
  } else if (intent === "done") {
    r = await gql(request, `mutation ($id: String!, $o: Int!, $note: String!) { completeMilestone(workflowId: $id, ordinal: $o, note: $note) { status } }`, { id, o: Number(form.get("ordinal")), note: String(form.get("note") ?? "") });
  } else {
    r = await gql(request, `mutation ($id: String!, $approve: Boolean!, $reason: String) { reviewWorkPlan(workflowId: $id, approve: $approve, reason: $reason) { status } }`, { id, approve: intent === "approve", reason: String(form.get("reason") ?? "") || null });
  }
  if (r.ok) return redirect(`/work-plans/${encodeURIComponent(id)}?done=${intent}`);
  return json<ActionResult>({ ok: false, error: r.error, intent }, { status: 400 });
}

export default function WorkPlan() {
  const { me, plan: p, events } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const mine = me?.role === "STEERING_GROUP" || me?.department?.code === p.department.code;
  const editable = (p.status === "DRAFTING" || p.status === "RETURNED") && me?.role === "DEPARTMENT_MEMBER";
  return (
    <>
      <PageHeader title={<>{nameOf(t.lang, p.department)} {p.year} {t("workPlansTitle")}</>} lead={<Link to="/work-plans">← {t("workPlansTitle")} · {t("dueDate")} {shanghaiDate(p.dueDate)}</Link>} actions={<WfStatus status={p.status} />} />
      <WaitingFor items={p.waitingFor} />
      {p.status === "RETURNED" && p.returnReason ? <div className="notice notice-error" data-testid="return-reason"><strong>{t("returnReason")}：</strong>{p.returnReason}</div> : null}
      {result?.error ? <ErrorNotice error={result.error} /> : null}
      <Section id="milestones" title={t("milestones")}>
        {editable ? (
          <Form method="post" className="form">
            {!mine ? <p className="small muted">{t("leadOnly")}</p> : null}
            <MilestoneEditor milestones={p.milestones} />
            <div className="page-actions">
              <SubmitButton label={t("saveDraft")} intent="save" variant="secondary" />
              <SubmitButton label={t("submit")} intent="submit" />
            </div>
          </Form>
        ) : (
          <DataTable
            testId="milestones"
            caption={t("milestones")}
            rows={p.milestones}
            rowKey={(m) => String(m.ordinal)}
            columns={[
              { key: "n", header: "#", rowHeader: true, cell: (m) => m.ordinal },
              { key: "task", header: t("task"), cell: (m) => m.taskCode ?? "—" },
              { key: "what", header: t("what"), cell: (m) => m.what },
              { key: "unit", header: t("responsibleUnit"), cell: (m) => m.responsibleUnit },
              { key: "due", header: t("dueDate"), cell: (m) => shanghaiDate(m.dueDate) },
              { key: "ind", header: t("indicator"), cell: (m) => m.indicator },
              { key: "st", header: t("status"), cell: (m) => <WfStatus status={m.status} overdue={m.overdue} /> },
              {
                key: "done",
                header: t("markDone"),
                cell: (m) =>
                  m.status === "DONE" ? (m.completionNote ?? "") : p.status === "APPROVED" && mine ? (
                    <Form method="post" className="filters">
                      <input type="hidden" name="ordinal" value={m.ordinal} />
                      <input name="note" aria-label={`${t("note")} ${m.ordinal}`} required />
                      <SubmitButton label={t("markDone")} intent="done" variant="secondary" />
                    </Form>
                  ) : "",
              },
            ]}
          />
        )}
      </Section>
      {me?.role === "STEERING_GROUP" && p.status === "SUBMITTED" ? (
        <Section id="review" title={t("awaitingReview")}>
          <Form method="post" className="form">
            <TextArea name="reason" label={`${t("reason")} (${t("reasonRequired")})`} rows={3} />
            <div className="page-actions">
              <SubmitButton label={t("approve")} intent="approve" />
              <SubmitButton label={t("returnIt")} intent="return" variant="secondary" />
            </div>
          </Form>
        </Section>
      ) : null}
      {p.status === "APPROVED" && !result ? <Notice>{t("approve")} · {shanghaiDate(p.approvedAt)}</Notice> : null}
      <Section id="timeline" title={t("timeline")}>
        <Timeline events={events} />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
