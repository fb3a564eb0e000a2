// 邮件发件箱: every notice, reminder, return and escalation the product sent (or, without SMTP, only stored).
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/DataTable";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { shanghaiDateTime } from "../components/status";
import { FilterForm, Field, PageHeader, Section } from "../components/ui";
import { useT } from "../i18n";
import { gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "邮件发件箱 / E-mail outbox" }];

interface Msg { id: number; toEmail: string; toName: string; subject: string; body: string; template: string; workflowId: string | null; createdAt: string; sentAt: string | null; locale: string }

export async function loader({ request }: LoaderFunctionArgs) {
  const sp = new URL(request.url).searchParams;
  const filters = { toEmail: sp.get("toEmail") || null, workflowId: sp.get("workflowId") || null };
  const d = await gqlOrThrow<{ outbox: Msg[] }>(request, `query ($toEmail: String, $workflowId: String) { outbox(first: 200, toEmail: $toEmail, workflowId: $workflowId) { id toEmail toName subject body template workflowId createdAt sentAt locale } }`, filters);
  return json({ messages: d.outbox, filters });
}

export default function Outbox() {
  const { messages, filters } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageHeader title={t("outboxTitle")} />
      <FilterForm resetTo="/admin/outbox">
        <Field name="toEmail" label={t("recipient")} defaultValue={filters.toEmail} />
        <Field name="workflowId" label="workflowId" defaultValue={filters.workflowId} />
      </FilterForm>
      <Section id="outbox" title={t("outboxTitle")}>
        <DataTable
          testId="outbox"
          caption={t("outboxTitle")}
          rows={messages}
          rowKey={(m) => String(m.id)}
          columns={[
            { key: "at", header: t("when"), rowHeader: true, cell: (m) => shanghaiDateTime(m.createdAt) },
            { key: "to", header: t("recipient"), cell: (m) => `${m.toName} <${m.toEmail}>` },
            { key: "subject", header: t("subject"), cell: (m) => <details><summary>{m.subject}</summary><pre className="quote small">{m.body}</pre></details> },
            { key: "tpl", header: t("kind"), cell: (m) => <code className="small">{m.template}</code> },
            { key: "sent", header: t("sentAt"), cell: (m) => (m.sentAt ? shanghaiDateTime(m.sentAt) : <span className="muted">{t("notSent")}</span>) },
          ]}
        />
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
