// 年度工作计划: every department's annual plan and where it stands; the steering group asks a department for one.
import { ChaseBoardLink } from "../components/ChaseBoardLink";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { ActionOutcome, Field, PageHeader, Section, SelectField, SubmitButton } from "../components/ui";
import { todayShanghai, WfStatus } from "../components/workflow";
import { nameOf, useT } from "../i18n";
import { graphql } from "../utils/graphql";
import { gql, gqlOrThrow } from "../utils/graphql.server";
import { WORK_PLAN_STATUSES } from "../../workflows/work-plan/process";
import { DueDate } from "../components/DeadlineLight";

export const meta: MetaFunction = () => [{ title: "年度工作计划 / Annual work plans" }];

const QUERY = /* @__PURE__ */ graphql(`
  query WorkPlans {
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
    workPlans {
      workflowId
      title {
        zh
        en
      }
      year
      status
      revision
      dueDate
      submittedAt @_optional
      approvedAt @_optional
      escalatedAt @_optional
      department {
        code
        name
        nameEn
      }
      milestones {
        status
        overdue
      }
    }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY);
  const mine = d.me?.role === "DEPARTMENT_MEMBER" ? d.me.department?.code : null;
  const plans = d.workPlans
    .filter((p) => !mine || p.department.code === mine)
    .map(({ milestones, ...p }) => ({
      ...p,
      milestones: milestones.length,
      done: milestones.filter((m) => m.status === "DONE").length,
      overdue: milestones.filter((m) => m.overdue).length,
    }));
  return json({
    role: d.me?.role ?? null,
    departments: d.departments.filter((x) => x.kind !== "STEERING_GROUP"),
    plans,
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
  const { role, departments, plans } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("workPlansTitle")} />
      <ChaseBoardLink to="/work-plans/chase" />
      <Section id="plans" title={t("workPlansTitle")}>
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
