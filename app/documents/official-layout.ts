// The layout of a Chinese official document (党政机关公文格式, GB/T 9704-2012) as plain data: what a document holds
// (版头, 主体, 版记) and the page, fonts and sizes both writers (docx.ts, pdf.ts) follow. Pure: no files, no clock.

/** One block of the body: level-1 heading (一、), level-2 heading (（一）), or a paragraph. */
export type Block = { kind: "h1"; text: string } | { kind: "h2"; text: string } | { kind: "p"; text: string };

export interface OfficialDocument {
  /** 发文机关标志, e.g. 大庆市生态文明体制改革专项小组 */
  issuer: string;
  /** 发文字号, e.g. 庆生态改〔2026〕4号 */
  number: string;
  /** True when the number is not registered (发文登记) but derived: the document is a draft and says so. */
  draft?: boolean;
  /** 标题 */
  title: string;
  /** 主送机关, written with its full-width colon */
  recipient: string;
  /** 正文; headings carry their own numbers ("一、…", "（一）…"), given by h1() and h2() */
  body: Block[];
  /** 发文机关署名 */
  signature: string;
  /** 成文日期, YYYY-MM-DD; written in Chinese numerals */
  date: string;
  /** 版记: 印发机关 and 印发日期 */
  printedBy: string;
}

const MM = 72 / 25.4;
/** A4 and the standard's margins (天头 37 mm, 下白边 35 mm, 订口 28 mm, 翻口 26 mm). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
  /** The page number sits this far below the type area (一字线 7 mm below the 版心). */
  pageNumberBelowMm: 7,
} as const;
export const mmToPt = (mm: number) => mm * MM;

/** Sizes in points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt. */
export const SIZE = { title: 22, issuer: 26, body: 16, pageNumber: 14 } as const;
/** 22 lines of 3号 in the 225 mm type area: a fixed line pitch of about 29 pt (Word: 固定值 28.9 磅). */
export const LINE_PT = 28.9;

/** The fonts a Word reader is asked for, by role (Chinese names, as Word on a government desktop knows them). */
export const FONT = {
  title: "方正小标宋简体",
  body: "仿宋_GB2312",
  h1: "黑体",
  h2: "楷体_GB2312",
  latin: "Times New Roman",
  pageNumber: "宋体",
} as const;

/** The red of the 版头 (发文机关标志 and the rule below the 发文字号). */
export const RED = "C00000";

const DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1…99 as 一…九十九 (十, 十一, 二十, 二十一). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`chineseNumber: ${n}`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
}

/** 2026-12-01 → 二〇二六年十二月一日 (the year digit by digit, month and day as numbers). */
export function chineseDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError(`chineseDate: ${day}`);
  const year = [...m[1]].map((d) => DIGITS[Number(d)]).join("");
  return `${year}年${chineseNumber(Number(m[2]))}月${chineseNumber(Number(m[3]))}日`;
}

/** 2026-12-01 → 2026年12月1日 (the 印发日期 of the 版记, and dates inside the text). */
export const arabicDate = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

/** 庆生态改〔2026〕4号 */
export const documentNumber = (prefix: string, year: number, n: number) => `${prefix}〔${year}〕${n}号`;

/** The mark a draft's number carries: the derived number is not an issued 发文字号. */
export const DRAFT_MARK = "（草稿，未登记）";
/** The 发文字号 line of the 版头: the registered number, or the derived one marked as a draft. */
export const numberLine = (doc: Pick<OfficialDocument, "number" | "draft">) =>
  doc.draft ? `${doc.number}${DRAFT_MARK}` : doc.number;

/** Headings numbered as the standard's levels: 一、 and （一）. */
export const h1 = (n: number, text: string): Block => ({ kind: "h1", text: `${chineseNumber(n)}、${text}` });
export const h2 = (n: number, text: string): Block => ({ kind: "h2", text: `（${chineseNumber(n)}）${text}` });
/** A text as paragraphs: one per non-empty line (people write reports with line breaks between paragraphs). */
export const paragraphs = (text: string): Block[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: "p", text: line }));

/** The page number as the standard writes it: — 1 — */
export const pageNumberText = (n: number) => `— ${n} —`;
