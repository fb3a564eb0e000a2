// 专项督导检查: the steps taken on one finding — the inspected unit reports its rectification, the inspector verifies
// it as effective (the finding is closed) or reopens it with a reason and a new deadline. Pure.
import { dayOf } from "../common/calendar";
import { defineStep, refusal } from "../common/process";
import { inspectorOnly, iso, unitOnly, type Finding, type InspectionState } from "./state";

/** A step on one finding sees the whole inspection and which finding it is about. */
export interface FindingScope {
  inspection: InspectionState;
  ordinal: number;
}

export const findingOf = ({ inspection, ordinal }: FindingScope): Finding | undefined =>
  inspection.findings[ordinal - 1];

/** A finding the step names must exist; who may act is asked first, so a stranger learns nothing of the findings. */
const missing = (scope: FindingScope) =>
  findingOf(scope) ? null : refusal("BAD_INPUT", `没有问题${scope.ordinal}`, `There is no finding ${scope.ordinal}`);

const changeFinding = (scope: FindingScope, change: Partial<Finding>): FindingScope => ({
  ordinal: scope.ordinal,
  inspection: {
    ...scope.inspection,
    findings: scope.inspection.findings.map((f) => (f.ordinal === scope.ordinal ? { ...f, ...change } : f)),
  },
});

const closedFinding = refusal("INVALID_STATE", "该问题已销号", "This finding is closed");

/** A rectification can be reported while the finding waits for one (open, or reopened). */
const awaitsRectification = (f: Finding) =>
  !f.requiresRectification
    ? refusal("INVALID_STATE", "该问题无需整改", "This finding needs no rectification")
    : f.status === "CLOSED"
      ? closedFinding
      : f.status === "RECTIFICATION_REPORTED"
        ? refusal(
            "INVALID_STATE",
            "整改情况已报送，等待核查",
            "The rectification is already reported and awaits verification",
          )
        : null;

/** A rectification can be verified once reported; before that, later (a page says why). */
const awaitsVerification = (f: Finding) =>
  f.status === "CLOSED"
    ? closedFinding
    : f.status !== "RECTIFICATION_REPORTED"
      ? refusal(
          "NOT_YET",
          "被检查单位报送整改情况后可核查",
          "This can be verified once the inspected unit reports its rectification",
        )
      : null;

export interface VerifyInput {
  effective: boolean;
  reason?: string | null;
  /** YYYY-MM-DD, required to reopen */
  newDeadline?: string | null;
}

/** The steps taken on one finding, keyed by the name the API and GraphQL use (FindingStep). */
export const FINDING_STEPS = {
  REPORT_RECTIFICATION: defineStep<FindingScope, { text: string }>({
    label: { zh: "报告整改", en: "Report rectification" },
    allowed: (scope, actor) =>
      unitOnly(scope.inspection, actor) ?? missing(scope) ?? awaitsRectification(findingOf(scope)!),
    apply: (scope, { text }, _actor, now) =>
      changeFinding(scope, { status: "RECTIFICATION_REPORTED", rectification: text, reportedAt: iso(now) }),
  }),

  VERIFY: defineStep<FindingScope, VerifyInput>({
    label: { zh: "核查整改", en: "Verify the rectification" },
    allowed: (scope, actor) =>
      inspectorOnly(scope.inspection, actor) ?? missing(scope) ?? awaitsVerification(findingOf(scope)!),
    check: (_scope, { effective, reason, newDeadline }, now) => {
      if (effective) return null;
      if (!reason?.trim()) return refusal("BAD_INPUT", "重新整改必须说明原因", "Reopening needs a reason");
      if (!newDeadline || newDeadline < dayOf(now))
        return refusal(
          "BAD_INPUT",
          "重新整改须设定不早于今天的新期限",
          "Reopening needs a new deadline that is not in the past",
        );
      return null;
    },
    apply: (scope, { effective, reason, newDeadline }, _actor, now) =>
      effective
        ? changeFinding(scope, { status: "CLOSED", verifiedAt: iso(now) })
        : changeFinding(scope, {
            status: "REOPENED",
            verifiedAt: iso(now),
            reopenCount: findingOf(scope)!.reopenCount + 1,
            reopenReason: reason ?? undefined,
            deadline: newDeadline ?? undefined,
            overdue: false,
          }),
  }),
};
export type FindingStep = keyof typeof FINDING_STEPS;
