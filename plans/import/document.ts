// The outline of a 工作方案 as its text lays it out: the notice (title, 文号, issuing office and date), the plan's title
// and preamble, then the numbered sections 一、二、… recognised by their names (指导思想, 基本原则, 工作目标, 主要任务,
// 工作要求 and the names other plans give them), the task groups （一）（二）… and the tasks 1. 2. … under them.
import { AppError } from "../../app/utils/errors";
import { chineseNumber } from "./text";

export interface TitledClause {
  title: string;
  text: string;
}
export interface TextTask {
  number: number;
  title: string;
  body: string;
}
export interface TextGroup {
  number: number;
  title: string;
  intro: string;
  tasks: TextTask[];
}
export interface Outline {
  noticeTitle: string;
  number: string;
  office: string;
  issuedOn: string;
  title: string;
  purpose: string;
  guidingIdeology: string;
  principles: TitledClause[];
  goal: TitledClause;
  groups: TextGroup[];
  requirements: TitledClause[];
}

const SECTION_KINDS: [keyof typeof empty, RegExp][] = [
  ["guidingIdeology", /指导思想/],
  ["principles", /基本原则/],
  ["goal", /目标/],
  ["tasks", /任务/],
  ["requirements", /工作要求|保障措施|组织实施|保障/],
];
const empty = { guidingIdeology: 0, principles: 0, goal: 0, tasks: 0, requirements: 0 };
const SECTION = /^([一二三四五六七八九十]{1,3})、(.{2,16})$/u;
const ITEM = /^（([一二三四五六七八九十]{1,3})）(.+)$/u;
const TASK = /^(\d{1,2})\. ([^。]+)。(.*)$/u;
const NUMBER = /^\p{Script=Han}{1,12}〔\d{4}〕\d{1,4}号$/u;
const DATE = /^(.*?)(\d{4})年(\d{1,2})月(\d{1,2})日$/u;

const bad = (zh: string, en: string) =>
  new AppError("BAD_INPUT", `无法识别方案文本：${zh}`, `cannot read the plan's text: ${en}`);

export function outline(paragraphs: string[]): Outline {
  if (paragraphs.length < 10)
    throw bad(
      `全文只有 ${paragraphs.length} 行：需每段一行（标题、文号、章节标题、每项任务各占一行）`,
      `the text has ${paragraphs.length} line(s): it needs one paragraph a line (title, number, headings, each task)`,
    );
  const numberAt = paragraphs.slice(0, 6).findIndex((p) => NUMBER.test(p));
  if (numberAt < 0)
    throw bad(
      "开头几段中没有文号（如 庆政办规〔2018〕1号）",
      "no document number (e.g. 庆政办规〔2018〕1号) near the top",
    );
  const dateAt = paragraphs.findIndex((p, i) => i > numberAt && DATE.test(p));
  if (dateAt < 0) throw bad("通知没有落款日期", "the notice has no date");
  const d = DATE.exec(paragraphs[dateAt])!;
  const office = d[1] || paragraphs[dateAt - 1];
  const issuedOn = `${d[2]}-${d[3].padStart(2, "0")}-${d[4].padStart(2, "0")}`;
  const noticeTitle = paragraphs[0];
  const title = /关于印发(.+?)的通知$/u.exec(noticeTitle)?.[1] ?? paragraphs[dateAt + 1];
  const bodyAt = paragraphs.findIndex((p, i) => i > dateAt && p === title);
  const start = bodyAt >= 0 ? bodyAt + 1 : dateAt + 1;
  const firstSection = paragraphs.findIndex((p, i) => i >= start && SECTION.test(p));
  if (firstSection < 0) throw bad("没有“一、”这样的章节标题", "no section headings such as 一、");
  const purpose = paragraphs.slice(start, firstSection).join("");

  const sections = new Map<string, { heading: string; paragraphs: string[] }>();
  let current: { heading: string; paragraphs: string[] } | undefined;
  for (const p of paragraphs.slice(firstSection)) {
    const h = SECTION.exec(p);
    if (h) {
      const kind = SECTION_KINDS.find(([, re]) => re.test(h[2]))?.[0];
      current = { heading: h[2], paragraphs: [] };
      if (kind && !sections.has(kind)) sections.set(kind, current);
    } else current?.paragraphs.push(p);
  }
  const need = (kind: string, zh: string, en: string) => {
    const s = sections.get(kind);
    if (!s) throw bad(`缺少“${zh}”一节`, `no section “${en}”`);
    return s;
  };
  const goal = need("goal", "工作目标", "goals");
  return {
    noticeTitle,
    number: paragraphs[numberAt],
    office,
    issuedOn,
    title,
    purpose,
    guidingIdeology: sections.get("guidingIdeology")?.paragraphs.join("") ?? "",
    principles: items(sections.get("principles")?.paragraphs ?? []),
    goal: { title: goal.heading, text: goal.paragraphs.join("") },
    groups: groups(need("tasks", "主要任务", "main tasks").paragraphs),
    requirements: items(sections.get("requirements")?.paragraphs ?? []),
  };
}

/** （一）标题。正文 paragraphs. */
function items(paragraphs: string[]): TitledClause[] {
  return paragraphs.flatMap((p) => {
    const m = ITEM.exec(p);
    if (!m) return [];
    const stop = m[2].indexOf("。");
    return stop < 0 ? [{ title: m[2], text: "" }] : [{ title: m[2].slice(0, stop), text: m[2].slice(stop + 1) }];
  });
}

function groups(paragraphs: string[]): TextGroup[] {
  const out: TextGroup[] = [];
  for (const p of paragraphs) {
    const g = ITEM.exec(p);
    const t = TASK.exec(p);
    if (g && !g[2].includes("。")) out.push({ number: chineseNumber(g[1]), title: g[2], intro: "", tasks: [] });
    else if (t && out.length > 0) out.at(-1)!.tasks.push({ number: Number(t[1]), title: t[2], body: t[3] });
    else if (out.length > 0 && out.at(-1)!.tasks.length === 0) out.at(-1)!.intro += p;
    else if (out.length > 0) out.at(-1)!.tasks.at(-1)!.body += p;
  }
  if (out.length === 0 || out.some((g) => g.tasks.length === 0))
    throw bad("主要任务中没有“（一）”任务组及其“1.”任务", "the main tasks have no groups （一） with tasks 1.");
  return out;
}
