// The activity log of a progress report: what each step kind the workflow records says, in both languages
// ("报送了报告（按时）", "退回了报告：<reason>"). The actor is put in front by workflows/common/events.ts.
import type { EventDescriber } from "../common/events";
import type { Bilingual } from "../common/process";

const list = (items: Bilingual[], lang: keyof Bilingual) => items.map((x) => x[lang]).join(lang === "zh" ? "、" : ", ");

function submitted(detail: Record<string, unknown>): Bilingual {
  const again = Number(detail.version) > 1;
  const missing = Array.isArray(detail.missing) ? (detail.missing as Bilingual[]) : [];
  const zh = [detail.late ? "逾期" : "按时", again ? `第${Number(detail.version)}版` : null];
  const en = [detail.late ? "late" : "on time", again ? `version ${Number(detail.version)}` : null];
  if (missing.length) {
    zh.push(`${list(missing, "zh")}未提供配合情况`);
    en.push(`without input from ${list(missing, "en")}`);
  }
  return {
    zh: `${again ? "重新报送" : "报送"}了报告（${zh.filter(Boolean).join("，")}）`,
    en: `${again ? "resubmitted" : "submitted"} the report (${en.filter(Boolean).join(", ")})`,
  };
}

export const describeReportEvent: EventDescriber = (kind, detail) => {
  switch (kind) {
    case "OPEN":
      return {
        zh: "本期报告已发起，已通知牵头部门和配合部门",
        en: "The report was requested from the lead and supporting departments",
      };
    case "CONTRIBUTE":
      return { zh: "提供了配合情况", en: "contributed their input" };
    case "SAVE_DRAFT":
      return { zh: "保存了草稿", en: "saved a draft" };
    case "SUBMIT":
      return submitted(detail);
    case "RETURN":
      return {
        zh: `退回了报告：${String(detail.reason ?? "")}`,
        en: `returned the report: ${String(detail.reason ?? "")}`,
      };
    case "ACCEPT":
      return { zh: "采纳了报告", en: "accepted the report" };
    case "REMINDER":
      return { zh: "报送期限临近，系统已提醒牵头部门", en: "The due date is near: the lead department was reminded" };
    case "DUE_TODAY":
      return { zh: "今天是报送截止日，系统已提醒牵头部门", en: "Due today: the lead department was reminded" };
    case "ESCALATE":
      return {
        zh: "逾期未报送，系统已上报专项小组",
        en: "Not submitted by the due date: escalated to the steering group",
      };
    default:
      return null;
  }
};
