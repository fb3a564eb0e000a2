// Words that name a monitored element in a target's clause, for the importer's guess of a coverage target's
// elements (in the order the clause names them). 环境质量 on its own (not 土壤环境质量, 环境空气质量 …) is read as the
// four media the product measures coverage of: air, surface water, soil and noise.
import type { ELEMENTS } from "../format/schema";

type Element = (typeof ELEMENTS)[number];

export const ELEMENT_WORDS: [RegExp, Element[]][] = [
  [/(?<!土壤|空气|大气|水|声|辐射|生态)环境质量/u, ["AIR", "SURFACE_WATER", "SOIL", "NOISE"]],
  [/空气|大气/u, ["AIR"]],
  [/饮用水/u, ["DRINKING_WATER_SOURCE"]],
  [/地下水/u, ["GROUNDWATER"]],
  [/地表水|水质|水环境/u, ["SURFACE_WATER"]],
  [/土壤/u, ["SOIL"]],
  [/噪声|声环境/u, ["NOISE"]],
  [/辐射/u, ["RADIATION"]],
  [/生态状况|生态监测|生态环境状况/u, ["ECOLOGY"]],
  [/污染源/u, ["POLLUTION_SOURCE"]],
];

/** Which areas a coverage clause asks for: the counties only, every county-level area, or the city as a whole. */
export const AREA_SCOPE_WORDS: [RegExp, "COUNTIES" | "COUNTY_LEVEL"][] = [
  [/[一二三四五六七八九十两\d]+个县|各县(?![区（(级])|县城/u, "COUNTIES"],
  [/县级|县区|县（[市区]|各区|全市|全省|各市|设区市/u, "COUNTY_LEVEL"],
];
