// The office's own entries in an item's activity log (流程记录): a 催报 and a 签收 are not workflow steps, but the log
// a person reads is one, so they read as sentences among the steps. Pure; the actor is put in front by `sentence`.
import type { EventDescriber } from "../../../workflows/common/events";
import type { Bilingual } from "../../../workflows/common/process";

export const CHASED = "CHASED";
export const SIGNED_FOR = "SIGNED_FOR";

const bilingual = (v: unknown): Bilingual | null =>
  v && typeof v === "object" && "zh" in v && "en" in v ? { zh: String(v.zh), en: String(v.en) } : null;

/** Null for a step kind of the processes themselves. */
export const describeOfficeEvent: EventDescriber = (kind, detail) => {
  const what = bilingual(detail.what);
  const to = bilingual(detail.to) ?? { zh: "", en: "" };
  const about = what ? { zh: `（${what.zh}）`, en: ` (${what.en})` } : { zh: "", en: "" };
  if (kind === CHASED) {
    // Chases before the outbox (ADR 022) recorded the e-mails sent; since, the members written to (sent after commit).
    if (typeof detail.recipients === "number") {
      const n = detail.recipients;
      return {
        zh: `向${to.zh}催报${about.zh}，邮件通知${n}人`,
        en: `chased ${to.en}${about.en}; e-mailed ${n} member${n === 1 ? "" : "s"}`,
      };
    }
    const mailed = typeof detail.mailed === "number" ? detail.mailed : 0;
    return {
      zh: `向${to.zh}催报${about.zh}，发出邮件${mailed}封`,
      en: `chased ${to.en}${about.en}; ${mailed} e-mail${mailed === 1 ? "" : "s"} sent`,
    };
  }
  if (kind === SIGNED_FOR) return { zh: `签收了交办事项${about.zh}`, en: `signed for the request${about.en}` };
  return null;
};
