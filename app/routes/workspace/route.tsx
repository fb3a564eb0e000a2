// 工作台: what needs the signed-in user now, as the processes themselves say (their mirrored waitingFor): for a
// department its reports, contributions, work plan and rectifications; for the steering group its reviews and
// everything overdue; for an inspector the inspections and verifications; plus a department's own tasks. Each list a
// page at a time, soonest deadline first, filtered in the URL by process, deadline range and overdue.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "../../components/DataTable";
import { roleLabel, type Me } from "../../components/Layout";
import { RouteErrorBoundary } from "../../components/RouteErrorBoundary";
import { TASK_STATUS_TONE } from "../../components/status";
import { PageHeader, Pager, Section, StatusPill } from "../../components/ui";
import { ListEmpty, ListFilterForm, ListNotices } from "../../components/ListFilters";
import { nameOf, pick, titleOf, useT } from "../../i18n";
import { PROCESS_KINDS, type ProcessKind } from "../../../workflows/processes";
import { TASK_STATUSES, type TaskStatus } from "../../models/vocabulary";
import { loadWorkspace, type Item } from "./workspace.server";
import { DeadlineLight, dueDayOf } from "../../components/DeadlineLight";
import { SignForButton } from "../../components/SignForButton";

export const meta: MetaFunction = () => [{ title: "工作台 / Workspace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await loadWorkspace(request));
}

/** One list of what the processes wait for: the item, what is awaited, by when. */
type List = Awaited<ReturnType<typeof loadWorkspace>>["mine"];

function Items({
  id,
  title,
  list,
  prefix,
  filtered,
  canSign = false,
}: {
  id: string;
  title: string;
  list: List;
  /** The list's own page parameters in the URL (`o-after` for the second list). */
  prefix?: string;
  filtered: boolean;
  /** The viewer's own list: a request to their department is signed for (签收) here. */
  canSign?: boolean;
}) {
  const t = useT();
  const text = (x: { zh: string; en: string }) => (t.lang === "en" ? x.en : x.zh);
  return (
    <Section id={id} title={`${title} (${list.page.total})`}>
      {list.items.length === 0 ? (
        filtered ? (
          <ListEmpty filtered />
        ) : (
          <p className="empty">{t("nothingWaiting")}</p>
        )
      ) : (
        <DataTable
          testId={id}
          caption={title}
          rows={list.items}
          rowKey={(i) => `${i.workflowId}/${i.text.zh}`}
          columns={[
            {
              key: "title",
              header: t("item"),
              rowHeader: true,
              cell: (i) => <Link to={i.path}>{text(i.title)}</Link>,
            },
            {
              key: "process",
              header: t("process"),
              cell: (i) => pick(t.lang, PROCESS_KINDS[i.process as ProcessKind]),
            },
            { key: "what", header: t("waitingFor"), cell: (i) => text(i.text) },
            ...(canSign
              ? [
                  {
                    key: "signFor",
                    header: pick(t.lang, ["签收", "Signed for"]),
                    cell: (i: Item) => (i.signFor ? <SignForButton signFor={i.signFor} label={text(i.title)} /> : ""),
                  },
                ]
              : []),
            {
              key: "due",
              header: t("dueDate"),
              cell: (i) =>
                i.deadline ? (
                  <span className={i.overdue ? "overdue" : undefined}>
                    {dueDayOf(i.deadline)} <DeadlineLight due={dueDayOf(i.deadline)} />
                  </span>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      )}
      {list.page.total > 0 ? <Pager {...list.page} prefix={prefix} label={title} /> : null}
    </Section>
  );
}

function Tasks({
  id,
  title,
  tasks,
}: {
  id: string;
  title: string;
  tasks: { code: string; title: string; titleEn: string; status: string }[];
}) {
  const t = useT();
  return (
    <Section id={id} title={`${title} (${tasks.length})`}>
      <DataTable
        testId={id}
        caption={title}
        rows={tasks}
        rowKey={(x) => x.code}
        columns={[
          {
            key: "task",
            header: t("task"),
            rowHeader: true,
            cell: (x) => (
              <Link to={`/tasks/${x.code}`}>
                {x.code} {titleOf(t.lang, x)}
              </Link>
            ),
          },
          {
            key: "status",
            header: t("status"),
            cell: (x) => (
              <StatusPill
                tone={TASK_STATUS_TONE[x.status] ?? "neutral"}
                label={pick(t.lang, TASK_STATUSES[x.status as TaskStatus], x.status)}
              />
            ),
          },
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
      <PageHeader
        title={`${t("workspaceTitle")} · ${roleLabel(t.lang, role)}`}
        lead={`${w.me.name}${w.me.department ? ` · ${nameOf(t.lang, w.me.department)}` : ""}${w.me.area ? ` · ${nameOf(t.lang, w.me.area)}` : ""}`}
      />
      <ListFilterForm resetTo="/workspace" values={w.filters} processes={PROCESS_KINDS} />
      <ListNotices notices={w.notices} />
      <Items id="waiting-mine" title={t("waitingForMe")} list={w.mine} filtered={w.filtered} canSign />
      {w.overdue ? (
        <Items
          id="overdue-everyone"
          title={t("overdueEverywhere")}
          list={w.overdue}
          prefix="o-"
          filtered={w.filtered}
        />
      ) : null}
      {role === "DEPARTMENT_MEMBER" ? (
        <div className="grid-2">
          <Tasks id="lead-tasks" title={`${t("myTasks")} · ${t("leadDepts")}`} tasks={w.leadTasks} />
          <Tasks id="support-tasks" title={`${t("myTasks")} · ${t("supportDepts")}`} tasks={w.supportTasks} />
        </div>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
