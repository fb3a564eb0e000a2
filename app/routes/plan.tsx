// 方案总览: every task grouped as in the document, its lead and supporting departments, its status derived from the
// facts with the reasons (and the steering group's override beside it), and the progress of its targets. Filters go
// to the API's tasks connection.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { PROGRESS_STATUS, shanghaiDate } from "../components/status";
import { CsvLink, EmptyState, FilterForm, PageHeader, Section, SelectField, StatusPill } from "../components/ui";
import { nameOf, pick, titleOf, useT } from "../i18n";
import { ASSIGNMENT_ROLES, keys, oneOf, TASK_STATUSES } from "../models/vocabulary";
import { graphql } from "../utils/graphql";
import { gqlOrThrow } from "../utils/graphql.server";
import { hasSessionCookie } from "../utils/session.server";
import { planDeadlines } from "./tasks.$code/workflow-items.server";
import { TASK_STATUS_FIELDS, TaskStatusSummary } from "./tasks.$code/task-status";

export const meta: MetaFunction = () => [{ title: "方案总览 / The plan at a glance" }];

const PLAN_QUERY = /* @__PURE__ */ graphql(`
  query PlanPage($departmentCode: String, $role: AssignmentRole, $status: TaskStatus) {
    plan {
      title
      titleEn
      documentNumber
      issuer
      issuedOn
      taskGroups {
        code
        title
        titleEn
      }
    }
    departments {
      code
      name
      nameEn
      kind
    }
    tasks(first: 200, departmentCode: $departmentCode, role: $role, status: $status) {
      totalCount
      edges {
        node {
          code
          title
          titleEn
          ${TASK_STATUS_FIELDS}
          group {
            code
          }
          leadDepartments {
            code
            name
            nameEn
          }
          supportingDepartments {
            code
            name
            nameEn
          }
          targets {
            code
            title
            titleEn
            progress @_optional {
              status
              percent
            }
          }
        }
      }
    }
  }
`);

interface Dept {
  code: string;
  name: string;
  nameEn: string;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const sp = new URL(request.url).searchParams;
  const departmentCode = sp.get("department") || null;
  const role = oneOf(sp.get("role"), keys(ASSIGNMENT_ROLES));
  const status = oneOf(sp.get("status"), keys(TASK_STATUSES));
  const signedIn = hasSessionCookie(request);
  const [data, deadlines] = await Promise.all([
    gqlOrThrow(request, PLAN_QUERY, { departmentCode, role, status }),
    signedIn ? planDeadlines(request) : null,
  ]);
  return json({
    ...data,
    deadlines,
    filters: { department: departmentCode ?? "", role: role ?? "", status: status ?? "" },
  });
}

export default function PlanPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const tasks = d.tasks.edges.map((e) => e.node);
  const depts = (xs: Dept[]) => (
    <ul className="dept-list">
      {xs.map((x) => (
        <li key={x.code}>{nameOf(t.lang, x)}</li>
      ))}
    </ul>
  );
  return (
    <>
      <PageHeader
        title={t("planTitle")}
        lead={`${d.plan.documentNumber} · ${titleOf(t.lang, d.plan)}`}
        actions={<CsvLink href="/export/tasks.csv" />}
      />
      <FilterForm resetTo="/plan">
        <SelectField
          name="department"
          label={t("department")}
          includeAll={t("all")}
          defaultValue={d.filters.department}
          options={d.departments.map((x) => ({ value: x.code, label: nameOf(t.lang, x) }))}
        />
        <SelectField
          name="role"
          label={t("role")}
          includeAll={t("all")}
          defaultValue={d.filters.role}
          options={Object.entries(ASSIGNMENT_ROLES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
        />
        <SelectField
          name="status"
          label={t("status")}
          includeAll={t("all")}
          defaultValue={d.filters.status}
          options={Object.entries(TASK_STATUSES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
        />
      </FilterForm>
      {tasks.length === 0 ? <EmptyState /> : null}
      {d.plan.taskGroups.map((g) => {
        const rows = tasks.filter((x) => x.group.code === g.code);
        if (rows.length === 0) return null;
        return (
          <Section key={g.code} id={`group-${g.code}`} title={`${g.code}. ${titleOf(t.lang, g)}`}>
            <div className="table-wrap">
              <table className="table" data-testid={`task-group-${g.code}`}>
                <caption>{titleOf(t.lang, g)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("task")}</th>
                    <th scope="col">{t("leadDepts")}</th>
                    <th scope="col">{t("supportDepts")}</th>
                    <th scope="col">{t("status")}</th>
                    <th scope="col">{t("targets")}</th>
                    {d.deadlines ? <th scope="col">{t("nextDeadline")}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((x) => (
                    <tr key={x.code} data-task={x.code}>
                      <th scope="row">
                        <Link to={`/tasks/${x.code}`}>
                          {x.code} {titleOf(t.lang, x)}
                        </Link>
                      </th>
                      <td>{depts(x.leadDepartments)}</td>
                      <td>{x.supportingDepartments.length ? depts(x.supportingDepartments) : "—"}</td>
                      <td>
                        <TaskStatusSummary task={x} compact />
                      </td>
                      <td>
                        {x.targets.length === 0
                          ? "—"
                          : x.targets.map((g2) => (
                              <div key={g2.code} className="small">
                                {g2.progress ? (
                                  <StatusPill
                                    tone={PROGRESS_STATUS[g2.progress.status]?.tone ?? "neutral"}
                                    label={`${g2.progress.percent}%`}
                                  />
                                ) : null}{" "}
                                {titleOf(t.lang, g2)}
                              </div>
                            ))}
                      </td>
                      {d.deadlines ? (
                        <td data-testid={`deadline-${x.code}`}>
                          {shanghaiDate(d.deadlines[x.code]?.next) || "—"}
                          {d.deadlines[x.code]?.overdue ? (
                            <>
                              {" "}
                              <StatusPill tone="bad" label={`${t("overdue")} ${d.deadlines[x.code].overdue}`} />
                            </>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        );
      })}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
