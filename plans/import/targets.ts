// Targets the grammar of these plans marks, each a proposal for a person to check:
// - a date (到2020年, 2020年底前, 2019年6月底前) opens a dated clause that runs to its first completion phrase
//   (实现/完成/建成/全覆盖): 覆盖 makes it a COVERAGE target, anything else a MILESTONE; in the same sentence a later
//   推进…建设 is a milestone of the same date;
// - 每年/年度 (YEARLY), 定期/每季度/每月 (PERIODIC) and 适时/不定期 (AS_NEEDED) open a recurring duty, which runs to
//   the sentence's end, a purpose phrase (确保, 满足 …) or the next such word;
// - 推进…自动监测站建设 (and …网络建设 that covers the whole city) is a station-building COVERAGE target, due by the
//   plan's horizon year, which the text does not say for it.
// Duties without such a word (公布…结果, 及时…发布) are not proposed: whether the product should track them is a
// person's call.
import type { PlanTarget } from "../format/schema";
import { AREA_SCOPE_WORDS, ELEMENT_WORDS } from "../reference/elements";
import { phrases, sentences } from "./text";

export interface Place {
  /** null: the plan's goal or requirements. */
  task: string | null;
  text: string;
  /** The department answerable when the sentence names none: the task's first lead. */
  lead: string | null;
}
/** Why a target needs a look, in Chinese and English. */
export type Why = [zh: string, en: string];
export interface Proposed {
  target: PlanTarget;
  review: Why[];
}
export interface Context {
  horizonYear: number;
  /** The department a sentence opens with, if any. */
  subjectOf: (sentence: string) => string | undefined;
}

const DATE = /(?:到|至)?(\d{4})年(?:(\d{1,2})月)?(?:底)?(?:前|以前|底)?/u;
const DATED = /^(?:到|至)?\d{4}年(?:\d{1,2}月)?(?:底)?(?:前|以前)?|^(?:到|至)\d{4}年/u;
const COMPLETES = /实现|完成|建成|全覆盖|覆盖/u;
const RECURRENCE: [RegExp, "YEARLY" | "PERIODIC" | "AS_NEEDED"][] = [
  [/每年|年度/u, "YEARLY"],
  [/定期|每季度|每月|每半年/u, "PERIODIC"],
  [/适时|不定期/u, "AS_NEEDED"],
];
const PURPOSE = /^(确保|满足|提高|保障|为|以便|以)/u;
const STATION = /^推进(.*)自动监测(站|网络)建设$/u;
const ALL_DEPARTMENTS = /^各(有关|相关|责任)?部门/u;

export function proposeTargets(places: Place[], ctx: Context): Proposed[] {
  const out: Proposed[] = [];
  for (const place of places)
    for (const sentence of sentences(place.text)) {
      const parts = phrases(sentence);
      const subject = ctx.subjectOf(sentence);
      const everyone = ALL_DEPARTMENTS.test(sentence);
      const responsible = subject ?? (everyone ? null : place.lead);
      const base = (clause: string, due: string | null) => ({
        code: "",
        task: place.task,
        title: clause.replace(DATED, "").replace(/^，/u, ""),
        titleEn: "",
        clause,
        due,
        responsible,
      });
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        if (DATED.test(p)) {
          let end = i;
          while (end < parts.length - 1 && !COMPLETES.test(parts[end])) end++;
          const clause = parts.slice(i, end + 1).join("，");
          const due = dueOf(p);
          out.push(coverageOrMilestone(base(clause, due), []));
          for (let j = end + 1; j < parts.length; j++)
            if (/^推进.+建设$/u.test(parts[j]))
              out.push({
                target: { ...base(parts[j], due), measure: "MILESTONE" },
                review: [["里程碑的期限取自同一句", "the milestone is dated by its sentence"]],
              });
          i = parts.length;
          continue;
        }
        const recurrence = RECURRENCE.find(([re]) => re.test(p))?.[1];
        if (recurrence) {
          let end = i;
          while (
            end < parts.length - 1 &&
            !PURPOSE.test(parts[end + 1]) &&
            !RECURRENCE.some(([re]) => re.test(parts[end + 1]))
          )
            end++;
          const clause = parts.slice(i, end + 1).join("，");
          const times = /至少[^，\d一二三四五六七八九十]{0,8}(\d+|[一二三四五六七八九十])次/u.exec(clause)?.[1];
          const evidence = /年度工作计划/u.test(clause)
            ? "ANNUAL_WORK_PLANS"
            : /报送.*(情况|进展)/u.test(clause)
              ? "REPORTING_CYCLES"
              : /督导检查|督查/u.test(clause)
                ? "INSPECTIONS"
                : undefined;
          out.push({
            target: {
              ...base(clause, null),
              measure: "RECURRING",
              recurrence,
              minPerPeriod: times ? Number(times) || "一二三四五六七八九十".indexOf(times) + 1 : 1,
              ...(evidence ? { evidence } : {}),
            },
            review: [],
          });
          i = end;
          continue;
        }
        const station = STATION.exec(p);
        if (station && place.task && (station[2] === "站" || /全市|全省/u.test(station[1]))) {
          const why: Why = [
            `方案未写期限，按目标年 ${ctx.horizonYear} 年底`,
            "no date in the text: the horizon year assumed",
          ];
          out.push(coverageOrMilestone(base(p, `${ctx.horizonYear}-12-31`), [why]));
        }
      }
    }
  return out;
}

function dueOf(phrase: string): string {
  const m = DATE.exec(phrase)!;
  const year = Number(m[1]);
  if (!m[2]) return `${year}-12-31`;
  const month = Number(m[2]);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

function coverageOrMilestone(base: Omit<PlanTarget, "measure">, review: Why[]): Proposed {
  if (!/覆盖|监测站|监测网络/u.test(base.clause))
    return { target: { ...base, measure: "MILESTONE" } as PlanTarget, review };
  const found = ELEMENT_WORDS.map(([re, els]) => ({ at: base.clause.search(re), els }))
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at)
    .flatMap((f) => f.els);
  const elements = [...new Set(found)];
  const areas = AREA_SCOPE_WORDS.find(([re]) => re.test(base.clause))?.[1] ?? "CITY";
  const target = {
    ...base,
    measure: "COVERAGE" as const,
    elements: elements.length > 0 ? elements : (["AIR"] as const).slice(),
    areas,
    automaticOnly: /自动/u.test(base.clause),
    minPerArea: 1,
  };
  return {
    target: target as PlanTarget,
    review: elements.length > 0 ? review : [...review, ["条文未写监测要素", "the clause names no element"]],
  };
}
