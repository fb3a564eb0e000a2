// 通报: an inspection and its findings as the notice the steering group issues after a 专项督导检查. Pure: it takes the
// facts the inspection page shows.
import {
  FINDING_STATUSES,
  SEVERITIES,
  type FindingStatus,
  type InspectionStatus,
  type Severity,
} from "../../workflows/inspection/state";
import type { Letterhead } from "./consolidated-report";
import { arabicDate, h1, h2, paragraphs, type Block, type OfficialDocument } from "./official-layout";

export interface NoticeFinding {
  ordinal: number;
  severity: Severity;
  description: string;
  requiresRectification: boolean;
  /** YYYY-MM-DD */
  deadline: string | null;
  status: FindingStatus;
  rectification: string | null;
  reopenCount: number;
  reopenReason: string | null;
  overdue: boolean;
}

export interface InspectionFacts {
  /** The subject given when it was scheduled */
  subject: string;
  /** The inspected department or area */
  unit: string;
  /** YYYY-MM-DD */
  day: string;
  taskCodes: string[];
  status: InspectionStatus;
  plan: { title: string };
  findings: NoticeFinding[];
}

/** Where the inspection stands, as a clause of the notice (the statuses' short labels do not read as a sentence). */
const STAGE: Record<InspectionStatus, string> = {
  SCHEDULED: "尚未开展现场检查",
  IN_PROGRESS: "正在开展现场检查",
  RECTIFYING: "现场检查已结束，正在整改",
  CLOSED: "检查及整改均已结束",
};

export const noticeTitle = (facts: Pick<InspectionFacts, "day" | "unit">) =>
  `关于${arabicDate(facts.day)}对${facts.unit}专项督导检查情况的通报`;

function requirement(f: NoticeFinding): string {
  if (!f.requiresRectification) return "整改要求：不需整改，请引起重视。";
  return f.deadline ? `整改要求：请于${arabicDate(f.deadline)}前完成整改。` : "整改要求：请限期完成整改。";
}

/** Where one finding's rectification stands: 问题1：已销号。整改情况：… */
function rectificationState(f: NoticeFinding): Block[] {
  if (!f.requiresRectification) return [];
  const flags = [
    f.overdue ? "已超过整改期限" : null,
    f.reopenCount
      ? `经核查整改不到位，已${f.reopenCount}次退回重新整改${f.reopenReason ? `（${f.reopenReason}）` : ""}`
      : null,
  ].filter(Boolean);
  return [
    {
      kind: "p",
      text: `问题${f.ordinal}：${FINDING_STATUSES[f.status][0]}${flags.length ? `，${flags.join("，")}` : ""}。`,
    },
    ...(f.rectification ? paragraphs(`整改情况：${f.rectification}`) : []),
  ];
}

export function inspectionNotice(facts: InspectionFacts, head: Letterhead): OfficialDocument {
  const toRectify = facts.findings.filter((f) => f.requiresRectification);
  const severities = (Object.keys(SEVERITIES) as Severity[])
    .map((s) => [SEVERITIES[s][0], facts.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name}问题${n}个`)
    .join("、");
  const body: Block[] = [
    {
      kind: "p",
      text: `为推动《${facts.plan.title}》各项任务落实，${arabicDate(facts.day)}，${head.issuer}对${facts.unit}开展了专项督导检查。现将检查情况通报如下。`,
    },
    h1(1, "检查基本情况"),
    {
      kind: "p",
      text: `本次检查内容为${facts.subject}，涉及任务${facts.taskCodes.join("、")}。目前${STAGE[facts.status]}，共发现问题${facts.findings.length}个${severities ? `，其中${severities}` : ""}；需整改${toRectify.length}个。`,
    },
    h1(2, "发现的主要问题"),
    ...(facts.findings.length
      ? facts.findings.flatMap((f, n): Block[] => [
          h2(n + 1, `问题${f.ordinal}（${SEVERITIES[f.severity][0]}）`),
          ...paragraphs(f.description),
          { kind: "p", text: requirement(f) },
        ])
      : [{ kind: "p", text: "本次检查未发现问题。" } as Block]),
    h1(3, "整改落实情况"),
    ...(toRectify.length
      ? toRectify.flatMap(rectificationState)
      : [{ kind: "p", text: "本次检查无需整改的问题。" } as Block]),
    h1(4, "工作要求"),
    {
      kind: "p",
      text: toRectify.length
        ? `请${facts.unit}对照问题清单逐项落实整改，在整改期限内将整改情况报${head.issuer}办公室。${head.issuer}将对整改情况进行核查，整改不到位的退回重新整改。`
        : `请${facts.unit}继续抓好各项任务落实，巩固检查成果。`,
    },
    { kind: "p", text: "特此通报。" },
  ];
  return {
    issuer: head.issuer,
    number: head.number,
    draft: head.draft,
    title: noticeTitle(facts),
    recipient: `${facts.unit}，各有关单位：`,
    body,
    signature: head.issuer,
    date: head.date,
    printedBy: `${head.issuer}办公室`,
  };
}
