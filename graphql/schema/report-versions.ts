// A progress report's history in the API: every submitted version (what it said, with which contributions, whether
// it was returned and why) and what changed from the version before, word by word; and which supporting departments
// have contributed. Read from the ReportVersion rows and the mirrored process state.
import { builder } from "../builder";
import type { Bilingual } from "../../workflows/common/process";
import { diffText, type TextChange } from "../../workflows/reporting/diff";
import type { ReportState } from "../../workflows/reporting/process";
import { labelled, TaskStatusEnum } from "./enums";
import { BilingualRef } from "./process";

const TextChangeKindEnum = labelled(
  "TextChangeKind",
  { SAME: ["未改动", "Unchanged"], INSERTED: ["新增", "Inserted"], DELETED: ["删除", "Deleted"] },
  "Whether a piece of text was kept, inserted or deleted",
);

const TextChangeRef = builder.objectRef<TextChange>("TextChange").implement({
  description: "A piece of the new version's text, kept or inserted, or of the old one's, deleted",
  fields: (t) => ({
    kind: t.field({ type: TextChangeKindEnum, resolve: (c) => c.kind }),
    text: t.exposeString("text"),
  }),
});

interface VersionContribution {
  department: Bilingual | null;
  text: string;
  at: string;
}
const VersionContributionRef = builder.objectRef<VersionContribution>("ReportVersionContribution").implement({
  description: "A supporting department's input as it stood when the version was submitted",
  fields: (t) => ({
    department: t.field({ type: BilingualRef, nullable: true, resolve: (c) => c.department }),
    text: t.exposeString("text"),
    at: t.field({ type: "DateTime", resolve: (c) => new Date(c.at) }),
  }),
});

interface VersionRow {
  version: number;
  progress: string;
  taskStatus: string;
  submittedAt: Date;
  late: boolean;
  contributions: string;
  returnedAt: Date | null;
  returnReason: string | null;
  acceptedAt: Date | null;
}
interface Version extends VersionRow {
  changes: TextChange[] | null;
}

/** The versions, oldest first, each with its changes from the one before (none for the first). */
export const versionsOf = (rows: VersionRow[]): Version[] =>
  rows.map((row, i) => ({ ...row, changes: i === 0 ? null : diffText(rows[i - 1].progress, row.progress) }));

export const ReportVersionRef = builder.objectRef<Version>("ReportVersion").implement({
  description: "One submission of a report, kept as submitted; if returned, when and why",
  fields: (t) => ({
    version: t.exposeInt("version", { description: "1 for the first submission, 2 for the next…" }),
    progress: t.exposeString("progress"),
    taskStatus: t.field({ type: TaskStatusEnum, resolve: (v) => v.taskStatus as never }),
    submittedAt: t.expose("submittedAt", { type: "DateTime" }),
    late: t.exposeBoolean("late"),
    contributions: t.field({
      type: [VersionContributionRef],
      resolve: (v) => JSON.parse(v.contributions) as VersionContribution[],
    }),
    returnedAt: t.expose("returnedAt", { type: "DateTime", nullable: true }),
    returnReason: t.exposeString("returnReason", { nullable: true }),
    acceptedAt: t.expose("acceptedAt", { type: "DateTime", nullable: true }),
    changes: t.field({
      type: [TextChangeRef],
      nullable: true,
      description: "What changed from the previous version's text (word by word); null for the first version",
      resolve: (v) => v.changes,
    }),
  }),
});

interface Supporter {
  code: string;
  name: Bilingual;
  contributedAt: string | null;
}
export const ReportSupporterRef = builder.objectRef<Supporter>("ReportSupporter").implement({
  description: "A supporting department of the report's task, and whether it has contributed",
  fields: (t) => ({
    departmentCode: t.exposeString("code"),
    name: t.field({ type: BilingualRef, resolve: (s) => s.name }),
    contributed: t.boolean({ resolve: (s) => s.contributedAt !== null }),
    contributedAt: t.field({
      type: "DateTime",
      nullable: true,
      resolve: (s) => (s.contributedAt ? new Date(s.contributedAt) : null),
    }),
  }),
});

export function supportersOf(stateJson: string): Supporter[] {
  if (stateJson === "{}") return [];
  const state = JSON.parse(stateJson) as ReportState;
  return state.supporters.map((x) => ({
    code: x.code,
    name: x.name,
    contributedAt: state.contributions.find((c) => c.departmentId === x.departmentId)?.at ?? null,
  }));
}
