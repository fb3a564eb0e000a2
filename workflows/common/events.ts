// The activity log in sentences: each process module describes its step kinds (what happened, in both languages),
// and this puts the actor in front — "市环保局 李四 报送了报告（按时）". Pure; the date is the page's to format.
import type { Bilingual } from "./process";

/** What a process says about one recorded step; `detail` is what the workflow recorded with it (Step.detail). */
export type EventDescriber = (kind: string, detail: Record<string, unknown>) => Bilingual | null;

export interface EventActor {
  name: string;
  department: Bilingual | null;
}

/** A person's step reads "unit name verb…"; a step without an actor is the system's (reminders, escalations). */
export function sentence(described: Bilingual, actor: EventActor | null): Bilingual {
  if (!actor) return described;
  // A name that already carries its unit (a shared account such as "市环保局 李科长") is not prefixed twice.
  const unit = actor.department && !actor.name.includes(actor.department.zh) ? actor.department : null;
  return {
    zh: `${unit ? `${unit.zh} ` : ""}${actor.name} ${described.zh}`,
    en: `${actor.name}${unit ? ` (${unit.en})` : ""} ${described.en}`,
  };
}

/** For a step kind a describer does not know: still a sentence, never a code. */
export const UNKNOWN_EVENT: Bilingual = { zh: "处理了此事项", en: "acted on this item" };
