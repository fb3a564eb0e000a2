// Reporting periods as the plan's cycles name them: a year (2027), a half (2027H1), a quarter (2027Q1) or a month
// (2027M06). Parsing, the period's last day, and the names people use ("2027年第一季度" / "Q1 2027"). Pure calendar
// arithmetic on dates written YYYY-MM-DD (no time zone involved), shared by the API, the process modules and pages.
import type { Bilingual } from "../common/process";

export type PeriodKind = "YEAR" | "HALF" | "QUARTER" | "MONTH";

export interface Period {
  /** As written: 2027Q1 */
  code: string;
  year: number;
  kind: PeriodKind;
  /** 1-based half, quarter or month; 1 for a year */
  index: number;
}

/** How a period is written; the API's input check and `parsePeriod` share it. */
export const PERIOD_PATTERN = /^(\d{4})(?:H([12])|Q([1-4])|M(0[1-9]|1[0-2]))?$/;

export function parsePeriod(code: string): Period | null {
  const m = PERIOD_PATTERN.exec(code);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { code, year, kind: "HALF", index: Number(m[2]) };
  if (m[3]) return { code, year, kind: "QUARTER", index: Number(m[3]) };
  if (m[4]) return { code, year, kind: "MONTH", index: Number(m[4]) };
  return { code, year, kind: "YEAR", index: 1 };
}

const MONTHS_PER: Record<PeriodKind, number> = { YEAR: 12, HALF: 6, QUARTER: 3, MONTH: 1 };

/** The period's last day, YYYY-MM-DD (2027Q1 → 2027-03-31, 2028M02 → 2028-02-29), or null when malformed. */
export function periodEnd(code: string): string | null {
  const p = parsePeriod(code);
  if (!p) return null;
  const lastMonth = p.index * MONTHS_PER[p.kind];
  // Day 0 of the following month is the last day of this one (leap years included).
  return new Date(Date.UTC(p.year, lastMonth, 0)).toISOString().slice(0, 10);
}

const ZH_ORDINAL = ["", "一", "二", "三", "四"];
const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2027年第一季度" / "Q1 2027"; "2027年上半年" / "H1 2027"; "2027年6月" / "June 2027"; "2027年度" / "2027". */
export function periodLabel(code: string): Bilingual {
  const p = parsePeriod(code);
  if (!p) return { zh: code, en: code };
  switch (p.kind) {
    case "YEAR":
      return { zh: `${p.year}年度`, en: `${p.year}` };
    case "HALF":
      return { zh: `${p.year}年${p.index === 1 ? "上" : "下"}半年`, en: `H${p.index} ${p.year}` };
    case "QUARTER":
      return { zh: `${p.year}年第${ZH_ORDINAL[p.index]}季度`, en: `Q${p.index} ${p.year}` };
    case "MONTH":
      return { zh: `${p.year}年${p.index}月`, en: `${EN_MONTHS[p.index - 1]} ${p.year}` };
  }
}
