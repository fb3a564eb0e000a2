// One task: the plan's wording, lead and supporting departments, targets with live progress, and (signed in) the
// change history. The steering group sets the traffic light here.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { ChangeHistory, HISTORY_FIELDS, type AuditView } from "../../components/ChangeHistory";
import type { Me } from "../../components/Layout";
import { RouteErrorBoundary } from "../../components/RouteErrorBoundary";
import { TASK_STATUS_TONE } from "../../components/status";
import { TargetsTable, type TargetView } from "../../components/TargetsTable";
import { ActionOutcome, PageHeader, Section, SelectField, StatusPill, SubmitButton } from "../../components/ui";
import { nameOf, pick, titleOf, useT } from "../../i18n";
import { ASSIGNMENT_ROLES, TASK_STATUSES, type AssignmentRole, type TaskStatus } from "../../models/vocabulary";
import { gql, gqlOrThrow } from "../../utils/graphql.server";
import { TaskWorkflowItems, taskWorkflowItems } from "./workflow-items";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.task.code} ${data.task.title}` : "Task" }];

const TASK_QUERY = /* GraphQL */ `
  query TaskPage($code: String!, $history: Boolean!) {
    task(code: $code) {
      code title titleEn duty responsibilityClause status
      group { code title titleEn }
      assignments { role scope department { code name nameEn } }
      implementers { code name nameEn }
      targets { code title titleEn dueDate measure task { code } progress { status percent value required summaryZh summaryEn } }
    }
    changeHistory(entityType: "Task", entityId: $code, first: 50) @include(if: $history) { edges { node { ${HISTORY_FIELDS} } } }
  }
`;

interface TaskData {
  task: {
    code: string; title: string; titleEn: string; duty: string; responsibilityClause: string; status: TaskStatus;
    group: { code: string; title: string; titleEn: string };
    assignments: { role: AssignmentRole; scope: string | null; department: { code: string; name: string; nameEn: string } }[];
    implementers: { code: string; name: string; nameEn: string }[];
    targets: TargetView[];
  };
  changeHistory?: { edges: { node: AuditView }[] };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The change history is for signed-in readers only: ask for it when a session cookie came along, and read the
  // page without it when the API says no.
  const history = (request.headers.get("Cookie") ?? "").includes("__eco_session=");
  const [r, work] = await Promise.all([gql<TaskData>(request, TASK_QUERY, { code: params.code, history }), history ? taskWorkflowItems(request, params.code!) : null]);
  if (r.ok) return json({ ...r.data, work });
  if (r.error.code === "UNAUTHENTICATED" && r.data?.task) return json({ task: r.data.task, work: null } as TaskData & { work: null });
  return json({ ...(await gqlOrThrow<TaskData>(request, TASK_QUERY, { code: params.code, history: false })), work: null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const r = await gql<{ setTaskStatus: { status: string } }>(request, `mutation ($code: String!, $status: TaskStatus!) { setTaskStatus(code: $code, status: $status) { status } }`, { code: params.code, status: form.get("status") });
  return r.ok ? json({ ok: true as const, error: null }) : json({ ok: false as const, error: r.error }, { status: 400 });
}

export default function TaskPage() {
  const { task, changeHistory, work } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const root = useRouteLoaderData("root") as { me: Me | null } | undefined;
  const t = useT();
  const byRole = (role: AssignmentRole) => task.assignments.filter((a) => a.role === role);
  return (
    <>
      <PageHeader
        title={<>{task.code} {titleOf(t.lang, task)}</>}
        lead={<Link to="/plan">← {t("planTitle")} · {task.group.code}. {titleOf(t.lang, task.group)}</Link>}
        actions={<span data-testid="task-status"><StatusPill tone={TASK_STATUS_TONE[task.status] ?? "neutral"} label={pick(t.lang, TASK_STATUSES[task.status], task.status)} /></span>}
      />
      <Section id="duty" title={t("duty")}>
        <blockquote className="quote" lang="zh-CN">{task.duty}</blockquote>
        <h3>{t("responsibility")}</h3>
        <blockquote className="quote" lang="zh-CN">{task.responsibilityClause}</blockquote>
        <dl className="facts">
          {(["LEAD", "SUPPORT"] as const).map((role) => (
            <div key={role} style={{ display: "contents" }}>
              <dt>{pick(t.lang, ASSIGNMENT_ROLES[role])}</dt>
              <dd data-testid={`task-${role.toLowerCase()}`}>
                {byRole(role).length ? byRole(role).map((a) => `${nameOf(t.lang, a.department)}${a.scope ? `（${a.scope}）` : ""}`).join(t.lang === "en" ? "; " : "、") : "—"}
              </dd>
            </div>
          ))}
          <dt>{t("implementers")}</dt>
          <dd>{task.implementers.map((a) => nameOf(t.lang, a)).join(t.lang === "en" ? ", " : "、")}</dd>
        </dl>
      </Section>
      <Section id="task-targets" title={t("targets")}>
        <TargetsTable targets={task.targets} caption={t("targets")} />
      </Section>
      {root?.me?.role === "STEERING_GROUP" ? (
        <Section id="set-status" title={t("setStatus")}>
          <Form method="post" className="filters">
            <SelectField name="status" label={t("status")} defaultValue={task.status} options={Object.entries(TASK_STATUSES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))} />
            <SubmitButton label={t("save")} />
          </Form>
          <ActionOutcome result={result} />
        </Section>
      ) : null}
      {work ? <TaskWorkflowItems items={work} /> : null}
      <Section id="history" title={t("changeHistory")}>
        {changeHistory ? <ChangeHistory events={changeHistory.edges.map((e) => e.node)} /> : <p className="muted">{t("historySignIn")}</p>}
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
