// One annual work plan: the department drafts its milestones and submits; the steering group approves it or returns
// it with a reason (every return stays listed); once approved, milestones are marked done as they are reached. Each
// form shows only when the API offers its step to this viewer now (workflows/work-plan/process.ts).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { MilestoneEditor, milestonesFromForm, MilestoneTable } from "../components/MilestoneEditor";
import { DueDate } from "../components/DeadlineLight";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDate, shanghaiDateTime } from "../components/status";
import {
  ErrorNotice,
  Notice,
  PageHeader,
  Section,
  SubmitButton,
  TextArea,
  unknownIntent,
  type ActionResult,
} from "../components/ui";
import {
  ACTIONS_FIELDS,
  EVENTS_QUERY,
  Timeline,
  WAITING_FIELDS,
  WaitingFor,
  WfStatus,
  type OfferedAction,
} from "../components/workflow";
import { useT } from "../i18n";
import { ItemSignFor, RECEIPTS_QUERY } from "../components/SignForButton";
import { graphql } from "../utils/graphql";
import { gql, gqlOrThrow, found } from "../utils/graphql.server";
import { WORK_PLAN_STATUSES } from "../../workflows/work-plan/process";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.plan.title.zh} / ${data.plan.title.en}` : "年度工作计划 / Annual work plan" },
];

const QUERY = /* @__PURE__ */ graphql(`
  query WorkPlan($id: String!) {
    workPlan(workflowId: $id) @_optional {
      workflowId title { zh en } ${ACTIONS_FIELDS} status revision dueDate returnReason @_optional approvedAt @_optional
      dueDateNote @_optional { zh en } dueDateWarning @_optional { zh en }
      returns { revision reason returnedAt }
      milestones { ordinal taskCode what responsibleUnit dueDate dueDateNote @_optional { zh en } indicator status overdue completedAt @_optional completionNote @_optional }
      ${WAITING_FIELDS}
    }
    ${EVENTS_QUERY}
    ${RECEIPTS_QUERY}
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY, { id: String(params.id) });
  const plan = found(d.workPlan, ["年度工作计划", "Work plan"], String(params.id));
  return json({ plan, events: d.workflowEvents, receipts: d.itemReceipts });
}

const SAVE = /* @__PURE__ */ graphql(`
  mutation ($id: String!, $ms: [MilestoneInput!]!) {
    saveWorkPlanMilestones(workflowId: $id, milestones: $ms) {
      status
    }
  }
`);
const SUBMIT = /* @__PURE__ */ graphql(`
  mutation ($id: String!) {
    submitWorkPlan(workflowId: $id) {
      status
    }
  }
`);
const REVIEW = /* @__PURE__ */ graphql(`
  mutation ($id: String!, $approve: Boolean!, $reason: String) {
    reviewWorkPlan(workflowId: $id, approve: $approve, reason: $reason) {
      status
    }
  }
`);
const DONE = /* @__PURE__ */ graphql(`
  mutation ($id: String!, $o: Int!, $note: String!) {
    completeMilestone(workflowId: $id, ordinal: $o, note: $note) {
      status
    }
  }
`);

const text = (form: FormData, k: string) => String(form.get(k) ?? "").trim();
type Intent = (request: Request, id: string, form: FormData) => ReturnType<typeof gql>;
const save: Intent = (request, id, form) => gql(request, SAVE, { id, ms: milestonesFromForm(form) });
const INTENTS: Record<string, Intent> = {
  save,
  // Submitting sends what the form holds: the milestones are saved first (unless unchanged), so no edit is lost.
  submit: async (request, id, form) => {
    const saved = await save(request, id, form);
    return saved.ok || saved.error.code === "UNCHANGED" ? gql(request, SUBMIT, { id }) : saved;
  },
  approve: (request, id) => gql(request, REVIEW, { id, approve: true, reason: null }),
  return: (request, id, form) => gql(request, REVIEW, { id, approve: false, reason: text(form, "reason") }),
  done: (request, id, form) => gql(request, DONE, { id, o: Number(form.get("ordinal")), note: text(form, "note") }),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const id = params.id!;
  const run = INTENTS[intent];
  if (!run) return json<ActionResult>({ ok: false, error: unknownIntent(intent), intent }, { status: 400 });
  const r = await run(request, id, form);
  if (r.ok) return redirect(`/work-plans/${encodeURIComponent(id)}`);
  // UNCHANGED (the milestones as they were) is an answer, not a refusal.
  return json<ActionResult>(
    { ok: false, error: r.error, intent },
    { status: r.error.code === "UNCHANGED" ? 200 : 400 },
  );
}

