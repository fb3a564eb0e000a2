// 专项督导检查's activity log: what each step the workflow records says, as a sentence fragment in both languages
// (the actor goes in front: "市环保局 李四 报送了问题1的整改情况"). Reads only what the step recorded (Step.detail).
import type { EventDescriber } from "../common/events";
import type { Bilingual } from "../common/process";
import { label } from "../common/process";
import type { Recurrence } from "../common/calendar";
import { RECURRENCES, SEVERITIES, type Severity } from "./state";

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** "问题1（严重）", or "问题1" when the step did not record the severity. */
function findingName(detail: Record<string, unknown>): Bilingual {
  const n = typeof detail.ordinal === "number" ? detail.ordinal : "";
  const severity = str(detail.severity) in SEVERITIES ? label(SEVERITIES, detail.severity as Severity) : null;
  return severity
    ? { zh: `问题${n}（${severity.zh}）`, en: `finding ${n} (${severity.en})` }
    : { zh: `问题${n}`, en: `finding ${n}` };
}

/** "（原定2027-10-01，顺延至工作日）" when the step moved the deadline off a weekend or holiday; "" otherwise. */
function moved(detail: Record<string, unknown>): Bilingual {
  const asked = str(detail.requestedDeadline);
  return asked
    ? { zh: `（原定${asked}，顺延至工作日）`, en: ` (entered as ${asked}, moved to the next working day)` }
    : { zh: "", en: "" };
}

export const describeEvent: EventDescriber = (kind, detail) => {
  const finding = findingName(detail);
  switch (kind) {
    case "SCHEDULE": {
      const date = str(detail.date);
      const occurrence = typeof detail.occurrence === "number" ? detail.occurrence : 1;
      if (occurrence > 1) {
        const recurrence = str(detail.recurrence);
        const every = recurrence in RECURRENCES ? label(RECURRENCES, recurrence as Recurrence) : null;
        return {
          zh: `按定期检查安排（${every?.zh ?? "定期"}）安排了第${occurrence}次检查：${date}`,
          en: `The recurring schedule (${every?.en ?? "recurring"}) set occurrence ${occurrence} for ${date}`,
        };
      }
      return { zh: `安排了${date}的专项督导检查`, en: `scheduled the supervisory inspection for ${date}` };
    }
    case "REMIND":
      return {
        zh: "检查日期临近，系统已提醒被检查单位和检查人员",
        en: "The inspection day is near: the inspected unit and the inspector were reminded",
      };
    case "START":
      return detail.next
        ? {
            zh: `检查日期已到，可以开展现场检查；已安排下一次检查（${str(detail.next)}）`,
            en: `The inspection day has come: fieldwork may begin; the next inspection is scheduled for ${str(detail.next)}`,
          }
        : { zh: "检查日期已到，可以开展现场检查", en: "The inspection day has come: fieldwork may begin" };
    case "FINDING":
      return detail.requiresRectification
        ? {
            zh: `记录了${finding.zh}，须于${str(detail.deadline)}前整改${moved(detail).zh}`,
            en: `recorded ${finding.en}, to be rectified by ${str(detail.deadline)}${moved(detail).en}`,
          }
        : { zh: `记录了${finding.zh}（已当场整改）`, en: `recorded ${finding.en} (rectified on the spot)` };
    case "CONCLUDE_FIELDWORK":
      return { zh: "结束了现场检查", en: "concluded the fieldwork" };
    case "RECTIFICATION_REPORTED":
      return { zh: `报送了${finding.zh}的整改情况`, en: `reported the rectification of ${finding.en}` };
    case "VERIFIED":
      return {
        zh: `核查确认${finding.zh}整改有效，予以销号`,
        en: `verified the rectification of ${finding.en}: closed`,
      };
    case "REOPENED":
      return {
        zh: `要求${finding.zh}重新整改（新期限${str(detail.newDeadline)}${moved(detail).zh}）：${str(detail.reason)}`,
        en: `reopened ${finding.en} (new deadline ${str(detail.newDeadline)}${moved(detail).en}): ${str(detail.reason)}`,
      };
    case "RECTIFICATION_REMIND":
      return {
        zh: `${finding.zh}整改期限临近，系统已提醒被检查单位`,
        en: `The rectification deadline of ${finding.en} is near: the inspected unit was reminded`,
      };
    case "RECTIFICATION_OVERDUE":
      return {
        zh: `${finding.zh}整改逾期，系统已上报专项小组`,
        en: `The rectification of ${finding.en} is overdue: escalated to the steering group`,
      };
    case "CLOSE":
      return {
        zh: "现场检查已结束且所有问题均已销号，检查结束",
        en: "The fieldwork is concluded and every finding closed: the inspection is closed",
      };
    default:
      return null;
  }
};
