// A task's status as the task page and the plan at a glance show it: the status derived from the facts with its
// reasons, and beside it the steering group's override with its reason (docs/decisions/014-task-status-from-facts.md).
// The override form (steering group, works without JavaScript) posts to the task page's action.
import { Form } from "@remix-run/react";
import { TASK_STATUS_TONE, shanghaiDate } from "../../components/status";
import { ActionOutcome, SelectField, StatusPill, SubmitButton, TextArea, type ActionResult } from "../../components/ui";
import { pick, useT, type Lang } from "../../i18n";
import { TASK_STATUSES, type TaskStatus } from "../../models/vocabulary";

/** What a page asks of a task for its status. */
export const TASK_STATUS_FIELDS = `status derivedStatus statusReasons { status zh en } override @_optional { status reason at by @_optional { name } }`;

export interface TaskStatusData {
  status: TaskStatus;
  derivedStatus: TaskStatus;
  statusReasons: { status: TaskStatus; zh: string; en: string }[];
  override: { status: TaskStatus; reason: string; at: string; by: { name: string } | null } | null;
}

const WORDS = {
  derived: ["依据事实", "From the facts"],
  overriddenAs: ["专项小组调整为", "The steering group set it to"],
  why: ["任务状态及依据", "Task status and why"],
  override: ["调整任务状态", "Override the status"],
  overrideHint: [
    "调整后的状态与依据事实得出的状态并列显示，原因向公众公开。",
    "The override is shown beside the status derived from the facts; its reason is public.",
  ],
  status: ["调整为", "Set to"],
  reason: ["原因", "Reason"],
  save: ["保存调整", "Save override"],
  clear: ["撤销调整，恢复依据事实得出的状态", "Withdraw the override (back to the derived status)"],
} as const;
const say = (lang: Lang, key: keyof typeof WORDS) => pick(lang, WORDS[key]);

function Pill({ status, lang }: { status: TaskStatus; lang: Lang }) {
  return <StatusPill tone={TASK_STATUS_TONE[status] ?? "neutral"} label={pick(lang, TASK_STATUSES[status], status)} />;
}

/** "专项小组调整为 正常推进：<reason>" */
function OverrideLine({ task, lang }: { task: TaskStatusData; lang: Lang }) {
  const o = task.override;
  if (!o) return null;
  const when = [shanghaiDate(o.at), o.by?.name].filter(Boolean).join(lang === "en" ? ", " : "，");
  return (
    <p className="small" data-testid="status-override" data-status={o.status}>
      {say(lang, "overriddenAs")} <Pill status={o.status} lang={lang} />
      {lang === "en" ? ": " : "："}
      {o.reason} <span className="muted">{lang === "en" ? `(${when})` : `（${when}）`}</span>
    </p>
  );
}

/** The derived status, its reasons and the override: compact for a row of the plan at a glance. */
export function TaskStatusSummary({ task, compact = false }: { task: TaskStatusData; compact?: boolean }) {
  const t = useT();
  return (
    <div data-testid="task-status-summary" data-derived={task.derivedStatus} data-status={task.status}>
      <p className={compact ? undefined : "small"}>
        {compact ? null : `${say(t.lang, "derived")}：`}
        <Pill status={task.derivedStatus} lang={t.lang} />
      </p>
      <ul className={compact ? "small" : undefined} data-testid="status-reasons">
        {task.statusReasons.map((r, i) => (
          <li key={i} data-status={r.status}>
            {t.lang === "en" ? r.en : r.zh}
          </li>
        ))}
      </ul>
      <OverrideLine task={task} lang={t.lang} />
    </div>
  );
}

/** The heading's traffic light: the derived status, and the override beside it when there is one. */
export function TaskStatusBadge({ task }: { task: TaskStatusData }) {
  const t = useT();
  return (
    <span data-testid="task-status" data-status={task.status}>
      <Pill status={task.derivedStatus} lang={t.lang} />
      {task.override ? (
        <>
          {" "}
          {say(t.lang, "overriddenAs")} <Pill status={task.override.status} lang={t.lang} />
        </>
      ) : null}
    </span>
  );
}

export function TaskStatusSection({
  task,
  steering,
  result,
}: {
  task: TaskStatusData;
  steering: boolean;
  result: ActionResult | undefined;
}) {
  const t = useT();
  return (
    <section className="card" id="task-status-why" aria-labelledby="task-status-why-title">
      <div className="card-head">
        <h2 id="task-status-why-title">{say(t.lang, "why")}</h2>
      </div>
      <TaskStatusSummary task={task} />
      {steering ? (
        <>
          <h3>{say(t.lang, "override")}</h3>
          <p className="muted small">{say(t.lang, "overrideHint")}</p>
          <Form method="post" id="override-status">
            <SelectField
              name="status"
              label={say(t.lang, "status")}
              defaultValue={task.override?.status ?? task.derivedStatus}
              options={Object.entries(TASK_STATUSES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
            />
            <TextArea name="reason" label={say(t.lang, "reason")} required rows={2} />
            <SubmitButton label={say(t.lang, "save")} intent="override" />
          </Form>
          {task.override ? (
            <Form method="post" id="clear-override">
              <SubmitButton label={say(t.lang, "clear")} intent="clear" variant="secondary" />
            </Form>
          ) : null}
          <ActionOutcome result={result} />
        </>
      ) : null}
    </section>
  );
}
