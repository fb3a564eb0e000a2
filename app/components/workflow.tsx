// What every workflow page shows: its status as a traffic light, what it waits for and from whom, and its steps.
import { useT } from "../i18n";
import { DataTable } from "./DataTable";
import { shanghaiDateTime } from "./status";
import type { ReactNode } from "react";
import { Section, StatusPill, type Tone } from "./ui";
import { DeadlineLight, dueDayOf } from "./DeadlineLight";

/**
 * The traffic light of a status, whatever its process (the words are the process's own, passed as `labels`): done is
 * good, sent back or being put right is a warning, reopened is bad, under way is information, the rest neutral.
 */
const TONES: Record<string, Tone> = {
  ACCEPTED: "good",
  APPROVED: "good",
  COMPLETED: "good",
  CLOSED: "good",
  DONE: "good",
  RETURNED: "warn",
  RECTIFYING: "warn",
  REOPENED: "bad",
  SUBMITTED: "info",
  OPEN: "info",
  RESPONDED: "info",
  RESULT_RECORDED: "info",
  IN_PROGRESS: "info",
  RECTIFICATION_REPORTED: "info",
};

/** A workflow's status as a traffic light, named in the process's own vocabulary (workflows/<process>/process.ts). */
export function WfStatus({
  status,
  overdue,
  labels,
}: {
  status: string;
  overdue?: boolean | null;
  labels: Readonly<Record<string, readonly [string, string]>>;
}) {
  const t = useT();
  const pair = labels[status];
  // A status its process does not name (none should be) reads as the process's unknown, not as its code.
  const label = pair ? (t.lang === "en" ? pair[1] : pair[0]) : t.lang === "en" ? "Unknown" : "未知";
  return (
    <span data-status={status}>
      <StatusPill
        tone={overdue ? "bad" : (TONES[status] ?? "neutral")}
        label={overdue ? `${label} · ${t.lang === "en" ? "overdue" : "逾期"}` : label}
      />
    </span>
  );
}

export interface Waiting {
  what: string;
  who: string;
  zh: string;
  en: string;
  deadline: string | null;
}
export const WAITING_FIELDS = `waitingFor { what who zh en deadline @_optional }`;

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
            {w.deadline ? (
              <>
                {` · ${t("dueDate")} ${dueDayOf(w.deadline)} `}
                <DeadlineLight due={dueDayOf(w.deadline)} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface WfEvent {
  at: string;
  step: number;
  sentence: { zh: string; en: string };
}
export const EVENTS_QUERY = `workflowEvents(workflowId: $id) { at step sentence { zh en } }`;

/** The activity log, in sentences: "2026-12-01 05:21 市环保局 李四 报送了报告（按时）". */
export function Timeline({ events }: { events: WfEvent[] }) {
  const t = useT();
  return (
    <DataTable
      testId="workflow-events"
      caption={t("timeline")}
      rows={events}
      rowKey={(e) => String(e.step)}
      columns={[
        { key: "at", header: t("when"), rowHeader: true, cell: (e) => shanghaiDateTime(e.at) },
        { key: "what", header: t("action"), cell: (e) => (t.lang === "en" ? e.sentence.en : e.sentence.zh) },
      ]}
    />
  );
}

/** One step a viewer may take (from the item's `actions`, the process's own rules). */
export interface OfferedAction {
  step: string;
  enabled: boolean;
  label: { zh: string; en: string };
  reason: { zh: string; en: string } | null;
  warning: { zh: string; en: string } | null;
}
export const ACTIONS_FIELDS = `actions { step enabled label { zh en } reason @_optional { zh en } warning @_optional { zh en } }`;

/**
 * The section of one action: nothing when the API does not offer it to this viewer now; its reason when it is not
 * yet possible; otherwise its form (children), with the warning to confirm above it.
 */
export function ActionSection({
  actions,
  step,
  id,
  children,
}: {
  actions: OfferedAction[];
  step: string;
  id: string;
  children: ReactNode;
}) {
  const t = useT();
  const action = actions.find((a) => a.step === step);
  if (!action) return null;
  const text = (x: { zh: string; en: string }) => (t.lang === "en" ? x.en : x.zh);
  return (
    <Section id={id} title={text(action.label)}>
      {action.enabled ? (
        <>
          {action.warning ? (
            <p className="notice notice-warn" role="note" data-testid={`warning-${step}`}>
              {text(action.warning)}
            </p>
          ) : null}
          {children}
        </>
      ) : (
        <p className="notice notice-info" data-testid={`unavailable-${step}`}>
          {action.reason ? text(action.reason) : null}
        </p>
      )}
    </Section>
  );
}

/** Today as YYYY-MM-DD in Asia/Shanghai, for date inputs' defaults. */
export const todayShanghai = (plusDays = 0) =>
  new Date(Date.now() + 8 * 3600_000 + plusDays * 86400_000).toISOString().slice(0, 10);
