// The annual plan's milestones as a plain form: the saved rows plus blank ones, so it works without JavaScript.
import { useT } from "../i18n";
import { shanghaiDate } from "./status";

export interface MilestoneView { ordinal: number; taskCode: string | null; what: string; responsibleUnit: string; dueDate: string; indicator: string; status: string; overdue: boolean; completedAt: string | null; completionNote: string | null }

const BLANK_ROWS = 3;

export function MilestoneEditor({ milestones }: { milestones: MilestoneView[] }) {
  const t = useT();
  const rows = [...milestones.map((m) => ({ ...m, dueDate: shanghaiDate(m.dueDate) })), ...Array.from({ length: BLANK_ROWS }, () => null)];
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
              <td><input aria-label={`${t("task")} ${i + 1}`} name={`m.${i}.taskCode`} defaultValue={m?.taskCode ?? ""} size={5} placeholder="1.1" /></td>
              <td><input aria-label={`${t("what")} ${i + 1}`} name={`m.${i}.what`} defaultValue={m?.what ?? ""} /></td>
              <td><input aria-label={`${t("responsibleUnit")} ${i + 1}`} name={`m.${i}.responsibleUnit`} defaultValue={m?.responsibleUnit ?? ""} /></td>
              <td><input aria-label={`${t("dueDate")} ${i + 1}`} type="date" name={`m.${i}.dueDate`} defaultValue={m?.dueDate ?? ""} /></td>
              <td><input aria-label={`${t("indicator")} ${i + 1}`} name={`m.${i}.indicator`} defaultValue={m?.indicator ?? ""} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The filled rows of the editor as MilestoneInput values (a row with no "what" is ignored). */
export function milestonesFromForm(form: FormData) {
  const out: { taskCode: string | null; what: string; responsibleUnit: string; dueDate: string; indicator: string }[] = [];
  for (let i = 0; i < 200; i++) {
    if (!form.has(`m.${i}.what`)) break;
    const v = (k: string) => String(form.get(`m.${i}.${k}`) ?? "").trim();
    if (!v("what")) continue;
    out.push({ taskCode: v("taskCode") || null, what: v("what"), responsibleUnit: v("responsibleUnit"), dueDate: v("dueDate"), indicator: v("indicator") });
  }
  return out;
}
