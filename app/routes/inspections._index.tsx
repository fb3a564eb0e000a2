// 专项督导检查: the inspections as a calendar (by month), each named in words, a recurring one with its series and
// later days; inspectors and the steering group schedule one, also recurring.
import { ChaseBoardLink } from "../components/ChaseBoardLink";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDate } from "../components/status";
import {
  EmptyState,
  ErrorNotice,
  Field,
  PageHeader,
  Section,
  SelectField,
  SubmitButton,
  type ActionResult,
} from "../components/ui";
import { todayShanghai, WfStatus } from "../components/workflow";
import { nameOf, pick, useT } from "../i18n";
import { graphql } from "../utils/graphql";
import { gql, gqlOrThrow } from "../utils/graphql.server";
import { INSPECTION_STATUSES, RECURRENCES } from "../../workflows/inspection/state";

export const meta: MetaFunction = () => [{ title: "专项督导检查 / Supervisory inspections" }];

const QUERY = /* @__PURE__ */ graphql(`
  query Inspections {
    me @_optional {
      role
      department @_optional {
        code
      }
      area @_optional {
        code
      }
    }
    departments {
      code
      name
      nameEn
      kind
    }
    areas(cityCode: "2306") {
      code
      name
      nameEn
    }
    inspections {
      workflowId
      title
      heading {
        zh
        en
      }
      series @_optional {
        zh
        en
      }
      laterDates
      status
      scheduledFor
      taskCodes
      inspectedDepartment @_optional {
        code
        name
        nameEn
      }
      area @_optional {
        code
        name
        nameEn
      }
      findings {
        status
        overdue
      }
    }
  }
`);

type Bilingual = { zh: string; en: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY);
  const rows = [...d.inspections].sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
  const months = new Map<string, typeof rows>();
  for (const r of rows) {
    const m = shanghaiDate(r.scheduledFor).slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), r]);
  }
  return json({
    role: d.me?.role ?? null,
    departments: d.departments.filter((x) => x.kind !== "STEERING_GROUP"),
    areas: d.areas,
    months: [...months.entries()],
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const unit = String(form.get("unit") ?? "");
  const [kind, code] = unit.split(":");
  const s = (k: string) => String(form.get(k) ?? "").trim();
  const r = await gql(
    request,
    graphql(`
      mutation (
        $title: String!
        $d: String
        $a: String
        $tasks: [String!]!
        $date: String!
        $rec: String
        $until: String
      ) {
        scheduleInspection(
          title: $title
          departmentCode: $d
          areaCode: $a
          taskCodes: $tasks
          date: $date
          recurrence: $rec
          repeatUntil: $until
        ) {
          workflowId
        }
      }
    `),
    {
      title: s("title"),
      d: kind === "dept" ? code : null,
      a: kind === "area" ? code : null,
      tasks: s("taskCodes")
        .split(/[,，\s]+/)
        .filter(Boolean),
      date: s("date"),
      rec: s("recurrence") || "NONE",
      until: s("repeatUntil") || null,
    },
  );
  if (r.ok) return redirect(`/inspections/${encodeURIComponent(r.data.scheduleInspection.workflowId)}`);
  return json<ActionResult>({ ok: false, error: r.error }, { status: 400 });
}

export default function Inspections() {
  const { role, departments, areas, months } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const words = (x: Bilingual) => (t.lang === "en" ? x.en : x.zh);
  const en = t.lang === "en";
  /** The next three days of a series, then an ellipsis. */
  const laterDates = (days: string[]) =>
    `${en ? ": " : "："}${days.slice(0, 3).join(en ? ", " : "、")}${days.length > 3 ? "…" : ""}`;
  return (
    <>
      <PageHeader title={t("inspectionsTitle")} />
      <ChaseBoardLink
        to="/inspections/chase"
        label={["整改督办看板：谁未整改、催报、签收", "Rectifications chase board: who is late, chase, signed for"]}
      />
      {role === "INSPECTOR" || role === "STEERING_GROUP" ? (
        <Section id="schedule" title={t("schedule")}>
          <Form method="post" className="form">
            <ErrorNotice error={result?.error} />
            <div className="form-grid">
              <Field name="title" label={t("title")} required />
              <div className="field">
                <label htmlFor="f-unit">{t("inspected")}</label>
                <select id="f-unit" name="unit" required>
                  <optgroup label={t("department")}>
                    {departments.map((d) => (
                      <option key={d.code} value={`dept:${d.code}`}>
                        {nameOf(t.lang, d)}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t("area")}>
                    {areas.map((a) => (
                      <option key={a.code} value={`area:${a.code}`}>
                        {nameOf(t.lang, a)}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </div>
              <Field name="taskCodes" label={t("tasksInScope")} required hint="1.1, 1.3" />
              <Field name="date" type="date" label={t("date")} required defaultValue={todayShanghai(7)} />
              <SelectField
                name="recurrence"
                label={t("recurrence")}
                defaultValue="NONE"
                options={Object.entries(RECURRENCES).map(([value, pair]) => ({ value, label: pick(t.lang, pair) }))}
              />
              <Field name="repeatUntil" type="date" label={`${t("repeatUntil")} (${t("optional")})`} />
            </div>
            <div>
              <SubmitButton label={t("schedule")} />
            </div>
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
                  <Link to={`/inspections/${encodeURIComponent(r.workflowId)}`}>{words(r.heading)}</Link> · {r.title} ·{" "}
                  {r.taskCodes.join(", ")}{" "}
                  <WfStatus
                    status={r.status}
                    overdue={r.findings.some((f) => f.overdue)}
                    labels={INSPECTION_STATUSES}
                  />
                  {open ? (
                    <span className="small muted">
                      {" "}
                      · {t("openFindings")} {open}
                    </span>
                  ) : null}
                  {r.series ? (
                    <span className="small muted" data-testid="series">
                      {" "}
                      · {words(r.series)}
                      {r.laterDates.length ? ` · ${t("inspectionLaterDates")}${laterDates(r.laterDates)}` : ""}
                    </span>
                  ) : null}
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
