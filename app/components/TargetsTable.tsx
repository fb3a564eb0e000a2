// The plan's dated targets and recurring duties with live progress (met / on track / at risk / not met).
import { Link } from "@remix-run/react";
import { pick, titleOf, useT } from "../i18n";
import { DataTable } from "./DataTable";
import { PROGRESS_STATUS, shanghaiDate } from "./status";
import { StatusPill } from "./ui";

export interface TargetView {
  code: string;
  title: string;
  titleEn: string;
  dueDate: string | null;
  task: { code: string } | null;
  progress: { status: string; percent: number; summaryZh: string; summaryEn: string } | null;
}

export function TargetsTable({ targets, caption }: { targets: TargetView[]; caption: string }) {
  const t = useT();
  return (
    <DataTable
      testId="targets"
      caption={caption}
      rows={targets}
      rowKey={(r) => r.code}
      columns={[
        {
          key: "title",
          header: t("target"),
          rowHeader: true,
          cell: (r) => (r.task ? <Link to={`/tasks/${r.task.code}`}>{titleOf(t.lang, r)}</Link> : titleOf(t.lang, r)),
        },
        { key: "due", header: t("dueDate"), cell: (r) => shanghaiDate(r.dueDate) || "—" },
        {
          key: "status",
          header: t("status"),
          cell: (r) =>
            r.progress ? (
              <span data-target={r.code} data-status={r.progress.status}>
                <StatusPill
                  tone={PROGRESS_STATUS[r.progress.status]?.tone ?? "neutral"}
                  label={pick(t.lang, PROGRESS_STATUS[r.progress.status]?.label, r.progress.status)}
                />
              </span>
            ) : (
              "—"
            ),
        },
        {
          key: "progress",
          header: t("progress"),
          cell: (r) =>
            r.progress ? (
              <>
                <span className="progress" aria-hidden="true">
                  <span style={{ width: `${Math.min(100, r.progress.percent)}%` }} />
                </span>
                {r.progress.percent}% ·{" "}
                <span className="small">{t.lang === "en" ? r.progress.summaryEn : r.progress.summaryZh}</span>
              </>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}
