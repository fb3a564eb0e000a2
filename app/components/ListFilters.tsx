// The paged lists' shared parts (/reports, /inspections, /work-plans, /linkage, the workspace): a GET filter form
// with the fields a list has (department, task, area, process, status, deadline range, overdue only), the notices of
// what in the URL was set aside, and an empty state that says whether nothing matches the filters or nothing exists.
import type { ReactNode } from "react";
import { EmptyState, ErrorNotice, Field, FilterForm, SelectField, type UiError } from "./ui";
import { nameOf, pick, titleOf, useT } from "../i18n";

export interface FilterValues {
  departmentCode?: string | null;
  taskCode?: string | null;
  areaCode?: string | null;
  process?: string | null;
  status?: string | null;
  dueFrom?: string | null;
  dueTo?: string | null;
  overdue?: boolean | null;
}

type Named = { code: string; name: string; nameEn: string };
type Labels = Record<string, readonly [string, string]>;

export function ListFilterForm({
  resetTo,
  values,
  departments,
  tasks,
  areas,
  processes,
  statuses,
  deadline = true,
  overdue = true,
  children,
}: {
  resetTo: string;
  values: FilterValues;
  departments?: Named[];
  tasks?: { code: string; title: string; titleEn: string }[];
  areas?: Named[];
  processes?: Labels;
  statuses?: Labels;
  deadline?: boolean;
  overdue?: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <FilterForm resetTo={resetTo}>
      {departments ? (
        <SelectField
          name="departmentCode"
          id="q-departmentCode"
          label={t("department")}
          includeAll={t("all")}
          defaultValue={values.departmentCode}
          options={departments.map((d) => ({ value: d.code, label: nameOf(t.lang, d) }))}
        />
      ) : null}
      {tasks ? (
        <SelectField
          name="taskCode"
          id="q-taskCode"
          label={t("task")}
          includeAll={t("all")}
          defaultValue={values.taskCode}
          options={tasks.map((x) => ({ value: x.code, label: `${x.code} ${titleOf(t.lang, x)}` }))}
        />
      ) : null}
      {areas ? (
        <SelectField
          name="areaCode"
          id="q-areaCode"
          label={t("area")}
          includeAll={t("all")}
          defaultValue={values.areaCode}
          options={areas.map((a) => ({ value: a.code, label: nameOf(t.lang, a) }))}
        />
      ) : null}
      {processes ? (
        <SelectField
          name="process"
          id="q-process"
          label={t("process")}
          includeAll={t("all")}
          defaultValue={values.process}
          options={Object.entries(processes).map(([value, label]) => ({ value, label: pick(t.lang, label) }))}
        />
      ) : null}
      {statuses ? (
        <SelectField
          name="status"
          id="q-status"
          label={t("status")}
          includeAll={t("all")}
          defaultValue={values.status}
          options={Object.entries(statuses).map(([value, label]) => ({ value, label: pick(t.lang, label) }))}
        />
      ) : null}
      {deadline ? (
        <>
          <Field name="dueFrom" id="q-dueFrom" type="date" label={t("dueFrom")} defaultValue={values.dueFrom} />
          <Field name="dueTo" id="q-dueTo" type="date" label={t("dueTo")} defaultValue={values.dueTo} />
        </>
      ) : null}
      {overdue ? (
        <div className="field">
          <label>
            <input type="checkbox" name="overdue" defaultChecked={!!values.overdue} /> {t("overdueOnly")}
          </label>
        </div>
      ) : null}
      {children}
    </FilterForm>
  );
}

/** What the URL asked for that the list set aside (a bad filter value, a stale cursor), each in the reader's language. */
export function ListNotices({ notices }: { notices: UiError[] }) {
  return (
    <>
      {notices.map((n, i) => (
        <ErrorNotice key={i} error={n} />
      ))}
    </>
  );
}

/** The empty list: with filters set, that nothing matches them (and how to see everything). */
export function ListEmpty({ filtered }: { filtered: boolean }) {
  const t = useT();
  return filtered ? (
    <EmptyState>
      {pick(t.lang, [
        "没有符合筛选条件的记录；可清除筛选查看全部",
        "Nothing matches these filters; clear them to see everything",
      ])}
    </EmptyState>
  ) : (
    <EmptyState />
  );
}
