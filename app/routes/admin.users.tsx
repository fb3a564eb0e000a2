// 用户与角色 (steering group only; the API refuses everyone else and the error page says so).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { roleLabel, type Me } from "../components/Layout";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { CsvLink, PageHeader, Section } from "../components/ui";
import { nameOf, useT } from "../i18n";
import { gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "用户管理 / Users" }];

interface UserRow { name: string; email: string; role: Me["role"]; locale: string; department: { name: string; nameEn: string } | null; area: { name: string; nameEn: string } | null }

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await gqlOrThrow<{ users: UserRow[] }>(request, `query { users { name email role locale department { name nameEn } area { name nameEn } } }`));
}

export default function Users() {
  const { users } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("usersTitle")} actions={<CsvLink href="/export/users.csv" />} />
      <Section id="users" title={t("usersTitle")}>
        <DataTable
          testId="users"
          caption={t("usersTitle")}
          rows={users}
          rowKey={(u) => u.email}
          columns={[
            { key: "name", header: t("name"), rowHeader: true, cell: (u) => u.name },
            { key: "email", header: t("email"), cell: (u) => u.email },
            { key: "role", header: t("role"), cell: (u) => roleLabel(t.lang, u.role) },
            { key: "dept", header: `${t("department")} / ${t("area")}`, cell: (u) => nameOf(t.lang, u.department) || nameOf(t.lang, u.area) || "—" },
            { key: "locale", header: t("locale"), cell: (u) => (u.locale === "en" ? "English" : "中文") },
          ]}
        />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
