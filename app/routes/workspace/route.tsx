// 工作台: what needs the signed-in user now. The steering group: reviews, escalations, open findings; a department:
// its tasks, reports, annual plan, input asked of it, rectifications it owes; an inspector: inspections to run and
// rectifications to verify.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "../../components/DataTable";
import { roleLabel, type Me } from "../../components/Layout";
import { RouteErrorBoundary } from "../../components/RouteErrorBoundary";
import { shanghaiDate, TASK_STATUS_TONE } from "../../components/status";
import { PageHeader, Section, StatusPill } from "../../components/ui";
import { WfStatus } from "../../components/workflow";
import { nameOf, pick, titleOf, useT } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { TASK_STATUSES, type TaskStatus } from "../../models/vocabulary";
import { loadWorkspace, type Item } from "./workspace.server";

export const meta: MetaFunction = () => [{ title: "工作台 / Workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadWorkspace(request));
}

function Items({ id, title, items }: { id: string; title: MessageKey; items: Item[] }) {
  const t = useT();
  return (
    <Section id={id} title={`${t(title)} (${items.length})`}>
      <DataTable
        testId={id}
        caption={t(title)}
        rows={items}
        rowKey={(i) => i.key}
        columns={[
          { key: "label", header: t("name"), rowHeader: true, cell: (i) => <Link to={i.href}>{i.label}</Link> },
          { key: "unit", header: t("department"), cell: (i) => nameOf(t.lang, i.unit) },
          { key: "due", header: t("dueDate"), cell: (i) => shanghaiDate(i.due) },
          { key: "status", header: t("status"), cell: (i) => <WfStatus status={i.status} overdue={i.overdue} /> },
        ]}
      />
    </Section>
  );
}

function Tasks({ id, title, tasks }: { id: string; title: string; tasks: { code: string; title: string; titleEn: string; status: string }[] }) {
  const t = useT();
  return (
    <Section id={id} title={`${title} (${tasks.length})`}>
      <DataTable
        testId={id}
        caption={title}
        rows={tasks}
        rowKey={(x) => x.code}
        columns={[
          { key: "task", header: t("task"), rowHeader: true, cell: (x) => <Link to={`/tasks/${x.code}`}>{x.code} {titleOf(t.lang, x)}</Link> },
          { key: "status", header: t("status"), cell: (x) => <StatusPill tone={TASK_STATUS_TONE[x.status] ?? "neutral"} label={pick(t.lang, TASK_STATUSES[x.status as TaskStatus], x.status)} /> },
        ]}
      />
    </Section>
  );
}

export default function Workspace() {
  const w = useLoaderData<typeof loader>();
  const t = useT();
  const role = w.me.role as Me["role"];
  return (
    <>
      <PageHeader title={`${t("workspaceTitle")} · ${roleLabel(t.lang, role)}`} lead={`${w.me.name}${w.me.department ? ` · ${nameOf(t.lang, w.me.department)}` : ""}${w.me.area ? ` · ${nameOf(t.lang, w.me.area)}` : ""}`} />
      {role === "STEERING_GROUP" ? (
        <>
          <Items id="escalations" title="escalations" items={w.escalations} />
          <Items id="reports-to-review" title="awaitingReview" items={[...w.reportsToReview, ...w.plansToReview]} />
          <Items id="to-verify" title="verifyEffective" items={w.toVerify} />
          <Items id="open-findings" title="openFindings" items={w.openFindings} />
        </>
      ) : null}
      {role === "DEPARTMENT_MEMBER" ? (
        <>
          <Items id="my-reports" title="myReports" items={w.myReports} />
          <Items id="contributions-asked" title="contributionsAsked" items={w.contributionsAsked} />
          <Items id="my-plans" title="workPlansTitle" items={w.myPlans} />
          <Items id="rectifications" title="rectificationsOwed" items={w.rectificationsOwed} />
          <div className="grid-2">
            <Tasks id="lead-tasks" title={`${t("myTasks")} · ${t("leadDepts")}`} tasks={w.leadTasks} />
            <Tasks id="support-tasks" title={`${t("myTasks")} · ${t("supportDepts")}`} tasks={w.supportTasks} />
          </div>
        </>
      ) : null}
      {role === "INSPECTOR" ? (
        <>
          <Items id="upcoming" title="inspectionsTitle" items={w.upcoming} />
          <Items id="to-verify" title="verifyEffective" items={w.toVerify} />
        </>
      ) : null}
      {role === "AREA_IMPLEMENTER" ? <Items id="rectifications" title="rectificationsOwed" items={w.rectificationsOwed} /> : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
