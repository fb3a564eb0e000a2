// The change history of one thing, as sentences: when, who (acting for which unit) did what — the API's own wording
// (graphql AuditEvent.sentence, app/models/change-history.ts), never an action code or the recorded JSON.
import { useT } from "../i18n";
import { DataTable } from "./DataTable";
import { shanghaiDateTime } from "./status";

export interface AuditView {
  at: string;
  sentence: { zh: string; en: string };
}

export const HISTORY_FIELDS = `at sentence { zh en }`;

export function ChangeHistory({ events }: { events: AuditView[] }) {
  const t = useT();
  return (
    <DataTable
      testId="change-history"
      caption={t("changeHistory")}
      rows={events}
      rowKey={(e) => `${e.at}-${e.sentence.en}`}
      columns={[
        { key: "at", header: t("when"), rowHeader: true, cell: (e) => shanghaiDateTime(e.at) },
        { key: "what", header: t("changes"), cell: (e) => (t.lang === "en" ? e.sentence.en : e.sentence.zh) },
      ]}
    />
  );
}
