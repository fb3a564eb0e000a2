// What every workflow page shows: its status as a traffic light, what it waits for and from whom, and its steps.
import { useT } from "../i18n";
import { DataTable } from "./DataTable";
import { shanghaiDate, shanghaiDateTime } from "./status";
import { StatusPill, type Tone } from "./ui";

const WF_STATUS: Record<string, { tone: Tone; label: [string, string] }> = {
  // reports
  PENDING: { tone: "neutral", label: ["待报送", "Pending"] },
  SUBMITTED: { tone: "info", label: ["已提交待审", "Submitted"] },
  RETURNED: { tone: "warn", label: ["已退回", "Returned"] },
  ACCEPTED: { tone: "good", label: ["已采纳", "Accepted"] },
  // work plans
  DRAFTING: { tone: "neutral", label: ["编制中", "Drafting"] },
  APPROVED: { tone: "good", label: ["已批准", "Approved"] },
  COMPLETED: { tone: "good", label: ["已完成", "Completed"] },
  // cycles, cases
  OPEN: { tone: "info", label: ["进行中", "Open"] },
  CLOSED: { tone: "good", label: ["已关闭", "Closed"] },
  RESPONDED: { tone: "info", label: ["已响应", "Responded"] },
  RESULT_RECORDED: { tone: "info", label: ["已录入执法结果", "Result recorded"] },
  // inspections, findings
  SCHEDULED: { tone: "neutral", label: ["已安排", "Scheduled"] },
  IN_PROGRESS: { tone: "info", label: ["检查中", "In progress"] },
  RECTIFYING: { tone: "warn", label: ["整改中", "Rectifying"] },
  RECTIFICATION_REPORTED: { tone: "info", label: ["整改已报告", "Rectification reported"] },
  REOPENED: { tone: "bad", label: ["重新整改", "Reopened"] },
  DONE: { tone: "good", label: ["已完成", "Done"] },
};

export function WfStatus({ status, overdue }: { status: string; overdue?: boolean | null }) {
  const t = useT();
  const s = WF_STATUS[status];
  const label = s ? (t.lang === "en" ? s.label[1] : s.label[0]) : status;
  return (
    <span data-status={status}>
      <StatusPill tone={overdue ? "bad" : (s?.tone ?? "neutral")} label={overdue ? `${label} · ${t.lang === "en" ? "overdue" : "逾期"}` : label} />
    </span>
  );
}

export interface Waiting { what: string; who: string; zh: string; en: string; deadline: string | null }
export const WAITING_FIELDS = `waitingFor { what who zh en deadline }`;

export function WaitingFor({ items }: { items: Waiting[] }) {
  const t = useT();
  if (!items.length) return null;
  return (
    <div className="notice notice-info" role="status" data-testid="waiting-for">
      <strong>{t("waitingFor")}</strong>
      <ul>
        {items.map((w) => (
          <li key={w.what}>
            {t.lang === "en" ? w.en : w.zh}
            {/* deadlines are the end of a day: show the day itself */}
            {w.deadline ? ` · ${t("dueDate")} ${shanghaiDate(new Date(Date.parse(w.deadline) - 1).toISOString())}` : ""}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface WfEvent { at: string; kind: string; step: number; detail: string }
export const EVENTS_QUERY = `workflowEvents(workflowId: $id) { at kind step detail }`;

export function Timeline({ events }: { events: WfEvent[] }) {
  const t = useT();
  return (
    <DataTable
      testId="workflow-events"
      caption={t("timeline")}
      rows={events}
      rowKey={(e) => `${e.step}-${e.kind}`}
      columns={[
        { key: "at", header: t("when"), rowHeader: true, cell: (e) => shanghaiDateTime(e.at) },
        { key: "kind", header: t("action"), cell: (e) => <code>{e.kind}</code> },
        { key: "detail", header: t("changes"), cell: (e) => <code className="small">{e.detail}</code> },
      ]}
    />
  );
}

/** Today as YYYY-MM-DD in Asia/Shanghai, for date inputs' defaults. */
export const todayShanghai = (plusDays = 0) => new Date(Date.now() + 8 * 3600_000 + plusDays * 86400_000).toISOString().slice(0, 10);
