// `npx tsx scripts/plan-variants.ts`: writes the constructed plan texts in test/plan-import/fixtures/jiangsu/ and the
// plan files the importer proposes from them. They are fixtures for the importer's tests and for the work on many
// plans in one deployment: Jiangsu's thirteen cities, each with a 工作方案 built from Daqing's text the way the cities'
// real plans differ from one another (other names for the same departments, tasks reordered and renumbered, other
// dates and counts, counties named as implementers, a department the dictionary lacks, OCR-mangled punctuation), and
// a province plan they implement, naming its cities as implementers. Deterministic: rerunning changes nothing.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parsePlanFile } from "../plans/format/read";
import { planFileText } from "../plans/format/write";
import { importPlan } from "../plans/import";
import { countyLevelAreas, divisionOf } from "../plans/reference/divisions";
import { mangle, province, type CityVariant, cityText } from "../test/plan-import/support/construct";

export const FIXTURES = path.join(import.meta.dirname, "../test/plan-import/fixtures/jiangsu");

export const CITIES: CityVariant[] = [
  { file: "nanjing", city: "南京市", abbr: "宁", number: 3, date: "2018年3月12日", zones: ["高新区", "经开区"] },
  { file: "wuxi", city: "无锡市", abbr: "锡", number: 7, date: "2018年4月2日", zones: ["高新区"], reform: true },
  { file: "xuzhou", city: "徐州市", abbr: "徐", number: 11, date: "2018年4月20日", zones: ["经开区"], reorder: true },
  { file: "changzhou", city: "常州市", abbr: "常", number: 2, date: "2018年5月8日", zones: [], ocr: true },
  { file: "suzhou", city: "苏州市", abbr: "苏府", number: 16, date: "2018年5月30日", zones: [], explicit: true },
  {
    file: "nantong",
    city: "南通市",
    abbr: "通",
    number: 5,
    date: "2018年6月15日",
    zones: ["经开区"],
    water: "2019年底前",
  },
  {
    file: "lianyungang",
    city: "连云港市",
    abbr: "连",
    number: 9,
    date: "2018年7月3日",
    zones: ["经开区"],
    unknown: "文广旅局",
  },
  {
    file: "huaian",
    city: "淮安市",
    abbr: "淮",
    number: 4,
    date: "2018年7月26日",
    zones: ["经开区"],
    training: "2次",
    reform: true,
  },
  {
    file: "yancheng",
    city: "盐城市",
    abbr: "盐",
    number: 6,
    date: "2018年8月10日",
    zones: ["经开区"],
    reorder: true,
    ocr: true,
  },
  {
    file: "yangzhou",
    city: "扬州市",
    abbr: "扬",
    number: 8,
    date: "2018年9月4日",
    zones: ["经开区"],
    soil: "2020年6月底前",
  },
  {
    file: "zhenjiang",
    city: "镇江市",
    abbr: "镇",
    number: 1,
    date: "2018年9月25日",
    zones: [],
    explicit: true,
    reform: true,
  },
  { file: "taizhou", city: "泰州市", abbr: "泰", number: 12, date: "2018年10月16日", zones: [], quarterly: true },
  {
    file: "suqian",
    city: "宿迁市",
    abbr: "宿",
    number: 10,
    date: "2018年11月6日",
    zones: ["经开区"],
    unknown: "城投集团",
  },
];

const header = (source: string) => [
  `Constructed fixture: proposed by the importer from ${source} (scripts/plan-variants.ts); not a real plan.`,
];

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(FIXTURES, { recursive: true });
  const daqing = readFileSync(path.join(import.meta.dirname, "../seed/plan/document.zh.txt"), "utf8");
  const write = (name: string, text: string) => {
    writeFileSync(path.join(FIXTURES, `${name}.txt`), text);
    return text;
  };
  const provinceText = write("jiangsu-2017", province(daqing));
  const higher = parsePlanFile(planFileText(importPlan(provinceText)));
  writeFileSync(
    path.join(FIXTURES, "jiangsu-2017.yaml"),
    planFileText(importPlan(provinceText), header("jiangsu-2017.txt")),
  );
  for (const v of CITIES) {
    const areas = countyLevelAreas(divisionOf(v.city)!.code);
    let text = cityText(daqing, v, areas);
    if (v.ocr) text = mangle(text);
    write(`${v.file}-2018`, text);
    const plan = importPlan(text, { higher });
    writeFileSync(path.join(FIXTURES, `${v.file}-2018.yaml`), planFileText(plan, header(`${v.file}-2018.txt`)));
  }
  console.log(`wrote ${CITIES.length + 1} texts and plan files to ${FIXTURES}`);
}
