// 用户与角色 (steering group only; the API refuses everyone else and the error page says so). Each row has two small
// forms that work without JavaScript: change the role and the unit a user acts for, and deactivate or reactivate.
// Either change ends the user's sessions (app/models/user.server.ts).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { roleLabel, type Me } from "../components/Layout";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { CsvLink, ErrorNotice, Notice, PageHeader, Section, SubmitButton } from "../components/ui";
import { nameOf, useT, type Lang } from "../i18n";
import { graphql, type ResultOf } from "../utils/graphql";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "用户管理 / Users" }];

const USERS = /* @__PURE__ */ graphql(`
  query {
    users {
      name
      email
      role
      locale
      active
      department @_optional {
        code
        name
        nameEn
      }
      area @_optional {
        code
        name
        nameEn
      }
    }
    departments {
      code
      name
      nameEn
    }
    areas(cityCode: "2306") {
      code
      name
      nameEn
    }
  }
`);
type Data = ResultOf<typeof USERS>;
type UserRow = Data["users"][number];
type Unit = Data["departments"][number];

const ROLES: Me["role"][] = ["STEERING_GROUP", "DEPARTMENT_MEMBER", "INSPECTOR", "AREA_IMPLEMENTER"];

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await gqlOrThrow(request, USERS));
}

const UPDATE = /* @__PURE__ */ graphql(`
  mutation ($email: String!, $role: Role!, $departmentCode: String, $areaCode: String) {
    updateUser(email: $email, role: $role, departmentCode: $departmentCode, areaCode: $areaCode) {
      email
    }
  }
`);
const SET_ACTIVE = /* @__PURE__ */ graphql(`
  mutation ($email: String!, $active: Boolean!) {
    setUserActive(email: $email, active: $active) {
      email
    }
  }
`);

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "");
  const intent = form.get("intent");
  let r;
  if (intent === "update") {
    // One select names the unit: "department:<code>" or "area:<code>".
    const [kind, code] = String(form.get("unit") ?? "").split(":");
    r = await gql(request, UPDATE, {
      email,
      role: String(form.get("role") ?? "") as Me["role"], // the API refuses a value outside its Role enum
      departmentCode: kind === "department" ? code : null,
      areaCode: kind === "area" ? code : null,
    });
  } else if (intent === "deactivate" || intent === "reactivate") {
    r = await gql(request, SET_ACTIVE, { email, active: intent === "reactivate" });
  } else {
    return json({ ok: false, email, error: { zh: "未知的操作", en: "Unknown action" } }, { status: 400 });
  }
  // UNCHANGED (the values were the current ones) is an answer, not a refusal.
  return json(
    { ok: r.ok, email, error: r.ok ? null : r.error },
    { status: r.ok || r.error.code === "UNCHANGED" ? 200 : 400 },
  );
}

function UnitSelect({
  id,
  user,
  departments,
  areas,
  lang,
}: {
  id: string;
  user: UserRow;
  departments: Unit[];
  areas: Unit[];
  lang: Lang;
}) {
  const current = user.department ? `department:${user.department.code}` : user.area ? `area:${user.area.code}` : "";
  return (
    <select id={id} name="unit" defaultValue={current}>
      <optgroup label={lang === "en" ? "Departments" : "部门"}>
        {departments.map((d) => (
          <option key={d.code} value={`department:${d.code}`}>
            {nameOf(lang, d)}
          </option>
        ))}
      </optgroup>
      <optgroup label={lang === "en" ? "Areas" : "县区"}>
        {areas.map((a) => (
          <option key={a.code} value={`area:${a.code}`}>
            {nameOf(lang, a)}
          </option>
        ))}
      </optgroup>
    </select>
  );
}

export default function Users() {
  const { users, departments, areas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("usersTitle")} actions={<CsvLink href="/export/users.csv" />} />
      <Section id="users" title={t("usersTitle")}>
        <ErrorNotice error={result?.error} />
        {result?.ok ? <Notice>{`${result.email}: ${t("userSaved")}`}</Notice> : null}
        <DataTable
          testId="users"
          caption={t("usersTitle")}
          rows={users}
          rowKey={(u) => u.email}
          columns={[
            { key: "name", header: t("name"), rowHeader: true, cell: (u) => u.name },
            { key: "email", header: t("email"), cell: (u) => u.email },
            { key: "role", header: t("role"), cell: (u) => roleLabel(t.lang, u.role) },
            {
              key: "dept",
              header: `${t("department")} / ${t("area")}`,
              cell: (u) => nameOf(t.lang, u.department) || nameOf(t.lang, u.area) || "—",
            },
            { key: "locale", header: t("locale"), cell: (u) => (u.locale === "en" ? "English" : "中文") },
            { key: "status", header: t("accountStatus"), cell: (u) => (u.active ? t("active") : t("deactivated")) },
            {
              key: "actions",
              header: t("userActions"),
              cell: (u) => {
                const id = u.email.replace(/[^a-z0-9]/gi, "-");
                return (
                  <div className="user-actions">
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="email" value={u.email} />
                      <label className="sr-only" htmlFor={`role-${id}`}>{`${t("role")} · ${u.name}`}</label>
                      <select id={`role-${id}`} name="role" defaultValue={u.role}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {roleLabel(t.lang, r)}
                          </option>
                        ))}
                      </select>
                      <label className="sr-only" htmlFor={`unit-${id}`}>{`${t("actsFor")} · ${u.name}`}</label>
                      <UnitSelect id={`unit-${id}`} user={u} departments={departments} areas={areas} lang={t.lang} />
                      <SubmitButton label={t("save")} intent="update" variant="secondary" />
                    </Form>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="email" value={u.email} />
                      {u.active ? (
                        <SubmitButton label={t("deactivate")} intent="deactivate" variant="danger" />
                      ) : (
                        <SubmitButton label={t("reactivate")} intent="reactivate" variant="secondary" />
                      )}
                    </Form>
                  </div>
                );
              },
            },
          ]}
        />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
