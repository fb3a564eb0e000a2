// setHandler for updates, with the validator beside the handler and both typed from the definition (the SDK's
// overloads infer the arguments from the validator when it takes none, and then reject the handler).
import type { UpdateDefinition } from "@temporalio/common";
import { setHandler } from "@temporalio/workflow";

export function onUpdate<Ret, Args extends unknown[]>(
  def: UpdateDefinition<Ret, Args>,
  handler: (...args: NoInfer<Args>) => Promise<Ret>,
  validator: (...args: NoInfer<Args>) => void,
): void {
  setHandler(def, handler as never, { validator: validator as never });
}
