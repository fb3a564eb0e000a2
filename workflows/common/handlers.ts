// Wiring a process module's step (workflows/common/process.ts) to a workflow update: the validator asks the step's
// rules (a refusal is rejected before anything is written to history), the handler applies the step and records it.
import type { UpdateDefinition } from "@temporalio/common";
import { setHandler } from "@temporalio/workflow";
import { refusalOf, type Actor, type StepRule } from "./process";
import { refuse } from "./refuse";

/** The process state a workflow holds: read by validators, replaced by each step. */
export interface Held<S> {
  get(): S;
  set(state: S): void;
}

export function onStep<S, I extends object>(
  def: UpdateDefinition<S, [I & { actor: Actor }]>,
  rule: StepRule<S, I>,
  held: Held<S>,
  record: (actor: Actor, input: I) => Promise<void>,
): void {
  const split = (args: I & { actor: Actor }) => {
    const { actor, ...input } = args;
    return { actor, input: input as unknown as I };
  };
  setHandler(
    def,
    async (args: I & { actor: Actor }) => {
      const { actor, input } = split(args);
      held.set(rule.apply(held.get(), input, actor, Date.now()));
      await record(actor, input);
      return held.get();
    },
    {
      validator: (args: I & { actor: Actor }) => {
        const { actor, input } = split(args);
        const refused = refusalOf(rule, held.get(), actor, input, Date.now());
        if (refused) refuse(refused.code === "NOT_YET" ? "INVALID_STATE" : refused.code, refused.zh, refused.en);
      },
    },
  );
}

/** setHandler for updates not (yet) expressed as a process step, with the validator beside the handler. */
export function onUpdate<Ret, Args extends unknown[]>(
  def: UpdateDefinition<Ret, Args>,
  handler: (...args: NoInfer<Args>) => Promise<Ret>,
  validator: (...args: NoInfer<Args>) => void,
): void {
  setHandler(def, handler as never, { validator: validator as never });
}
