// The deterministic demo data set: stations, alerts and duty records, marked demo=true. Optional (`--no-demo`).
// Gaps are deliberate, so the dashboard has something to show: 林甸县 has its automatic air station only planned,
// 杜尔伯特 has no soil point, 大同区 no noise station.
import type { Db } from "../app/utils/db.server";
import { ELEMENT_KEYS, type Element } from "../app/models/vocabulary";

/** mulberry32: the same sequence on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPERATOR: Record<Element, string> = {
  AIR: "epb",
  SURFACE_WATER: "epb",
  DRINKING_WATER_SOURCE: "water",
  GROUNDWATER: "land",
  SOIL: "epb",
  NOISE: "epb",
  RADIATION: "epb",
  ECOLOGY: "forestry",
  POLLUTION_SOURCE: "monitoring-centre",
};

const GAPS: { area: string; element: Element; planned?: boolean }[] = [
  { area: "230623", element: "AIR", planned: true },
  { area: "230624", element: "SOIL" },
  { area: "230606", element: "NOISE" },
];

const CENTRE: Record<string, [number, number]> = {
  "230602": [46.6, 125.1],
  "230603": [46.53, 125.13],
  "230604": [46.65, 124.87],
  "230605": [46.4, 124.89],
  "230606": [46.03, 124.81],
  "230621": [45.7, 125.27],
  "230622": [45.52, 125.08],
  "230623": [47.17, 124.86],
  "230624": [46.86, 124.44],
  "230671": [46.57, 125.17],
  "230600-ETDZ": [46.58, 125.05],
};

export async function seedDemo(db: Db, log: (s: string) => void = () => {}): Promise<void> {
  if ((await db.station.count({ where: { demo: true } })) > 0) {
    log("demo data already present; skipped");
    return;
  }
  const rand = prng(20180205);
  const areas = await db.area.findMany({ where: { cityCode: "2306" }, orderBy: { ordinal: "asc" } });
  const depts = new Map((await db.department.findMany()).map((d) => [d.code, d.id]));
  const stations: { id: number; areaId: number; element: string }[] = [];
  await db.$transaction(async (tx) => {
    let n = 0;
    for (const area of areas) {
      const [lat, lon] = CENTRE[area.code] ?? [46.6, 125.0];
      for (const element of ELEMENT_KEYS) {
        if (element === "RADIATION" && area.code !== "230602") continue;
        const gap = GAPS.find((g) => g.area === area.code && g.element === element);
        const count = gap ? (gap.planned ? 1 : 0) : area.kind === "ZONE" ? 1 : 1 + Math.floor(rand() * 3);
        for (let i = 0; i < count; i++) {
          n++;
          const automatic = gap?.planned || element === "AIR" || element === "RADIATION" || (i === 0 && rand() < 0.5);
          const s = await tx.station.create({
            data: {
              code: `DQ-${area.code.slice(-4)}-${element.slice(0, 3)}-${i + 1}`,
              name: `${area.name}${labelZh(element)}监测点${i + 1}`,
              element,
              areaId: area.id,
              mode: automatic ? "AUTOMATIC" : "MANUAL",
              operatorDepartmentId: depts.get(OPERATOR[element]) ?? null,
              status: gap?.planned ? "PLANNED" : "ACTIVE",
              commissionedOn: gap?.planned
                ? null
                : new Date(Date.UTC(2015 + Math.floor(rand() * 6), Math.floor(rand() * 12), 1)),
              latitude: Math.round((lat + (rand() - 0.5) * 0.1) * 1e5) / 1e5,
              longitude: Math.round((lon + (rand() - 0.5) * 0.1) * 1e5) / 1e5,
              demo: true,
            },
          });
          if (s.status === "ACTIVE") stations.push({ id: s.id, areaId: s.areaId, element: s.element });
        }
      }
    }
    log(`demo stations: ${n}`);
    const kinds = ["EXCEEDANCE", "EXCEEDANCE", "DEVICE_OFFLINE", "DATA_ANOMALY", "SUSPECTED_FALSIFICATION"] as const;
    const base = Date.parse("2025-12-01T00:00:00+08:00");
    for (let i = 0; i < 240; i++) {
      const s = stations[Math.floor(rand() * stations.length)];
      const kind = kinds[Math.floor(rand() * kinds.length)];
      const limit = 75;
      await tx.alert.create({
        data: {
          stationId: s.id,
          areaId: s.areaId,
          element: s.element,
          kind,
          severity: rand() < 0.2 ? "HIGH" : rand() < 0.6 ? "MEDIUM" : "LOW",
          pollutant: kind === "EXCEEDANCE" ? (s.element === "AIR" ? "PM2.5" : "COD") : null,
          measuredValue: kind === "EXCEEDANCE" ? Math.round(limit * (1.05 + rand())) : null,
          limitValue: kind === "EXCEEDANCE" ? limit : null,
          occurredAt: new Date(base + Math.floor(rand() * 360) * 86400_000 + Math.floor(rand() * 86400_000)),
          status: rand() < 0.7 ? "CLOSED" : "OPEN",
          demo: true,
        },
      });
    }
    log("demo alerts: 240");
    const training = await tx.target.findUnique({ where: { code: "T1.3-SOIL-TRAINING-YEARLY" } });
    const epb = depts.get("epb");
    if (training && epb) {
      for (const year of [2018, 2019, 2020, 2025]) {
        await tx.dutyRecord.create({
          data: {
            targetId: training.id,
            departmentId: epb,
            occurredOn: new Date(`${year}-06-15T00:00:00+08:00`),
            summary: `${year}年土壤环境监测技术人员培训（演示数据）`,
          },
        });
      }
    }
  });
}

function labelZh(e: Element): string {
  return (
    {
      AIR: "空气",
      SURFACE_WATER: "地表水",
      DRINKING_WATER_SOURCE: "水源地",
      GROUNDWATER: "地下水",
      SOIL: "土壤",
      NOISE: "噪声",
      RADIATION: "辐射",
      ECOLOGY: "生态",
      POLLUTION_SOURCE: "污染源",
    } as const
  )[e];
}
