// Download links for the official documents (app/documents): Word and PDF, and for a cycle a small GET form that
// narrows the consolidated report to one task or one lead department. Plain links and a document-reloading form:
// the browser downloads the file (Content-Disposition), no JavaScript needed.
import { Form } from "@remix-run/react";
import { useT } from "../i18n";
import type { MessageKey } from "../i18n/messages";
import { Section, SelectField } from "./ui";

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
    </Section>
  );
}
