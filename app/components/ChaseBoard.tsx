// The chase board (督办看板) as a table: per department and item, its state in words, its due day and light, working
// days late, 签收, the last reminder and 催报, and for the steering group a 催报 button (a plain form: works without
// JavaScript). Used by a cycle's board, the work plans' and the rectifications'.
import { Form, Link } from "@remix-run/react";
import { DataTable } from "./DataTable";
import { DeadlineLight, dueDayOf } from "./DeadlineLight";
import { shanghaiDateTime } from "./status";
import { ErrorNotice, Notice, SubmitButton, type UiError } from "./ui";
import { pick, useT } from "../i18n";
import { processOf } from "../../workflows/processes";

interface Bi {
  zh: string;
  en: string;
}
export interface BoardRow {
  workflowId: string;
  finding?: number | null;
  department: Bi;
  subject: Bi;
  state: Bi;
  open: boolean;
  deadline?: string | null;
  daysLate: number;
  signedAt?: string | null;
  remindedAt?: string | null;
  lastChasedAt?: string | null;
}

export type ChaseOutcome =
  | { ok: true; workflowId: string; finding: number | null; mailed: number; queued: number }
  | { ok: false; error: UiError };

export const BOARD_FIELDS = `workflowId finding @_optional department { zh en } subject { zh en } state { zh en } open
  deadline @_optional daysLate signedAt @_optional remindedAt @_optional lastChasedAt @_optional`;

const W = {
  dept: ["部门", "Department"],
  item: ["事项", "Item"],
  state: ["状态", "State"],
  due: ["期限", "Due"],
  late: ["逾期工作日", "Working days late"],
  signed: ["签收", "Signed for"],
  notSigned: ["未签收", "Not signed for"],
  reminded: ["最近提醒 / 催报", "Last reminder / chase"],
  chase: ["催报", "Chase"],
  summary: [
    "共{n}项，未办结{open}项，逾期{late}项，未签收{unsigned}项",
    "{n} items, {open} owed, {late} late, {unsigned} not signed for",
  ],
} as const satisfies Record<string, readonly [string, string]>;

const fill = (s: string, v: Record<string, number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k]));
const latest = (...times: (string | null | undefined)[]) =>
  times
    .filter((x): x is string => !!x)
    .sort()
    .at(-1) ?? null;

export function ChaseBoard({
  rows,
  caption,
  canChase,
  outcome,
}: {
  rows: BoardRow[];
  caption: string;
  canChase: boolean;
  outcome?: ChaseOutcome;
}) {
  const t = useT();
  const w = (k: keyof typeof W) => pick(t.lang, W[k]);
  const bi = (x: Bi) => (t.lang === "en" ? x.en : x.zh);
  const owed = rows.filter((r) => r.open);
  const chased = outcome?.ok
    ? rows.find((r) => r.workflowId === outcome.workflowId && (r.finding ?? null) === outcome.finding)
    : undefined;
  const chasedName = chased ? `${bi(chased.department)} · ${bi(chased.subject)}` : "";
  return (
    <>
      {outcome?.ok ? (
        <Notice>
          {t.lang === "en"
            ? `Chased: ${chasedName} (${outcome.mailed} e-mail${outcome.mailed === 1 ? "" : "s"} sent${outcome.queued ? `; ${outcome.queued} queued, sent once the mail server answers` : ""})`
            : `已催报：${chasedName}（发出邮件${outcome.mailed}封${outcome.queued ? `，${outcome.queued}封已排队，邮件服务器恢复后自动发出` : ""}）`}
        </Notice>
      ) : (
        <ErrorNotice error={outcome?.error} />
      )}
      <p className="muted" data-testid="board-summary">
        {fill(w("summary"), {
          n: rows.length,
          open: owed.length,
          late: owed.filter((r) => r.daysLate > 0).length,
          unsigned: owed.filter((r) => !r.signedAt).length,
        })}
      </p>
      <DataTable
        testId="chase-board"
        caption={caption}
        rows={rows}
        rowKey={(r) => `${r.workflowId}/${r.finding ?? ""}`}
        columns={[
          { key: "dept", header: w("dept"), rowHeader: true, cell: (r) => bi(r.department) },
          {
            key: "item",
            header: w("item"),
            cell: (r) => <Link to={processOf(r.workflowId)?.path(r.workflowId) ?? "/workspace"}>{bi(r.subject)}</Link>,
          },
          { key: "state", header: w("state"), cell: (r) => bi(r.state) },
          {
            key: "due",
            header: w("due"),
            cell: (r) =>
              r.deadline ? (
                <>
                  {dueDayOf(r.deadline)} <DeadlineLight due={dueDayOf(r.deadline)} done={!r.open} />
                </>
              ) : (
                "—"
              ),
          },
          { key: "late", header: w("late"), numeric: true, cell: (r) => (r.daysLate ? r.daysLate : "") },
          {
            key: "signed",
            header: w("signed"),
            cell: (r) => (r.signedAt ? shanghaiDateTime(r.signedAt) : r.open ? <strong>{w("notSigned")}</strong> : "—"),
          },
          {
            key: "reminded",
            header: w("reminded"),
            cell: (r) => shanghaiDateTime(latest(r.remindedAt, r.lastChasedAt)) || "—",
          },
          ...(canChase
            ? [
                {
                  key: "chase",
                  header: w("chase"),
                  cell: (r: BoardRow) =>
                    r.open ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="workflowId" value={r.workflowId} />
                        {r.finding ? <input type="hidden" name="finding" value={r.finding} /> : null}
                        <SubmitButton
                          label={`${w("chase")} · ${bi(r.department)}`}
                          intent="chase"
                          variant="secondary"
                        />
                      </Form>
                    ) : (
                      ""
                    ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
