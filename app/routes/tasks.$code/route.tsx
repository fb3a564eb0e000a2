// One task: its status derived from the facts with the reasons (and the steering group's override beside it), the
// plan's wording, lead and supporting departments, targets with live progress, and (signed in) the change history.
// The steering group overrides the status here, with a reason, or withdraws its override.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { ChangeHistory, HISTORY_FIELDS } from "../../components/ChangeHistory";
import type { Me } from "../../components/Layout";
import { RouteErrorBoundary } from "../../components/RouteErrorBoundary";
import { TargetsTable } from "../../components/TargetsTable";
import { PageHeader, Section, unknownIntent, type ActionResult } from "../../components/ui";
import { nameOf, pick, titleOf, useT } from "../../i18n";
import { ASSIGNMENT_ROLES, type AssignmentRole, type TaskStatus } from "../../models/vocabulary";
import { graphql, type ResultOf } from "../../utils/graphql";
import { gql, gqlOrThrow } from "../../utils/graphql.server";
import { hasSessionCookie } from "../../utils/session.server";
import { TaskWorkflowItems } from "./workflow-items";
import { taskWorkflowItems } from "./workflow-items.server";
import { TASK_STATUS_FIELDS, TaskStatusBadge, TaskStatusSection } from "./task-status";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.task.code} ${data.task.title}` : "Task" },
];

const TASK_QUERY = /* @__PURE__ */ graphql(`
  query TaskPage($code: String!, $history: Boolean!) {
    task(code: $code) {
      code title titleEn duty responsibilityClause ${TASK_STATUS_FIELDS}
      group { code title titleEn }
      assignments { role scope @_optional department { code name nameEn } }
      implementers { code name nameEn }
      targets {
        code title titleEn dueDate @_optional measure task @_optional { code }
        progress @_optional { status percent value required summaryZh summaryEn }
      }
    }
    changeHistory(entityType: "Task", entityId: $code, first: 50) @include(if: $history) { edges { node { ${HISTORY_FIELDS} } } }
  }
`);
type TaskData = ResultOf<typeof TASK_QUERY>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The change history is for signed-in readers only: ask for it when a session cookie came along, and read the
  // page without it when the API says no.
  const history = hasSessionCookie(request);
  const [r, work] = await Promise.all([
    gql(request, TASK_QUERY, { code: String(params.code), history }),
    history ? taskWorkflowItems(request, params.code!) : null,
  ]);
  if (r.ok) return json({ ...r.data, work });
  if (r.error.code === "UNAUTHENTICATED" && r.data?.task)
    return json({ task: r.data.task, work: null } as TaskData & { work: null });
  return json({
    ...(await gqlOrThrow(request, TASK_QUERY, { code: String(params.code), history: false })),
    work: null,
  });
}

type Intent = (request: Request, code: string, form: FormData) => ReturnType<typeof gql>;
const INTENTS: Record<string, Intent> = {
  override: (request, code, form) =>
    gql(
      request,
      graphql(`
        mutation ($code: String!, $status: TaskStatus!, $reason: String!) {
          overrideTaskStatus(code: $code, status: $status, reason: $reason) {
            code
          }
        }
      `),
      // the API refuses a status outside its TaskStatus enum
      { code, status: String(form.get("status") ?? "") as TaskStatus, reason: String(form.get("reason") ?? "") },
    ),
  clear: (request, code) =>
    gql(
      request,
      graphql(`
        mutation ($code: String!) {
          clearTaskStatusOverride(code: $code) {
            code
          }
        }
      `),
      { code },
    ),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = String(form.get("intent"));
  const run = INTENTS[intent];
  if (!run) return json<ActionResult>({ ok: false, error: unknownIntent(intent), intent }, { status: 400 });
  const r = await run(request, params.code!, form);
  if (r.ok) return redirect(`/tasks/${encodeURIComponent(params.code!)}#task-status-why`);
  return json<ActionResult>({ ok: false, error: r.error, intent }, { status: 400 });
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
        title={
          <>
            {task.code} {titleOf(t.lang, task)}
          </>
        }
        lead={
          <Link to="/plan">
            ← {t("planTitle")} · {task.group.code}. {titleOf(t.lang, task.group)}
          </Link>
        }
        actions={<TaskStatusBadge task={task} />}
      />
      <TaskStatusSection task={task} steering={root?.me?.role === "STEERING_GROUP"} result={result} />
      <Section id="duty" title={t("duty")}>
        <blockquote className="quote" lang="zh-CN">
          {task.duty}
        </blockquote>
        <h3>{t("responsibility")}</h3>
        <blockquote className="quote" lang="zh-CN">
          {task.responsibilityClause}
        </blockquote>
        <dl className="facts">
          {(["LEAD", "SUPPORT"] as const).map((role) => (
            <div key={role} style={{ display: "contents" }}>
              <dt>{pick(t.lang, ASSIGNMENT_ROLES[role])}</dt>
              <dd data-testid={`task-${role.toLowerCase()}`}>
                {byRole(role).length
                  ? byRole(role)
                      .map((a) => `${nameOf(t.lang, a.department)}${a.scope ? `（${a.scope}）` : ""}`)
                      .join(t.lang === "en" ? "; " : "、")
                  : "—"}
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
      {work ? <TaskWorkflowItems items={work} /> : null}
      <Section id="history" title={t("changeHistory")}>
        {changeHistory ? (
          <ChangeHistory events={changeHistory.edges.map((e) => e.node)} />
        ) : (
          <p className="muted">{t("historySignIn")}</p>
        )}
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
