// What every process shares in the API: text in both languages, the actions a viewer may take on an item now (from
// the process module's rules, workflows/common/process.ts), and enums generated from a process's vocabularies.
import { builder } from "../builder";
import type { Bilingual, OfferedAction } from "../../workflows/common/process";

export const BilingualRef = builder.objectRef<Bilingual>("Bilingual").implement({
  description: "A text in Chinese and English",
  fields: (t) => ({ zh: t.exposeString("zh"), en: t.exposeString("en") }),
});

/** An enum of a process's steps, e.g. LinkageStep: RESPOND, RECORD_RESULT, CLOSE. */
export function stepEnum<K extends string>(name: string, steps: Record<K, { label: Bilingual }>, description: string) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(
      Object.entries<{ label: Bilingual }>(steps).map(([k, rule]) => [
        k,
        { value: k, description: `${rule.label.zh} / ${rule.label.en}` },
      ]),
    ) as unknown as Record<K, { value: K; description: string }>,
  });
}

/** `<Process>Action`: one step this viewer may take on this item now, or later (disabled, with the reason). */
export function actionType<K extends string>(name: string, stepType: ReturnType<typeof stepEnum<K>>) {
  return builder.objectRef<OfferedAction<K>>(name).implement({
    description: "A step the viewer may take now (enabled), or may take later (disabled, with the reason)",
    fields: (t) => ({
      step: t.field({ type: stepType, resolve: (a) => a.step as never }),
      label: t.field({ type: BilingualRef, resolve: (a) => a.label }),
      enabled: t.exposeBoolean("enabled"),
      reason: t.field({ type: BilingualRef, nullable: true, resolve: (a) => a.reason }),
      warning: t.field({
        type: BilingualRef,
        nullable: true,
        description: "A consequence to confirm before taking the step",
        resolve: (a) => a.warning,
      }),
    }),
  });
}
