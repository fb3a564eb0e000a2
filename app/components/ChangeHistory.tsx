// The change history of one thing: who changed what, when, acting for which department.
import { nameOf, useT } from "../i18n";
import { DataTable } from "./DataTable";
import { shanghaiDateTime } from "./status";

export interface AuditView { at: string; action: string; changes: string; department: { name: string; nameEn: string } | null; actor: { name: string } | null }

export const HISTORY_FIELDS = `at action changes department { name nameEn } actor { name }`;

export function ChangeHistory({ events }: { events: AuditView[] }) {
  const t = useT();
  return (
    <DataTable
      testId="change-history"
      caption={t("changeHistory")}
      rows={events}
      rowKey={(e) => `${e.at}-${e.action}-${e.changes.length}`}
      columns={[
        { key: "at", header: t("when"), rowHeader: true, cell: (e) => shanghaiDateTime(e.at) },
        { key: "actor", header: t("changedBy"), cell: (e) => e.actor?.name ?? "—" },
        { key: "dept", header: t("asDepartment"), cell: (e) => nameOf(t.lang, e.department) || "—" },
        { key: "action", header: t("action"), cell: (e) => <code>{e.action}</code> },
        { key: "changes", header: t("changes"), cell: (e) => <code className="small">{e.changes}</code> },
      ]}
    />
  );
}
