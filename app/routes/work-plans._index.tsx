// 年度工作计划: the annual plans the reader may read and where each stands, a page at a time, soonest due first,
// filtered (GET, in the URL) by department, task (a milestone's), status, due range and overdue; the steering group
// asks a department for one.
import { ChaseBoardLink } from "../components/ChaseBoardLink";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { ListEmpty, ListFilterForm, ListNotices } from "../components/ListFilters";
import { ActionOutcome, Field, PageHeader, Pager, Section, SelectField, SubmitButton } from "../components/ui";
import { todayShanghai, WfStatus } from "../components/workflow";
import { nameOf, useT } from "../i18n";
import { keys } from "../models/vocabulary";
import { graphql, PAGE_INFO } from "../utils/graphql";
import { gql, gqlOrThrow } from "../utils/graphql.server";
import { filtered, loadPage, readFilters } from "../utils/list-page.server";
import { WORK_PLAN_STATUSES } from "../../workflows/work-plan/process";
import { DueDate } from "../components/DeadlineLight";

export const meta: MetaFunction = () => [{ title: "年度工作计划 / Annual work plans" }];

const CHOICES = /* @__PURE__ */ graphql(`
  query WorkPlanChoices {
    me @_optional {
      role
      department @_optional {
        code
      }
    }
    departments {
      code
      name
      nameEn
      kind
    }
    tasks(first: 200) {
      edges {
        node {
          code
          title
          titleEn
        }
      }
    }
  }
`);

const LIST = /* @__PURE__ */ graphql(`
  query WorkPlans(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $departmentCode: String
    $taskCode: String
    $status: WorkPlanStatus
    $dueFrom: Date
    $dueTo: Date
    $overdue: Boolean
  ) {
    workPlansConnection(
      first: $first
      after: $after
      last: $last
      before: $before
      departmentCode: $departmentCode
      taskCode: $taskCode
      status: $status
      dueFrom: $dueFrom
      dueTo: $dueTo
      overdue: $overdue
    ) {
      totalCount
      startIndex
      pageInfo {
        ...PageInfoFields
      }
      edges {
        node {
          workflowId
          title {
            zh
            en
          }
          year
          status
          revision
          dueDate
          escalatedAt @_optional
          milestones {
            status
            overdue
          }
        }
      }
    }
  }
  ${PAGE_INFO}
`);

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const read = readFilters(url, { status: keys(WORK_PLAN_STATUSES) });
  const d = await gqlOrThrow(request, CHOICES);
  // A department sees its own plans unless it asks for another's or all (it may read others' approved plans).
  const mine = d.me?.role === "DEPARTMENT_MEMBER" ? d.me.department?.code : null;
  if (mine && !url.searchParams.has("departmentCode")) read.filters.departmentCode = mine;
  const list = await loadPage(url, PAGE_SIZE, read.filters, read.notices, (f, page) =>
    gql(request, LIST, {
      ...page,
      departmentCode: f.departmentCode,
      taskCode: f.taskCode,
      status: f.status as keyof typeof WORK_PLAN_STATUSES | null,
      dueFrom: f.dueFrom,
      dueTo: f.dueTo,
      overdue: f.overdue,
    }),
  );
  const c = list.data.workPlansConnection;
  const plans = c.edges.map(({ node: { milestones, ...p } }) => ({
    ...p,
    milestones: milestones.length,
    done: milestones.filter((m) => m.status === "DONE").length,
    overdue: milestones.filter((m) => m.overdue).length,
  }));
  return json({
    role: d.me?.role ?? null,
    departments: d.departments.filter((x) => x.kind !== "STEERING_GROUP"),
    tasks: d.tasks.edges.map((e) => e.node),
    filters: list.filters,
    filtered: filtered(list.filters),
    notices: list.notices,
    plans,
    page: { pageInfo: c.pageInfo, total: c.totalCount, start: c.startIndex, count: plans.length },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const r = await gql(
    request,
    graphql(`
      mutation ($d: String!, $y: Int!, $due: String!) {
        openWorkPlan(departmentCode: $d, year: $y, dueDate: $due) {
          workflowId
        }
      }
    `),
    {
      d: String(form.get("departmentCode") ?? ""),
      y: Number(form.get("year")),
      due: String(form.get("dueDate") ?? ""),
    },
  );
  return r.ok
    ? json({ ok: true as const, error: null })
    : json({ ok: false as const, error: r.error }, { status: 400 });
}

export default function WorkPlans() {
  const { role, departments, tasks, filters, filtered, notices, plans, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("workPlansTitle")} />
      <ChaseBoardLink to="/work-plans/chase" />
      <Section id="plans" title={t("workPlansTitle")}>
        <ListFilterForm
          resetTo="/work-plans#plans"
          values={filters}
          departments={departments}
          tasks={tasks}
          statuses={WORK_PLAN_STATUSES}
        />
        <ListNotices notices={notices} />
        {plans.length === 0 ? <ListEmpty filtered={filtered} /> : null}
        <DataTable
          testId="work-plans"
          caption={t("workPlansTitle")}
          rows={plans}
          rowKey={(p) => p.workflowId}
          columns={[
            {
              key: "plan",
              header: t("workPlan"),
              rowHeader: true,
              cell: (p) => (
                <Link to={`/work-plans/${encodeURIComponent(p.workflowId)}`}>
                  {t.lang === "en" ? p.title.en : p.title.zh}
                </Link>
              ),
            },
            {
              key: "status",
              header: t("status"),
              cell: (p) => (
                <WfStatus
                  status={p.status}
                  labels={WORK_PLAN_STATUSES}
                  overdue={!!p.escalatedAt && p.status !== "APPROVED" && p.status !== "COMPLETED"}
                />
              ),
            },
            {
              key: "due",
              header: t("dueDate"),
              // Awaited from the department until it submits; a returned plan is awaited again.
              cell: (p) => <DueDate due={p.dueDate} done={p.status !== "DRAFTING" && p.status !== "RETURNED"} />,
            },
            { key: "rev", header: t("revision"), numeric: true, cell: (p) => p.revision },
            {
              key: "ms",
              header: t("milestones"),
              numeric: true,
              cell: (p) => `${p.done}/${p.milestones}${p.overdue ? ` · ${t("overdue")} ${p.overdue}` : ""}`,
            },
          ]}
        />
        <Pager
          pageInfo={page.pageInfo}
          total={page.total}
          start={page.start}
          count={page.count}
          label={t("workPlansTitle")}
        />
      </Section>
      {role === "STEERING_GROUP" ? (
        <Section id="open-plan" title={t("openWorkPlan")}>
          <Form method="post" className="filters">
            <SelectField
              name="departmentCode"
              label={t("department")}
              required
              options={departments.map((d) => ({ value: d.code, label: nameOf(t.lang, d) }))}
            />
            <Field name="year" type="number" label={t("year")} required defaultValue={new Date().getFullYear() + 1} />
            <Field name="dueDate" type="date" label={t("dueDate")} required defaultValue={todayShanghai(30)} />
            <SubmitButton label={t("openWorkPlan")} />
          </Form>
          <ActionOutcome result={result} />
        </Section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
