// Every body the plan names as lead (牵头) or supporting (配合) department, plus the steering group and the city
// monitoring centre. `name` is the plan's full form; `shortName` the form it uses after the first “市” of a list.
import type { DepartmentSeed } from "./types";

const municipal = (code: string, name: string, nameEn: string, shortName = name.replace(/^市/, "")): DepartmentSeed => ({
  code,
  name,
  shortName,
  nameEn,
  kind: "MUNICIPAL_DEPARTMENT",
});

export const departments: DepartmentSeed[] = [
  {
    code: "steering-group",
    name: "市生态文明体制改革专项小组",
    shortName: "生态文明体制改革专项小组",
    nameEn: "Municipal Ecological Civilisation Reform Steering Group",
    kind: "STEERING_GROUP",
  },
  {
    code: "monitoring-centre",
    name: "市环境监测中心站",
    shortName: "环境监测中心站",
    nameEn: "Municipal Environmental Monitoring Centre",
    kind: "MONITORING_CENTRE",
  },
  municipal("epb", "市环保局", "Environmental Protection Bureau"),
  municipal("meteorology", "市气象局", "Meteorological Bureau"),
  municipal("finance", "市财政局", "Finance Bureau"),
  municipal("water", "市水务局", "Water Affairs Bureau"),
  municipal("land", "市国土资源局", "Land and Resources Bureau"),
  municipal("urban-management", "市城管委", "Urban Management Committee"),
  municipal("transport", "市交通运输局", "Transport Bureau"),
  municipal("health", "市卫生计生委", "Health and Family Planning Commission"),
  municipal("agriculture", "市农委", "Agriculture Committee"),
  municipal("planning", "市城乡规划局", "Urban and Rural Planning Bureau"),
  municipal("forestry", "市林业局", "Forestry Bureau"),
  municipal("development-reform", "市发改委", "Development and Reform Commission"),
  // “市场监管局” begins with 市 itself: the full name carries a second 市.
  municipal("market-regulation", "市市场监管局", "Market Supervision Administration", "市场监管局"),
  municipal("industry-it", "市工信委", "Industry and Information Technology Commission"),
  municipal("statistics", "市统计局", "Statistics Bureau"),
  municipal("public-security", "市公安局", "Public Security Bureau"),
  municipal("work-safety", "市安监局", "Work Safety Supervision Bureau"),
  municipal("supervision", "市监察局", "Supervision Bureau"),
  municipal("establishment", "市编办", "Public Sector Reform Commission Office"),
  municipal("legal-affairs", "市政府法制办公室", "Legal Affairs Office of the Municipal Government"),
  municipal("science-tech", "市科技局", "Science and Technology Bureau"),
  municipal("education", "市教育局", "Education Bureau"),
  municipal("hr-social-security", "市人社局", "Human Resources and Social Security Bureau"),
];