export default function WorkPlan() {
  const { plan, events, receipts } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const say = (x: { zh: string; en: string }) => (t.lang === "en" ? x.en : x.zh);
  const offered = (step: string) => plan.actions.find((a) => a.step === step);
  const [save, submit, complete] = [offered("SAVE_MILESTONES"), offered("SUBMIT"), offered("COMPLETE_MILESTONE")];
  const [approve, giveBack] = [offered("APPROVE"), offered("RETURN")];
  const unavailable = (a: OfferedAction | undefined, testId: string) =>
    a && !a.enabled && a.reason ? (
      <p className="notice notice-info" data-testid={testId}>
        {say(a.reason)}
      </p>
    ) : null;
  return (
    <>
      <PageHeader
        title={say(plan.title)}
        lead={
          <>
            <Link to="/work-plans">← {t("workPlansTitle")}</Link> · {t("dueDate")}{" "}
            <DueDate
              due={plan.dueDate}
              done={plan.status !== "DRAFTING" && plan.status !== "RETURNED"}
              note={plan.dueDateNote}
            />
          </>
        }
        actions={<WfStatus status={plan.status} labels={WORK_PLAN_STATUSES} />}
      />
      <WaitingFor items={plan.waitingFor} />
      <ItemSignFor receipts={receipts} label={say(plan.title)} />
      {plan.status === "RETURNED" && plan.returnReason ? (
        <div className="notice notice-error" data-testid="return-reason">
          <strong>{t("returnReason")}：</strong>
          {plan.returnReason}
        </div>
      ) : null}
      <ErrorNotice error={result?.error} />
      <Section id="milestones" title={t("milestones")}>
        {save?.enabled ? (
          <Form method="post" className="form">
            <MilestoneEditor milestones={plan.milestones} />
            {submit?.warning ? (
              <p className="notice notice-warn" role="note" data-testid="warning-SUBMIT">
                {say(submit.warning)}
              </p>
            ) : null}
            {unavailable(submit, "unavailable-SUBMIT")}
            <div className="page-actions">
              <SubmitButton label={t("saveDraft")} intent="save" variant="secondary" />
              {submit?.enabled ? <SubmitButton label={t("submit")} intent="submit" /> : null}
            </div>
          </Form>
        ) : (
          <>
            <MilestoneTable milestones={plan.milestones} complete={complete} />
            {unavailable(complete, "unavailable-COMPLETE_MILESTONE")}
          </>
        )}
      </Section>
      {approve || giveBack ? (
        <Section id="review" title={t("review")}>
          {approve?.enabled ? (
            <Form method="post" className="form">
              <div>
                <SubmitButton label={t("approve")} intent="approve" />
              </div>
            </Form>
          ) : null}
          {giveBack?.enabled ? (
            <Form method="post" className="form">
              <TextArea name="reason" label={`${t("reason")} (${t("reasonRequired")})`} required rows={3} />
              <div>
                <SubmitButton label={t("returnIt")} intent="return" variant="secondary" />
              </div>
            </Form>
          ) : null}
          {/* Approving and returning wait for the same thing: say it once. */}
          {unavailable(approve ?? giveBack, "unavailable-REVIEW")}
        </Section>
      ) : null}
      {plan.returns.length ? (
        <Section id="returns" title={t("returnHistory")}>
          <DataTable
            testId="returns"
            caption={t("returnHistory")}
            rows={plan.returns}
            rowKey={(r) => String(r.revision)}
            columns={[
              {
                key: "rev",
                header: t("returnedRevision"),
                rowHeader: true,
                cell: (r) => (t.lang === "en" ? `Revision ${r.revision}` : `第${r.revision}稿`),
              },
              { key: "at", header: t("returnedAt"), cell: (r) => shanghaiDateTime(r.returnedAt) },
              { key: "why", header: t("returnReason"), cell: (r) => r.reason },
            ]}
          />
        </Section>
      ) : null}
      {plan.status === "APPROVED" && !result ? (
        <Notice>
          {t("approve")} · {shanghaiDate(plan.approvedAt)}
        </Notice>
      ) : null}
      <Section id="timeline" title={t("timeline")}>
        <Timeline events={events} />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
