// The department dictionary the importer ships: the names 工作方案 use for the same department across cities and
// provinces (the name without its level prefix: 市环保局 → 环保局, 省环保厅 → 环保厅), the department's code in a
// deployment, its English name and, for the few that are not ordinary departments, its kind. The codes are shared by
// every plan so that the province's 环保厅 and each city's 环保局 line up (`epb`). A name that is not here gets a
// code made from its pinyin and a review mark (plans/import/departments.ts).
export interface DepartmentEntry {
  code: string;
  /** Names without the level prefix, the usual one first. */
  names: string[];
  en: string;
  kind?: "STEERING_GROUP" | "MONITORING_CENTRE";
}

export const DEPARTMENTS: DepartmentEntry[] = [
  {
    code: "steering-group",
    names: ["生态文明体制改革专项小组", "生态文明建设领导小组", "生态环境保护委员会", "环境保护委员会"],
    en: "Ecological Civilisation Reform Steering Group",
    kind: "STEERING_GROUP",
  },
  {
    code: "monitoring-centre",
    names: ["环境监测中心站", "生态环境监测中心", "环境监测中心"],
    en: "Environmental Monitoring Centre",
    kind: "MONITORING_CENTRE",
  },
  {
    code: "epb",
    names: ["环保局", "环境保护局", "环保厅", "环境保护厅", "生态环境局", "生态环境厅"],
    en: "Environmental Protection Bureau",
  },
  { code: "meteorology", names: ["气象局"], en: "Meteorological Bureau" },
  { code: "finance", names: ["财政局", "财政厅"], en: "Finance Bureau" },
  { code: "water", names: ["水务局", "水利局", "水利厅"], en: "Water Affairs Bureau" },
  {
    code: "land",
    names: ["国土资源局", "国土局", "国土资源厅", "自然资源局", "自然资源厅"],
    en: "Land and Resources Bureau",
  },
  {
    code: "urban-management",
    names: ["城管委", "城管局", "城市管理局", "城市管理综合执法局"],
    en: "Urban Management Committee",
  },
  { code: "transport", names: ["交通运输局", "交通局", "交通运输厅"], en: "Transport Bureau" },
  {
    code: "health",
    names: ["卫生计生委", "卫计委", "卫生健康委", "卫健委", "卫生局", "卫生厅"],
    en: "Health and Family Planning Commission",
  },
  {
    code: "agriculture",
    names: ["农委", "农业局", "农业委员会", "农业农村局", "农业厅", "农业农村厅"],
    en: "Agriculture Committee",
  },
  {
    code: "planning",
    names: ["城乡规划局", "规划局", "住建局", "住房城乡建设局", "住房和城乡建设局", "住建厅"],
    en: "Urban and Rural Planning Bureau",
  },
  { code: "forestry", names: ["林业局", "林业厅", "林草局"], en: "Forestry Bureau" },
  {
    code: "development-reform",
    names: ["发改委", "发展改革委", "发展和改革委员会"],
    en: "Development and Reform Commission",
  },
  {
    code: "market-regulation",
    names: ["市场监管局", "市场监督管理局", "质监局", "质量技术监督局", "工商局"],
    en: "Market Supervision Administration",
  },
  {
    code: "industry-it",
    names: ["工信委", "工信局", "工业和信息化局", "工业和信息化委员会", "工信厅"],
    en: "Industry and Information Technology Commission",
  },
  { code: "statistics", names: ["统计局"], en: "Statistics Bureau" },
  { code: "public-security", names: ["公安局", "公安厅"], en: "Public Security Bureau" },
  {
    code: "work-safety",
    names: ["安监局", "安全生产监督管理局", "应急管理局", "应急局", "安监厅"],
    en: "Work Safety Supervision Bureau",
  },
  { code: "supervision", names: ["监察局", "监察厅"], en: "Supervision Bureau" },
  { code: "establishment", names: ["编办", "编委办"], en: "Public Sector Reform Commission Office" },
  {
    code: "legal-affairs",
    names: ["政府法制办公室", "政府法制办", "法制办", "司法局"],
    en: "Legal Affairs Office of the Municipal Government",
  },
  { code: "science-tech", names: ["科技局", "科技厅"], en: "Science and Technology Bureau" },
  { code: "education", names: ["教育局", "教育厅"], en: "Education Bureau" },
  {
    code: "hr-social-security",
    names: ["人社局", "人力资源和社会保障局", "人社厅"],
    en: "Human Resources and Social Security Bureau",
  },
  { code: "housing", names: ["房产局", "住房保障局"], en: "Housing Bureau" },
  { code: "commerce", names: ["商务局", "商务厅"], en: "Commerce Bureau" },
  { code: "tourism", names: ["旅游局", "文旅局", "文化和旅游局"], en: "Tourism Bureau" },
  { code: "civil-affairs", names: ["民政局", "民政厅"], en: "Civil Affairs Bureau" },
  { code: "audit", names: ["审计局", "审计厅"], en: "Audit Bureau" },
  { code: "information-office", names: ["政府信息办", "大数据局", "政务服务局"], en: "Government Information Office" },
];

const byName = new Map(DEPARTMENTS.flatMap((d) => d.names.map((n) => [n, d] as const)));

/** The level prefixes a plan puts before a department's name: 市环保局, 省环保厅, 县环保局. */
export const LEVEL_PREFIX = /^(市|省|县|区|地区)/;

/**
 * The entry for a name as a plan writes it, with or without its level prefix ("市市场监管局", "市场监管局",
 * "环保局"); the name is tried as written first, so 市场监管局 is not read as 市 + 场监管局.
 */
export function findDepartment(written: string): { entry: DepartmentEntry; core: string } | undefined {
  const exact = byName.get(written);
  if (exact) return { entry: exact, core: written };
  const core = written.replace(LEVEL_PREFIX, "");
  const entry = byName.get(core);
  return entry ? { entry, core } : undefined;
}

/** Every name the dictionary knows, longest first (so 环境保护局 is found before 环保局 would be). */
export const KNOWN_NAMES = [...byName.keys()].sort((a, b) => b.length - a.length);
