// An attachment in the item's activity log (流程记录): a WorkflowEvent of kind ATTACH, described in both languages.
// Pure; the actor is put in front by workflows/common/events.ts `sentence`.
import type { Bilingual } from "../../../workflows/common/process";

export const ATTACH_EVENT = "ATTACH";

export interface AttachDetail {
  filename: string;
  item: string;
  reportVersion: number | null;
}

/** "RECTIFICATION:2" → 问题2的整改 / the rectification of finding 2. */
export function itemLabel(item: string): Bilingual {
  const [kind, arg] = item.split(":");
  switch (kind) {
    case "REPORT":
      return { zh: "报告", en: "the report" };
    case "CONTRIBUTION":
      return { zh: "配合情况", en: "the supporting input" };
    case "RECTIFICATION":
      return { zh: `问题${arg}的整改情况`, en: `the rectification of finding ${arg}` };
    case "VERIFICATION":
      return { zh: `问题${arg}的核查情况`, en: `the verification of finding ${arg}` };
    case "RESULT":
      return { zh: "执法结果", en: "the enforcement result" };
    default:
      return { zh: "此事项", en: "this item" };
  }
}

export function describeAttachEvent(detail: Partial<AttachDetail>): Bilingual {
  const item = itemLabel(String(detail.item ?? ""));
  const version = detail.reportVersion
    ? { zh: `（第${detail.reportVersion}版）`, en: ` (version ${detail.reportVersion})` }
    : null;
  return {
    zh: `为${item.zh}${version?.zh ?? ""}添加了附件“${String(detail.filename)}”`,
    en: `attached “${String(detail.filename)}” to ${item.en}${version?.en ?? ""}`,
  };
}
