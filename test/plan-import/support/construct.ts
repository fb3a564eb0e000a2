// Builds constructed 工作方案 texts from Daqing's, for the importer's tests and fixtures (scripts/plan-variants.ts):
// each change is one way real plans differ from one another. Plain string edits on the text's own lines, so what the
// importer must read stays the plan's grammar, not the edits.
import type { AreaRow } from "../../../plans/reference/divisions";

export interface CityVariant {
  file: string;
  city: string;
  abbr: string;
  number: number;
  date: string;
  /** The development zones the implementers' sentence names. */
  zones: ("高新区" | "经开区")[];
  /** Department names after the 2018 reform (生态环境局, 自然资源局, 水利局 …). */
  reform?: boolean;
  /** Tasks of groups （二） and （五） in another order, renumbered. */
  reorder?: boolean;
  /** Each task names its implementers; no 以下均需… convention; one task names two counties. */
  explicit?: boolean;
  ocr?: boolean;
  water?: string;
  soil?: string;
  training?: string;
  quarterly?: boolean;
  /** A supporting department the dictionary lacks, added to task 1.4. */
  unknown?: string;
}

const NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const REFORM: [string, string][] = [
  ["环保局", "生态环境局"],
  ["国土资源局", "自然资源局"],
  ["水务局", "水利局"],
  ["卫生计生委", "卫健委"],
  ["农委", "农业农村局"],
  ["城乡规划局", "住建局"],
];
const CONVENTION = "各县区政府、高新区及经开区管委会负责落实（以下均需各县区政府、高新区及经开区管委会落实，不再列出）";
const HEILONGJIANG =
  "黑龙江省人民政府办公厅关于印发黑龙江省生态环境监测网络建设工作方案的通知》（黑政办发〔2017〕24号）";
const JIANGSU = "江苏省人民政府办公厅关于印发江苏省生态环境监测网络建设工作方案的通知》（苏政办发〔2017〕30号）";

export function cityText(daqing: string, v: CityVariant, areas: AreaRow[]): string {
  const counties = areas.filter((a) => a.kind === "COUNTY");
  const governments = `各县区政府${v.zones.length > 0 ? `、${v.zones.join("及")}管委会` : ""}`;
  let t = daqing
    .replaceAll("庆政办规〔2018〕1号", `${v.abbr}政办规〔2018〕${v.number}号`)
    .replaceAll("2018年2月5日", v.date)
    .replaceAll(HEILONGJIANG, JIANGSU)
    .replaceAll("大庆市", v.city)
    .replace(
      "推进四个县空气质量自动监测站建设",
      counties.length > 0
        ? `推进${NUMERALS[counties.length]}个县空气质量自动监测站建设`
        : "推进各区空气质量自动监测站建设",
    );
  if (v.explicit) {
    t = t.replace(`，${CONVENTION}。`, "。");
    const named = (counties.length >= 2 ? counties : areas).slice(0, 2).map((a) => a.name);
    t = t
      .split("\n")
      .map((line, i, lines) => {
        if (!/^\d+\. /.test(line) || !/配合。$/.test(line)) return line;
        const inGroup1 = groupOf(lines, i) === 1;
        const who = inGroup1 && line.startsWith("5. ") ? `${named.join("、")}政府负责落实` : "各县区政府负责落实";
        return line.replace(/。$/, `，${who}。`);
      })
      .join("\n");
  } else t = t.replace(CONVENTION, `${governments}负责落实（以下均需${governments}落实，不再列出）`);
  if (v.reform) for (const [from, to] of REFORM) t = t.replaceAll(from, to);
  if (v.water) t = t.replace("2020年底前，实现县级地表水", `${v.water}，实现县级地表水`);
  if (v.soil) t = t.replace("2020年底前，全市土壤", `${v.soil}，全市土壤`);
  if (v.training) t = t.replace("开展或参加1次", `开展或参加${v.training}`);
  if (v.quarterly) t = t.replace("定期向", "每季度向");
  if (v.unknown)
    t = t.replace("交通运输局、城乡规划局、城管委等配合", `交通运输局、城乡规划局、城管委、${v.unknown}等配合`);
  if (v.reorder) t = reorder(t, { 2: [3, 1, 2], 5: [2, 1, 4, 3] });
  return t;
}

