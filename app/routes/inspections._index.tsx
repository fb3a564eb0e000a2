// 专项督导检查: the inspections a page at a time, soonest first, under the month of their day, each named in words, a
// recurring one with its series and later days; filtered (GET, in the URL) by department, area, task, status, date
// range and overdue (a finding past its deadline). Inspectors and the steering group schedule one, also recurring.
import { ChaseBoardLink } from "../components/ChaseBoardLink";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDate } from "../components/status";
import { ListEmpty, ListFilterForm, ListNotices } from "../components/ListFilters";
import {
  ErrorNotice,
  Field,
  PageHeader,
  Pager,
  Section,
  SelectField,
  SubmitButton,
  type ActionResult,
} from "../components/ui";
import { todayShanghai, WfStatus } from "../components/workflow";
import { nameOf, pick, useT } from "../i18n";
import { keys } from "../models/vocabulary";
import { graphql, PAGE_INFO } from "../utils/graphql";
import { gql, gqlOrThrow } from "../utils/graphql.server";
import { filtered, loadPage, readFilters } from "../utils/list-page.server";
import { INSPECTION_STATUSES, RECURRENCES } from "../../workflows/inspection/state";

export const meta: MetaFunction = () => [{ title: "专项督导检查 / Supervisory inspections" }];

const CHOICES = /* @__PURE__ */ graphql(`
  query InspectionChoices {
    me @_optional {
      role
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
  query Inspections(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $departmentCode: String
    $areaCode: String
    $taskCode: String
    $status: InspectionStatus
    $dueFrom: Date
    $dueTo: Date
    $overdue: Boolean
  ) {
    inspectionsConnection(
      first: $first
      after: $after
      last: $last
      before: $before
      departmentCode: $departmentCode
      areaCode: $areaCode
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
          findings {
            status
            overdue
          }
        }
      }
    }
  }
  ${PAGE_INFO}
`);

type Bilingual = { zh: string; en: string };
const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const read = readFilters(url, { status: keys(INSPECTION_STATUSES) });
  const [d, list] = await Promise.all([
    gqlOrThrow(request, CHOICES),
    loadPage(url, PAGE_SIZE, read.filters, read.notices, (f, page) =>
      gql(request, LIST, {
        ...page,
        departmentCode: f.departmentCode,
        areaCode: f.areaCode,
        taskCode: f.taskCode,
        status: f.status as keyof typeof INSPECTION_STATUSES | null,
        dueFrom: f.dueFrom,
        dueTo: f.dueTo,
        overdue: f.overdue,
      }),
    ),
  ]);
  const c = list.data?.inspectionsConnection;
  // The page's rows, soonest first, under the month of their day.
  const rows = c?.edges.map((e) => e.node) ?? [];
  const months = new Map<string, typeof rows>();
  for (const r of rows) {
    const m = shanghaiDate(r.scheduledFor).slice(0, 7);
    months.set(m, [...(months.get(m) ?? []), r]);
  }
  return json({
    role: d.me?.role ?? null,
    departments: d.departments.filter((x) => x.kind !== "STEERING_GROUP"),
    areas: d.areas,
    tasks: d.tasks.edges.map((e) => e.node),
    filters: list.filters,
    filtered: filtered(list.filters),
    notices: list.notices,
    months: [...months.entries()],
    page: c ? { pageInfo: c.pageInfo, total: c.totalCount, start: c.startIndex, count: rows.length } : null,
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
  const { role, departments, areas, tasks, filters, filtered, notices, months, page } = useLoaderData<typeof loader>();
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
      <Section id="list" title={t("inspectionsTitle")}>
        <ListFilterForm
          resetTo="/inspections#list"
          values={filters}
          departments={departments}
          tasks={tasks}
          areas={areas}
          statuses={INSPECTION_STATUSES}
        />
        <ListNotices notices={notices} />
        {page && page.count === 0 ? <ListEmpty filtered={filtered} /> : null}
        <div data-testid="inspection-list">
          {months.map(([month, rows]) => (
            <section key={month} id={`m-${month}`} aria-labelledby={`m-${month}-title`}>
              <h3 id={`m-${month}-title`}>{month}</h3>
              <ul className="calendar" data-testid={`inspections-${month}`}>
                {rows.map((r) => {
                  const open = r.findings.filter((f) => f.status !== "CLOSED").length;
                  return (
                    <li key={r.workflowId}>
                      <time dateTime={shanghaiDate(r.scheduledFor)}>{shanghaiDate(r.scheduledFor).slice(5)}</time>{" "}
                      <Link to={`/inspections/${encodeURIComponent(r.workflowId)}`}>{words(r.heading)}</Link> ·{" "}
                      {r.title} · {r.taskCodes.join(", ")}{" "}
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
            </section>
          ))}
        </div>
        {page ? (
          <Pager
            pageInfo={page.pageInfo}
            total={page.total}
            start={page.start}
            count={page.count}
            label={t("inspectionsTitle")}
          />
        ) : null}
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
