// Who implements: the areas of a proposed plan and each task's implementers. A city plan's convention
// （以下均需各县区政府、高新区及经开区管委会落实，不再列出）makes every task's implementers `all` and names the kinds of
// area (the districts and counties, and the zones it names); a task may instead name its own (肇州县、肇源县政府负责落实).
// A province plan's implementers are its cities (各市（地）政府).
import { countyLevelAreas, provinceCities, zoneArea, type AreaRow } from "../reference/divisions";
import type { Why } from "./targets";

const ZONE_WORD = /(高新区|经开区|高新技术产业开发区|经济技术开发区)/u;
const GOVERNMENT = /(人民政府|政府|管委会|行署)$/u;

/** The areas a plan's implementers' words name, in the division's order, zones last. */
export function planAreas(
  level: "CITY" | "PROVINCE",
  division: string,
  words: string[],
  why: (w: Why) => void,
): AreaRow[] {
  if (level === "PROVINCE") return provinceCities(division);
  const out = countyLevelAreas(division);
  for (const written of words.flatMap(names)) {
    const zone = ZONE_WORD.exec(written)?.[1];
    const area = zone ? zoneArea(division, zone) : undefined;
    if (area && !out.some((a) => a.code === area.code)) {
      out.push(area);
      if (area.code.includes("-"))
        why([`${zone}无 GB/T 2260 代码，暂用 ${area.code}`, `${zone} has no GB/T 2260 code: ${area.code} used`]);
    }
  }
  return out;
}

/** 各县区政府、高新区及经开区管委会 → [各县区, 高新区, 经开区]. */
function names(words: string): string[] {
  return words
    .split(/、|及|和/u)
    .map((w) => w.replace(GOVERNMENT, ""))
    .filter((w) => w.length > 0);
}

/** A task's implementers: `all` under the convention or for 各…; the areas it names; otherwise all, to check. */
export function taskImplementers(
  explicit: string | undefined,
  convention: boolean,
  areas: AreaRow[],
  why: (w: Why) => void,
): "all" | string[] {
  if (explicit && !/^各/u.test(explicit)) {
    const codes = names(explicit).map((n) => areas.find((a) => a.name === n || a.name.startsWith(n))?.code);
    if (codes.every((c) => c !== undefined)) return codes;
    why([`落实单位“${explicit}”有未识别的区域，按全部区域`, "implementers not all recognised: all areas assumed"]);
    return "all";
  }
  if (explicit || convention) return "all";
  why(["方案未写明落实单位，按全部区域", "the text names no implementers: all areas assumed"]);
  return "all";
}
