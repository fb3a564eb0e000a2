// The shape every process module (workflows/<process>/process.ts) takes: its state, its status vocabulary, and for
// each step who may take it and when (`allowed`), what input it refuses (`check`) and what it changes (`apply`);
// plus what the process waits for. Pure: no Temporal, no database, no clock of its own (`now` is passed in), so the
// workflow (deterministic), the API (pre-checks, the actions a page offers) and plain unit tests share one rule.
// In the spirit of Temporal's safe-message-handlers sample: the workflow only wires these to updates and timers.

export interface Bilingual {
  zh: string;
  en: string;
}

/** A closed vocabulary: code → [Chinese, English]. GraphQL enums and page labels are generated from it. */
export type Vocabulary = Readonly<Record<string, readonly [zh: string, en: string]>>;

export const label = <V extends Vocabulary>(vocabulary: V, code: keyof V & string): Bilingual => {
  const pair = vocabulary[code];
  return pair ? { zh: pair[0], en: pair[1] } : { zh: code, en: code };
};

export const ROLES = ["STEERING_GROUP", "DEPARTMENT_MEMBER", "INSPECTOR", "AREA_IMPLEMENTER"] as const;
export type Role = (typeof ROLES)[number];

/** Who takes a step: the signed-in user as the API knows them, carried into the workflow with the update. */
export interface Actor {
  userId: number;
  role: Role;
  departmentId: number | null;
  areaId: number | null;
}

/**
 * Why a step cannot be taken now.
 * - FORBIDDEN: never by this actor (pages hide the action);
 * - NOT_YET: by this actor, later — a date has not come, a prior step is missing (pages show it disabled, with why);
 * - INVALID_STATE: not in this state any more, or not at all (pages hide the action);
 * - BAD_INPUT / CONFLICT: the input, not the actor or the moment, is wrong (from `check`).
 */
export type RefusalCode = "FORBIDDEN" | "NOT_YET" | "INVALID_STATE" | "BAD_INPUT" | "CONFLICT";

export interface Refusal extends Bilingual {
  code: RefusalCode;
}

export const refusal = (code: RefusalCode, zh: string, en: string): Refusal => ({ code, zh, en });

/**
 * One step of a process. `allowed` looks only at the state, the actor and the time; `check` at the input against the
 * state (run after `allowed`); `apply` returns the state after the step (it may copy or change and return `state`;
 * the workflow keeps what it returns). `warn` names a consequence the actor should confirm (e.g. submitting before
 * every supporting department contributed); it never refuses.
 */
export interface StepRule<S, I = void> {
  label: Bilingual;
  allowed(state: S, actor: Actor, now: number): Refusal | null;
  check?(state: S, input: I, now: number): Refusal | null;
  apply(state: S, input: I, actor: Actor, now: number): S;
  warn?(state: S, actor: Actor, now: number): Bilingual | null;
}

/** Types a step's rule as a StepRule (so callers see the whole signature, not the literal's). */
export const defineStep = <S, I = void>(rule: StepRule<S, I>): StepRule<S, I> => rule;

/** The first refusal of a step for this actor and input, or null when it may be taken. */
export function refusalOf<S, I>(rule: StepRule<S, I>, state: S, actor: Actor, input: I, now: number): Refusal | null {
  return rule.allowed(state, actor, now) ?? rule.check?.(state, input, now) ?? null;
}

/** What a page may offer one actor on one item now: enabled steps, and NOT_YET ones with the reason. */
export interface OfferedAction<Step extends string> {
  step: Step;
  label: Bilingual;
  enabled: boolean;
  reason: Bilingual | null;
  warning: Bilingual | null;
}

export function offeredActions<S, Step extends string>(
  rules: Record<Step, StepRule<S, never>>,
  state: S,
  actor: Actor | null,
  now: number,
): OfferedAction<Step>[] {
  if (!actor) return [];
  const offered: OfferedAction<Step>[] = [];
  for (const step of Object.keys(rules) as Step[]) {
    const rule = rules[step];
    const refused = rule.allowed(state, actor, now);
    if (refused && refused.code !== "NOT_YET") continue;
    offered.push({
      step,
      label: rule.label,
      enabled: !refused,
      reason: refused ? { zh: refused.zh, en: refused.en } : null,
      warning: refused ? null : (rule.warn?.(state, actor, now) ?? null),
    });
  }
  return offered;
}

/** Who a process waits for: a department (by code), an area (by code), a role, or one user. */
export type Party =
  | { kind: "DEPARTMENT"; code: string }
  | { kind: "AREA"; code: string }
  | { kind: "ROLE"; role: Role }
  | { kind: "USER"; userId: number };

/** The key a party is stored and searched under (WaitingItem.who): `dept:epb`, `area:230621`, `role:INSPECTOR`, `user:7`. */
export function partyKey(party: Party): string {
  switch (party.kind) {
    case "DEPARTMENT":
      return `dept:${party.code}`;
    case "AREA":
      return `area:${party.code}`;
    case "ROLE":
      return `role:${party.role}`;
    case "USER":
      return `user:${party.userId}`;
  }
}

/** The keys an actor answers to, for "what waits for me" (department, area, role and the user themself). */
export function actorKeys(actor: {
  userId: number;
  role: Role;
  departmentCode: string | null;
  areaCode: string | null;
}): string[] {
  const keys = [`role:${actor.role}`, `user:${actor.userId}`];
  if (actor.departmentCode) keys.push(`dept:${actor.departmentCode}`);
  if (actor.areaCode) keys.push(`area:${actor.areaCode}`);
  return keys;
}

/** The actor's own department or role check, with the shared wording. */
export const onlyDepartment = (actor: Actor, departmentId: number, zh: string, en: string): Refusal | null =>
  actor.role === "STEERING_GROUP" || (actor.role === "DEPARTMENT_MEMBER" && actor.departmentId === departmentId)
    ? null
    : refusal("FORBIDDEN", zh, en);

export const onlyRoles = (actor: Actor, roles: readonly Role[], zh: string, en: string): Refusal | null =>
  roles.includes(actor.role) ? null : refusal("FORBIDDEN", zh, en);
