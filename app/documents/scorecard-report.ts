// 部门年度考评情况: the yearly scorecard as an official document, for all departments or one, from the figures the
// scorecard page shows (app/models/office/scorecard.server.ts counts them). Pure: the figures in, the document out.
import type { Letterhead } from "./consolidated-report";
import { h1, h2, type Block, type OfficialDocument } from "./official-layout";

export interface ScorecardFigures {
  department: string;
  reportsDue: number;
  reportsOnTime: number;
  /** reportsOnTime ÷ reportsDue; null when nothing was due */
  onTimeRate: number | null;
  returns: number;
  daysOverdue: number;
  rectificationsDue: number;
  rectificationsClosedInTime: number;
}

export interface ScorecardFacts {
  year: number;
  plan: { title: string };
  rows: ScorecardFigures[];
}

/** 2026年度部门推进落实工作考评情况 / …（市环保局） */
export const scorecardTitle = (year: number, department: string | null) =>
  `${year}年度部门推进落实工作考评情况${department ? `（${department}）` : ""}`;

/** A rate as the document writes it: 87.5%, or 无应报送报告 when nothing was due. */
export const rateWords = (rate: number | null) => (rate === null ? "无应报送报告" : `${Math.round(rate * 1000) / 10}%`);

/** One department's year in one paragraph. */
export function figuresSentence(r: ScorecardFigures): string {
  const reports = r.reportsDue
    ? `应报送推进落实情况报告${r.reportsDue}份，按时报送${r.reportsOnTime}份，按时报送率${rateWords(r.onTimeRate)}`
    : "本年度无应报送的推进落实情况报告";
  const returns = r.returns ? `报告被退回修改${r.returns}次` : "报告未被退回修改";
  const late = r.daysOverdue ? `逾期合计${r.daysOverdue}个工作日` : "无逾期";
  const rectifications = r.rectificationsDue
    ? `应整改问题${r.rectificationsDue}个，按期整改销号${r.rectificationsClosedInTime}个`
    : "无到期的整改问题";
  return `${reports}；${returns}；${late}；${rectifications}。`;
}

const RULES: Block[] = [
  { kind: "p", text: "报告按报送周期的截止日期计入年度，截止日过后计数；按时报送指首次报送不晚于截止日当天。" },
  { kind: "p", text: "逾期工作日按国务院办公厅节假日安排（含调休）计算，未报送的报告计至统计之日。" },
  {
    kind: "p",
    text: "整改问题按整改期限计入年度，期限已过或已销号后计数；按期整改销号指整改情况不晚于期限当天报告并经核查销号。",
  },
];

export function scorecardReport(facts: ScorecardFacts, department: string | null, head: Letterhead): OfficialDocument {
  const due = facts.rows.reduce((n, r) => n + r.reportsDue, 0);
  const onTime = facts.rows.reduce((n, r) => n + r.reportsOnTime, 0);
  const rectDue = facts.rows.reduce((n, r) => n + r.rectificationsDue, 0);
  const rectOk = facts.rows.reduce((n, r) => n + r.rectificationsClosedInTime, 0);
  const who = department ?? `各部门（共${facts.rows.length}个）`;
  const body: Block[] = [
    {
      kind: "p",
      text: `按照《${facts.plan.title}》推进落实工作要求，现将${facts.year}年度${who}推进落实工作考评情况通报如下。`,
    },
    h1(1, "总体情况"),
    {
      kind: "p",
      text: `${facts.year}年度共应报送推进落实情况报告${due}份，按时报送${onTime}份，按时报送率${rateWords(due ? onTime / due : null)}；应整改问题${rectDue}个，按期整改销号${rectOk}个。`,
    },
    h1(2, "各部门考评情况"),
    ...facts.rows.flatMap((r, n): Block[] => [h2(n + 1, r.department), { kind: "p", text: figuresSentence(r) }]),
    h1(3, "计算口径"),
    ...RULES,
    { kind: "p", text: "特此通报。" },
  ];
  return {
    issuer: head.issuer,
    number: head.number,
    draft: head.draft,
    title: scorecardTitle(facts.year, department),
    recipient: "各有关部门：",
    body,
    signature: head.issuer,
    date: head.date,
    printedBy: `${head.issuer}办公室`,
  };
}
