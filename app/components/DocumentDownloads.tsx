// Download links for the official documents (app/documents): Word and PDF, and for a cycle a small GET form that
// narrows the consolidated report to one task or one lead department. Plain links and a document-reloading form:
// the browser downloads the file (Content-Disposition), no JavaScript needed.
// The steering group also sees the way to 发文登记 (registering the document's number before issuing it).
import { Form, Link, useRouteLoaderData } from "@remix-run/react";
import { pick, useT } from "../i18n";
import type { MessageKey } from "../i18n/messages";
import { REGISTER_WORDS, registerHref } from "../routes/documents.register.new/words";
import { Section, SelectField } from "./ui";

/** 发文登记… for the steering group (the API refuses everyone else anyway): the document's register page. */
export function RegisterLink({ document }: { document: Record<string, string | number | null> }) {
  const t = useT();
  const root = useRouteLoaderData("root") as { me?: { role?: string } | null } | undefined;
  if (root?.me?.role !== "STEERING_GROUP") return null;
  return (
    <p className="page-actions">
      <Link to={registerHref(document)} data-testid="register-document">
        {pick(t.lang, REGISTER_WORDS.toDocumentRegister)}
      </Link>
      <Link to="/documents/register">{pick(t.lang, REGISTER_WORDS.toRegister)}</Link>
    </p>
  );
}

const withFormat = (href: string, format: "docx" | "pdf") => `${href}?format=${format}`;

function Links({ href, what, testId }: { href: string; what: MessageKey; testId: string }) {
  const t = useT();
  return (
    <p className="page-actions">
      <span>{t(what)}</span>
      <a className="btn btn-link" href={withFormat(href, "docx")} download data-testid={`${testId}-docx`}>
        {t("downloadDocx")}
      </a>
      <a className="btn btn-link" href={withFormat(href, "pdf")} download data-testid={`${testId}-pdf`}>
        {t("downloadPdf")}
      </a>
    </p>
  );
}

type Option = { value: string; label: string };

/** The cycle's consolidated report: whole plan, or narrowed to a task or a lead department. */
export function CycleDocuments({
  period,
  tasks,
  departments,
}: {
  period: string;
  tasks: Option[];
  departments: Option[];
}) {
  const t = useT();
  const href = `/documents/cycles/${encodeURIComponent(period)}`;
  return (
    <Section id="documents" title={t("documents")}>
      <p className="muted">{t("documentsLead")}</p>
      <Links href={href} what="consolidatedDocument" testId="consolidated" />
      <RegisterLink document={{ cycle: period }} />
      <Form method="get" action={href} reloadDocument className="filters" aria-label={t("consolidatedDocumentFor")}>
        <SelectField name="task" label={t("task")} options={tasks} includeAll={t("allTasks")} />
        <SelectField
          name="department"
          label={t("leadDepts")}
          options={departments}
          includeAll={t("allLeadDepartments")}
        />
        <div className="filter-actions">
          <button type="submit" name="format" value="docx" className="btn btn-secondary">
            {t("downloadDocx")}
          </button>
          <button type="submit" name="format" value="pdf" className="btn btn-secondary">
            {t("downloadPdf")}
          </button>
        </div>
      </Form>
    </Section>
  );
}

/** An inspection's 通报. */
export function InspectionDocuments({ workflowId }: { workflowId: string }) {
  const t = useT();
  return (
    <Section id="documents" title={t("documents")}>
      <p className="muted">{t("documentsLead")}</p>
      <Links
        href={`/documents/inspections/${encodeURIComponent(workflowId)}`}
        what="inspectionNoticeDocument"
        testId="notice"
      />
      <RegisterLink document={{ inspection: workflowId }} />
    </Section>
  );
}
