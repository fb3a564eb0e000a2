// 专项督导检查: the inspections as a calendar (by month) and a list; inspectors and the steering group schedule one,
// also recurring.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { Me } from "../components/Layout";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDate } from "../components/status";
import { EmptyState, ErrorNotice, Field, PageHeader, Section, SelectField, SubmitButton, type ActionResult } from "../components/ui";
import { todayShanghai, WfStatus } from "../components/workflow";
import { nameOf, useT } from "../i18n";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "专项督导检查 / Supervisory inspections" }];

const QUERY = /* GraphQL */ `
  query Inspections {
    me { role department { code } area { code } }
    departments { code name nameEn kind }
    areas(cityCode: "2306") { code name nameEn }
    inspections { workflowId title status scheduledFor recurrence occurrence taskCodes inspectedDepartment { code name nameEn } area { code name nameEn } findings { status overdue } }
  }
`;

interface Unit { code: string; name: string; nameEn: string }
interface Row { workflowId: string; title: string; status: string; scheduledFor: string; recurrence: string; occurrence: number; taskCodes: string[]; inspectedDepartment: Unit | null; area: Unit | null; findings: { status: string; overdue: boolean }[] }
interface Data { me: { role: Me["role"]; department: { code: string } | null; area: { code: string } | null } | null; departments: (Unit & { kind: string })[]; areas: Unit[]; inspections: Row[] }

export async function loader({ request }: LoaderFunctionArgs) {
  const d = await gqlOrThrow<Data>(request, QUERY);
  const rows = [...d.inspections].sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
  const months = new Map<string, typeof rows>();
  for (const r of rows) {
    const m = shanghaiDate(r.scheduledFor).slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), r]);
  }
  return json({ role: d.me?.role ?? null, departments: d.departments.filter((x) => x.kind !== "STEERING_GROUP"), areas: d.areas, months: [...months.entries()] });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const unit = String(form.get("unit") ?? "");
  const [kind, code] = unit.split(":");
  const s = (k: string) => String(form.get(k) ?? "").trim();
  const r = await gql<{ scheduleInspection: { workflowId: string } }>(
    request,
    `mutation ($title: String!, $d: String, $a: String, $tasks: [String!]!, $date: String!, $rec: String, $until: String) {
      scheduleInspection(title: $title, departmentCode: $d, areaCode: $a, taskCodes: $tasks, date: $date, recurrence: $rec, repeatUntil: $until) { workflowId } }`,
    { title: s("title"), d: kind === "dept" ? code : null, a: kind === "area" ? code : null, tasks: s("taskCodes").split(/[,，\s]+/).filter(Boolean), date: s("date"), rec: s("recurrence") || "NONE", until: s("repeatUntil") || null },
  );
  if (r.ok) return redirect(`/inspections/${encodeURIComponent(r.data.scheduleInspection.workflowId)}`);
  return json<ActionResult>({ ok: false, error: r.error }, { status: 400 });
}

export default function Inspections() {
  const { role, departments, areas, months } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const unitName = (r: { inspectedDepartment: Unit | null; area: Unit | null }) => nameOf(t.lang, r.inspectedDepartment ?? r.area);
  return (
    <>
      <PageHeader title={t("inspectionsTitle")} />
      {role === "INSPECTOR" || role === "STEERING_GROUP" ? (
        <Section id="schedule" title={t("schedule")}>
          <Form method="post" className="form">
            <ErrorNotice error={result?.error} />
            <div className="form-grid">
              <Field name="title" label={t("title")} required />
              <div className="field">
                <label htmlFor="f-unit">{t("inspected")}</label>
                <select id="f-unit" name="unit" required>
                  <optgroup label={t("department")}>{departments.map((d) => <option key={d.code} value={`dept:${d.code}`}>{nameOf(t.lang, d)}</option>)}</optgroup>
                  <optgroup label={t("area")}>{areas.map((a) => <option key={a.code} value={`area:${a.code}`}>{nameOf(t.lang, a)}</option>)}</optgroup>
                </select>
              </div>
              <Field name="taskCodes" label={t("tasksInScope")} required hint="1.1, 1.3" />
              <Field name="date" type="date" label={t("date")} required defaultValue={todayShanghai(7)} />
              <SelectField name="recurrence" label={t("recurrence")} defaultValue="NONE" options={[{ value: "NONE", label: t.lang === "en" ? "Once" : "不重复" }, { value: "MONTHLY", label: t.lang === "en" ? "Monthly" : "每月" }, { value: "QUARTERLY", label: t.lang === "en" ? "Quarterly" : "每季度" }]} />
              <Field name="repeatUntil" type="date" label={`${t("repeatUntil")} (${t("optional")})`} />
            </div>
            <div><SubmitButton label={t("schedule")} /></div>
          </Form>
        </Section>
      ) : null}
      {months.length === 0 ? <EmptyState /> : null}
      {months.map(([month, rows]) => (
        <Section key={month} id={`m-${month}`} title={month}>
          <ul className="calendar" data-testid={`inspections-${month}`}>
            {rows.map((r) => {
              const open = r.findings.filter((f) => f.status !== "CLOSED").length;
              return (
                <li key={r.workflowId}>
                  <time dateTime={shanghaiDate(r.scheduledFor)}>{shanghaiDate(r.scheduledFor).slice(5)}</time>{" "}
                  <Link to={`/inspections/${encodeURIComponent(r.workflowId)}`}>{r.title}</Link> · {unitName(r)} · {r.taskCodes.join(", ")}{" "}
                  <WfStatus status={r.status} overdue={r.findings.some((f) => f.overdue)} />
                  {open ? <span className="small muted"> · {t("openFindings")} {open}</span> : null}
                  {r.recurrence !== "NONE" ? <span className="small muted"> · {r.recurrence} #{r.occurrence}</span> : null}
                </li>
              );
            })}
          </ul>
        </Section>
      ))}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
