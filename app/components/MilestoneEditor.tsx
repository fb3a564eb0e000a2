// The annual plan's milestones: as a plain form while the department drafts (the saved rows plus blank ones, so it
// works without JavaScript), and as a table once submitted, with a "mark done" form per open milestone when the API
// offers that step to this viewer.
import { Form } from "@remix-run/react";
import { useT } from "../i18n";
import { MILESTONE_STATUSES } from "../../workflows/work-plan/process";
import { DataTable } from "./DataTable";
import { DueDate } from "./DeadlineLight";
import { shanghaiDate } from "./status";
import { SubmitButton } from "./ui";
import { WfStatus, type OfferedAction } from "./workflow";

export interface MilestoneView {
  ordinal: number;
  taskCode: string | null;
  what: string;
  responsibleUnit: string;
  dueDate: string;
  /** Why the due date differs from the one entered (moved off a weekend or holiday, docs/decisions/019). */
  dueDateNote?: { zh: string; en: string } | null;
  indicator: string;
  status: string;
  overdue: boolean;
  completedAt: string | null;
  completionNote: string | null;
}

const BLANK_ROWS = 3;

export function MilestoneEditor({ milestones }: { milestones: MilestoneView[] }) {
  const t = useT();
  const rows = [
    ...milestones.map((m) => ({ ...m, dueDate: shanghaiDate(m.dueDate) })),
    ...Array.from({ length: BLANK_ROWS }, () => null),
  ];
  return (
    <div className="table-wrap">
      <table className="table" data-testid="milestone-editor">
        <caption>{t("milestones")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("task")}</th>
            <th scope="col">{t("what")}</th>
            <th scope="col">{t("responsibleUnit")}</th>
            <th scope="col">{t("dueDate")}</th>
            <th scope="col">{t("indicator")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>
                <input
                  aria-label={`${t("task")} ${i + 1}`}
                  name={`m.${i}.taskCode`}
                  defaultValue={m?.taskCode ?? ""}
                  size={5}
                  placeholder="1.1"
                />
              </td>
              <td>
                <input aria-label={`${t("what")} ${i + 1}`} name={`m.${i}.what`} defaultValue={m?.what ?? ""} />
              </td>
              <td>
                <input
                  aria-label={`${t("responsibleUnit")} ${i + 1}`}
                  name={`m.${i}.responsibleUnit`}
                  defaultValue={m?.responsibleUnit ?? ""}
                />
              </td>
              <td>
                <input
                  aria-label={`${t("dueDate")} ${i + 1}`}
                  type="date"
                  name={`m.${i}.dueDate`}
                  defaultValue={m?.dueDate ?? ""}
                />
              </td>
              <td>
                <input
                  aria-label={`${t("indicator")} ${i + 1}`}
                  name={`m.${i}.indicator`}
                  defaultValue={m?.indicator ?? ""}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The rows of the editor the department filled in, as MilestoneInput values. A row with anything in it is kept, so
 * the process's rules can say what it still lacks ("第2个节点：请填写工作内容") instead of dropping it silently.
 */
export function milestonesFromForm(form: FormData) {
  const out: { taskCode: string | null; what: string; responsibleUnit: string; dueDate: string; indicator: string }[] =
    [];
  for (let i = 0; i < 200; i++) {
    if (!form.has(`m.${i}.what`)) break;
    const v = (k: string) => String(form.get(`m.${i}.${k}`) ?? "").trim();
    const row = {
      taskCode: v("taskCode") || null,
      what: v("what"),
      responsibleUnit: v("responsibleUnit"),
      dueDate: v("dueDate"),
      indicator: v("indicator"),
    };
    if (Object.values(row).some(Boolean)) out.push(row);
  }
  return out;
}

/** The milestones once the plan is submitted; `complete` is the API's COMPLETE_MILESTONE action for this viewer. */
export function MilestoneTable({
  milestones,
  complete,
}: {
  milestones: MilestoneView[];
  complete: OfferedAction | undefined;
}) {
  const t = useT();
  return (
    <DataTable
      testId="milestones"
      caption={t("milestones")}
      rows={milestones}
      rowKey={(m) => String(m.ordinal)}
      columns={[
        { key: "n", header: "#", rowHeader: true, cell: (m) => m.ordinal },
        { key: "task", header: t("task"), cell: (m) => m.taskCode ?? "—" },
        { key: "what", header: t("what"), cell: (m) => m.what },
        { key: "unit", header: t("responsibleUnit"), cell: (m) => m.responsibleUnit },
        {
          key: "due",
          header: t("dueDate"),
          cell: (m) => <DueDate due={m.dueDate} done={m.status === "DONE"} note={m.dueDateNote} />,
        },
        { key: "ind", header: t("indicator"), cell: (m) => m.indicator },
        {
          key: "st",
          header: t("status"),
          cell: (m) => <WfStatus status={m.status} overdue={m.overdue} labels={MILESTONE_STATUSES} />,
        },
        {
          key: "done",
          header: t("completionNote"),
          cell: (m) =>
            m.status === "DONE" ? (
              `${shanghaiDate(m.completedAt)} ${m.completionNote ?? ""}`
            ) : complete?.enabled ? (
              <Form method="post" className="filters">
                <input type="hidden" name="ordinal" value={m.ordinal} />
                <input name="note" aria-label={`${t("completionNote")} ${m.ordinal}`} required />
                <SubmitButton label={t("markDone")} intent="done" variant="secondary" />
              </Form>
            ) : (
              "—"
            ),
        },
      ]}
    />
  );
}
