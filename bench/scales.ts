// The three registry sizes the benchmark runs at. Daqing's own eleven areas (from the plan seed) are part of every
// scale; the other cities and areas are synthetic, with GB/T 2260-shaped codes.

export type ScaleName = "city" | "province" | "nation";

export interface Scale {
  name: ScaleName;
  label: string;
  /** Synthetic cities besides Daqing, and how many county-level areas each has (on average). */
  otherCities: string[];
  areasPerOtherCity: number;
  stations: number;
  alerts: number;
}

const HEILONGJIANG = ["2301", "2302", "2303", "2304", "2305", "2307", "2308", "2309", "2310", "2311", "2312", "2327"];

/** 31 provincial prefixes; about 333 prefecture-level cities in all, like the real division. */
const PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65,
];

function nationCities(): string[] {
  const out: string[] = [];
  // Round-robin over the provinces until there are 332 cities besides Daqing (10 or 11 each).
  for (let c = 1; out.length < 332; c++) {
    for (const p of PROVINCES) {
      const code = `${p}${String(c).padStart(2, "0")}`;
      if (code !== "2306" && out.length < 332) out.push(code);
    }
  }
  return out.sort();
}

export const SCALES: Record<ScaleName, Scale> = {
  city: {
    name: "city",
    label: "this city (11 areas)",
    otherCities: [],
    areasPerOtherCity: 0,
    stations: 150,
    alerts: 5_000,
  },
  province: {
    name: "province",
    label: "a province (13 cities)",
    otherCities: HEILONGJIANG,
    areasPerOtherCity: 10,
    stations: 5_000,
    alerts: 100_000,
  },
  nation: {
    name: "nation",
    label: "the nation (~2,800 areas)",
    otherCities: nationCities(),
    // 11 + 332 × 8.4 ≈ 2,800 county-level areas
    areasPerOtherCity: 8.4,
    stations: 100_000,
    alerts: 2_000_000,
  },
};

export const SCALE_NAMES = Object.keys(SCALES) as ScaleName[];