/** Puts the tasks of the named groups in the given order (old numbers) and numbers them 1, 2, … again. */
export function reorder(text: string, orders: Record<number, number[]>): string {
  const lines = text.split("\n");
  const byGroup = new Map<number, number[]>();
  lines.forEach((l, i) => {
    const group = groupOf(lines, i);
    if (/^\d+\. /.test(l) && orders[group]) byGroup.set(group, [...(byGroup.get(group) ?? []), i]);
  });
  const out = [...lines];
  for (const [g, at] of byGroup) {
    orders[g].forEach((old, k) => {
      out[at[k]] = lines[at[old - 1]].replace(/^\d+\. /, `${k + 1}. `);
    });
  }
  return out.join("\n");
}

/** The number of the task group line i lies in (（一） = 1), counting only under the 主要任务 heading. */
function groupOf(lines: string[], i: number): number {
  const start = lines.findIndex((l) => /^[一二三四五六七八九十]、.*任务$/u.test(l));
  return lines.slice(start, i + 1).filter((l) => /^（[一二三四五六七八九十]）[^。]*$/u.test(l)).length;
}

/** OCR-style damage the importer restores: half-width commas and stops, list markers, the number's brackets. */
export function mangle(text: string): string {
  let n = 0;
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/^（([一二三四五六七八九十])）/u, "($1)")
        .replace(/^([一二三四五六七八九十])、/u, "$1。")
        .replace(/^(\d+)\. /u, "$1,")
        .replace(/〔(\d{4})〕/u, ",$1.")
        .replace(/(?<=\p{Script=Han})，(?=\p{Script=Han})/gu, (c) => (n++ % 3 === 0 ? "," : c))
        .replace(/(?<=\p{Script=Han})。(?=\p{Script=Han})/gu, (c) => (n++ % 2 === 0 ? "." : c)),
    )
    .join("\n");
}

const PROVINCE_NAMES: [RegExp, string][] = [
  [/(市|(?<=、))环保局/gu, "$1环保厅"],
  [/财政局/gu, "财政厅"],
  [/水务局/gu, "水利厅"],
  [/国土资源局/gu, "国土资源厅"],
  [/交通运输局/gu, "交通运输厅"],
  [/城乡规划局/gu, "住建厅"],
  [/城管委/gu, "城管局"],
  [/林业局/gu, "林业厅"],
  [/公安局/gu, "公安厅"],
  [/教育局/gu, "教育厅"],
  [/科技局/gu, "科技厅"],
  [/人社局/gu, "人社厅"],
  [/监察局/gu, "监察厅"],
  [/工信委/gu, "经信委"],
  [/政府法制办公室/gu, "政府法制办"],
];

/** Jiangsu's plan, built the same way: the province's departments (…厅), its cities as implementers. */
export function province(daqing: string): string {
  let t = daqing
    .replace("大庆市人民政府办公室关于印发大庆市", "江苏省人民政府办公厅关于印发江苏省")
    .replace("庆政办规〔2018〕1号", "苏政办发〔2017〕30号")
    .replace(
      "各县、区人民政府，各中、省直单位，市政府各直属单位：",
      "各市、县（市、区）人民政府，省各委办厅局，省各直属单位：",
    )
    .replace("经市政府同意", "经省人民政府同意")
    .replace("大庆市人民政府办公室\n2018年2月5日", "江苏省人民政府办公厅\n2017年3月10日")
    .replace(`和《${HEILONGJIANG}`, "")
    .replaceAll("大庆市", "江苏省")
    .replaceAll("我市", "我省")
    .replaceAll("全市", "全省")
    .replace(CONVENTION, "各设区市人民政府负责落实（以下均需各设区市人民政府落实，不再列出）")
    .replace("推进四个县空气质量自动监测站建设", "推进各设区市空气质量自动监测站建设")
    .replace("市环境监测中心站对县区环境监测站", "省环境监测中心站对设区市环境监测站");
  for (const [re, to] of PROVINCE_NAMES) t = t.replace(re, to);
  // Departments and bodies of the province: 市X → 省X where X is one (not 市场, 市域, 设区市).
  return t.replace(/(?<![设区])市(?=[^场域县、，。（）]{2,14}?(厅|局|委|办|小组|中心站))/gu, "省");
}
