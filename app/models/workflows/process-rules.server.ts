// The API's side of a process module's rules: a step's refusal becomes the bilingual AppError the workflow would
// give, before anything is sent to Temporal; and the actions a page may offer one viewer on one item now.
import { AppError, unauthenticated } from "../../utils/errors";
import {
  offeredActions,
  refusalOf,
  type OfferedAction,
  type Refusal,
  type StepRule,
} from "../../../workflows/common/process";
import { now } from "../../utils/clock.server";
import { actorOf, type Viewer } from "../viewer";

export const appErrorOf = (r: Refusal): AppError =>
  new AppError(
    r.code === "NOT_YET" ? "INVALID_STATE" : r.code,
    r.zh,
    r.en,
    r.code === "NOT_YET" ? { notYet: true } : undefined,
  );

/** Throws the step's refusal for this viewer and input, if any; returns the viewer as an actor otherwise. */
export async function requireStep<S, I>(rule: StepRule<S, I>, state: S, viewer: Viewer | null, input: I) {
  if (!viewer) throw unauthenticated();
  const actor = actorOf(viewer);
  const refused = refusalOf(rule, state, actor, input, await now());
  if (refused) throw appErrorOf(refused);
  return actor;
}

/** The actions offered on an item whose mirrored process state is `stateJson` (empty while it is being created). */
export async function actionsFor<S, Step extends string>(
  rules: Record<Step, StepRule<S, never>>,
  stateJson: string,
  viewer: Viewer | null,
): Promise<OfferedAction<Step>[]> {
  if (!viewer || stateJson === "{}") return [];
  return offeredActions(rules, JSON.parse(stateJson) as S, actorOf(viewer), await now());
}
