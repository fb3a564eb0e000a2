// An inspection's findings ("问题1（严重）"), their status in the process's own words, and on each the step this
// viewer may take now (the finding's `actions` from the API): the unit's rectification report, the inspector's
// verification or reopening; a step not yet possible says why.
import { Form } from "@remix-run/react";
import { AttachForm, AttachmentList, type AttachmentRow } from "../../components/Attachments";
import { DataTable } from "../../components/DataTable";
import { Field, SubmitButton, TextArea } from "../../components/ui";
import { WfStatus, type OfferedAction } from "../../components/workflow";
import { useT } from "../../i18n";
import { FINDING_STATUSES } from "../../../workflows/inspection/state";
import { DueDate } from "../../components/DeadlineLight";
import { ItemSignFor, type ItemReceipt } from "../../components/SignForButton";

type Bilingual = { zh: string; en: string };
export interface Finding {
  ordinal: number;
  label: Bilingual;
  description: string;
  requiresRectification: boolean;
  deadline: string | null;
  /** Why the deadline differs from the one entered (moved off a weekend or holiday, docs/decisions/019). */
  deadlineNote?: Bilingual | null;
  status: string;
  rectification: string | null;
  reopenCount: number;
  reopenReason: string | null;
  overdue: boolean;
  actions: OfferedAction[];
  attachments: AttachmentRow[];
}

export function Findings({
  findings,
  receipts,
  maxMb,
}: {
  findings: Finding[];
  receipts?: ItemReceipt[] | null;
  maxMb: number;
}) {
  const t = useT();
  const words = (x: Bilingual) => (t.lang === "en" ? x.en : x.zh);
  return (
    <DataTable
      testId="findings"
      caption={t("findings")}
      rows={findings}
      rowKey={(f) => String(f.ordinal)}
      columns={[
        { key: "n", header: t("finding"), rowHeader: true, cell: (f) => words(f.label) },
        { key: "desc", header: t("description"), cell: (f) => f.description },
        {
          key: "dl",
          header: t("deadline"),
          cell: (f) =>
            f.requiresRectification && f.deadline ? (
              <DueDate
                due={f.deadline}
                done={f.status === "CLOSED" || f.status === "RECTIFICATION_REPORTED"}
                note={f.deadlineNote}
              />
            ) : (
              "—"
            ),
        },
        {
          key: "st",
          header: t("status"),
          cell: (f) => <WfStatus status={f.status} overdue={f.overdue} labels={FINDING_STATUSES} />,
        },
        {
          key: "rect",
          header: t("rectification"),
          cell: (f) => (
            <>
              {f.rectification ?? ""}
              {f.attachments.length ? <AttachmentList list={f.attachments} showItem /> : null}
              {f.reopenReason ? (
                <div className="small muted">
                  {t("reopenReason")}
                  {t.lang === "en" ? ": " : "："}
                  {f.reopenReason}
                </div>
              ) : null}
            </>
          ),
        },
        {
          key: "act",
          header: t("action"),
          cell: (f) => (
            <>
              <ItemSignFor receipts={receipts} finding={f.ordinal} label={words(f.label)} />
              <FindingActions finding={f} maxMb={maxMb} />
            </>
          ),
        },
      ]}
    />
  );
}

function FindingActions({ finding: f, maxMb }: { finding: Finding; maxMb: number }) {
  const t = useT();
  const name = t.lang === "en" ? f.label.en : f.label.zh;
  return (
    <>
      {f.actions.map((a) =>
        !a.enabled ? (
          <p key={a.step} className="small muted" data-testid={`unavailable-${a.step}-${f.ordinal}`}>
            {t.lang === "en" ? a.reason?.en : a.reason?.zh}
          </p>
        ) : a.step === "REPORT_RECTIFICATION" ? (
          <Form key={a.step} method="post" className="form">
            <input type="hidden" name="ordinal" value={f.ordinal} />
            <TextArea name={`rectification-${f.ordinal}`} label={`${name} ${t("rectification")}`} required rows={2} />
            <SubmitButton label={t("reportRectification")} intent="rectify" variant="secondary" />
          </Form>
        ) : a.step === "VERIFY" ? (
          <Form key={a.step} method="post" className="form">
            <input type="hidden" name="ordinal" value={f.ordinal} />
            <SubmitButton label={t("verifyEffective")} intent="verify" />
            <Field name={`reason-${f.ordinal}`} label={`${name} ${t("reopenReason")}`} />
            <Field name={`newDeadline-${f.ordinal}`} type="date" label={`${name} ${t("newDeadline")}`} />
            <SubmitButton label={t("reopen")} intent="reopen" variant="secondary" />
          </Form>
        ) : null,
      )}
      {/* Evidence goes with the step it supports, while that step is this viewer's to take. */}
      {f.actions.map((a) =>
        a.enabled && (a.step === "REPORT_RECTIFICATION" || a.step === "VERIFY") ? (
          <AttachForm
            key={`attach-${a.step}`}
            id={`attach-${a.step === "VERIFY" ? "verification" : "rectification"}-${f.ordinal}`}
            item={a.step === "VERIFY" ? "VERIFICATION" : "RECTIFICATION"}
            ordinal={f.ordinal}
            maxMb={maxMb}
          />
        ) : null,
      )}
    </>
  );
}
