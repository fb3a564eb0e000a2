// 年度工作计划's activity log: what each step the workflow records says, as the predicate of a sentence whose subject
// is the actor ("市环保局 李四 提交了年度工作计划（第2稿，按时）"); the system's own steps are whole sentences. Pure.
import type { EventDescriber } from "../common/events";

const num = (v: unknown) => (typeof v === "number" ? v : null);
const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** "节点2“土壤点位全覆盖”" / "milestone 2 (“…”)": older records carry only the ordinal. */
function milestone(detail: Record<string, unknown>) {
  const [n, what] = [num(detail.ordinal) ?? "", str(detail.what)];
  return { zh: `节点${n}${what ? `“${what}”` : ""}`, en: `milestone ${n}${what ? ` (“${what}”)` : ""}` };
}

export const describeEvent: EventDescriber = (kind, detail) => {
  switch (kind) {
    case "OPEN": {
      const [due, asked] = [str(detail.dueDate), str(detail.requestedDueDate)];
      const zhMoved = asked ? `，原定${asked}，顺延至工作日` : "";
      const enMoved = asked ? `; entered as ${asked}, moved to the next working day` : "";
      return {
        zh: `要求编制年度工作计划${due ? `（截止日期${due}${zhMoved}）` : ""}`,
        en: `asked for the annual work plan${due ? ` (due ${due}${enMoved})` : ""}`,
      };
    }
    case "SAVE_MILESTONES": {
      const count = num(detail.count);
      return {
        zh: `保存了工作节点${count === null ? "" : `（共${count}个）`}`,
        en: `saved the milestones${count === null ? "" : ` (${count})`}`,
      };
    }
    case "SUBMIT": {
      const revision = num(detail.revision);
      const timing = detail.onTime === true ? ["按时", "on time"] : detail.onTime === false ? ["逾期", "late"] : null;
      const zh = [revision === null ? null : `第${revision}稿`, timing?.[0]].filter(Boolean).join("，");
      const en = [revision === null ? null : `revision ${revision}`, timing?.[1]].filter(Boolean).join(", ");
      return { zh: `提交了年度工作计划${zh ? `（${zh}）` : ""}`, en: `submitted the work plan${en ? ` (${en})` : ""}` };
    }
    case "RETURN": {
      const revision = num(detail.revision);
      const reason = str(detail.reason) ?? "";
      return revision === null
        ? { zh: `退回了年度工作计划：${reason}`, en: `returned the work plan: ${reason}` }
        : { zh: `退回了第${revision}稿：${reason}`, en: `returned revision ${revision}: ${reason}` };
    }
    case "APPROVE": {
      const revision = num(detail.revision);
      return {
        zh: `批准了年度工作计划${revision === null ? "" : `（第${revision}稿）`}，作为跟踪基线`,
        en: `approved the work plan${revision === null ? "" : ` (revision ${revision})`} as the baseline`,
      };
    }
    case "COMPLETE_MILESTONE": {
      const m = milestone(detail);
      const note = str(detail.note);
      return { zh: `完成了${m.zh}${note ? `：${note}` : ""}`, en: `reached ${m.en}${note ? `: ${note}` : ""}` };
    }
    case "REMIND":
      return {
        zh: "提交期限将至，系统已提醒部门",
        en: "The submission deadline is near: the department was reminded",
      };
    case "ESCALATE":
      return {
        zh: "超过提交期限仍未提交，系统已上报专项小组",
        en: "The submission deadline passed: escalated to the steering group",
      };
    case "MILESTONE_REMIND": {
      const m = milestone(detail);
      return {
        zh: `${m.zh}期限将至，系统已提醒部门`,
        en: `The due date of ${m.en} is near: the department was reminded`,
      };
    }
    case "MILESTONE_OVERDUE": {
      const m = milestone(detail);
      return {
        zh: `${m.zh}逾期未完成，系统已上报专项小组`,
        en: `${m.en.charAt(0).toUpperCase()}${m.en.slice(1)} is overdue: escalated to the steering group`,
      };
    }
    case "COMPLETE":
      return { zh: "全部节点已完成，年度工作计划完成", en: "Every milestone is done: the work plan is complete" };
    default:
      return null;
  }
};
