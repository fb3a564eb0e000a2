// The plan itself: 庆政办规〔2018〕1号. Every string here is the document's own wording (see document.zh.txt).

export const plan = {
  documentNumber: "庆政办规〔2018〕1号",
  title: "大庆市生态环境监测网络建设工作方案",
  titleEn: "Daqing Eco-environmental Monitoring Network Construction Work Plan",
  issuer: "大庆市人民政府办公室",
  issuedOn: "2018-02-05",
  horizonYear: 2020,
  implementsNational: "《国务院办公厅关于印发生态环境监测网络建设方案的通知》（国办发〔2015〕56号）",
  implementsProvincial: "《黑龙江省人民政府办公厅关于印发黑龙江省生态环境监测网络建设工作方案的通知》（黑政办发〔2017〕24号）",
  purpose:
    "为贯彻落实《国务院办公厅关于印发生态环境监测网络建设方案的通知》（国办发〔2015〕56号）和《黑龙江省人民政府办公厅关于印发黑龙江省生态环境监测网络建设工作方案的通知》（黑政办发〔2017〕24号）精神，加快推进我市生态环境监测网络建设，为生态文明建设提供有力支撑，制定本工作方案。",
  guidingIdeology:
    "全面贯彻落实党中央、国务院和省委、省政府关于加快推进生态文明建设的总体部署，以改善我市生态环境质量为核心，围绕“全面设点、全市联网、自动预警、依法追责”的总体要求，逐步形成“政府主导、部门协同、社会参与、公众监督”的生态环境监测网络格局，为改善生态环境质量提供科学支撑，为加快推进生态文明建设提供有力保障。",
  implementersClause: "以下均需各县区政府、高新区及经开区管委会落实，不再列出",
};

export type ClauseKind = "PRINCIPLE" | "GOAL" | "REQUIREMENT";

/** 二、基本原则, 三、工作目标 and 五、工作要求, in the document's order. */
export const planClauses: { kind: ClauseKind; ordinal: number; title: string; titleEn: string; text: string }[] = [
  {
    kind: "PRINCIPLE",
    ordinal: 1,
    title: "明晰事权，落实责任",
    titleEn: "Clear responsibilities, accountable implementation",
    text: "依法明确各级生态环境监测事权，建立完善条块结合、部门协同的分工合作机制。",
  },
  {
    kind: "PRINCIPLE",
    ordinal: 2,
    title: "健全制度，统筹规划",
    titleEn: "Sound rules, coordinated planning",
    text: "健全生态环境监测制度、标准和技术规范体系，强化质量控制体系建设，加强统筹管理，优化网络布局，逐步形成定位清晰、要素齐全、点位合理的生态环境监测网络。",
  },
  {
    kind: "PRINCIPLE",
    ordinal: 3,
    title: "科学监测，创新驱动",
    titleEn: "Scientific monitoring, driven by innovation",
    text: "依靠科技创新与技术进步，加强监测科研和综合分析，推动卫星遥感、在线监测等高新技术、先进装备与系统的应用，提高生态环境监测立体化、自动化、智能化水平。",
  },
  {
    kind: "PRINCIPLE",
    ordinal: 4,
    title: "信息共享，测管协同",
    titleEn: "Shared information, monitoring linked with regulation",
    text: "推进全市生态环境监测数据联网和共享，提升生态环境监测信息化水平，建立环境监测、监察和监管的快速响应联动机制，提高监测和监管执法的效率。",
  },
  {
    kind: "GOAL",
    ordinal: 1,
    title: "工作目标",
    titleEn: "Goals for 2020",
    text: "到2020年，全市基本实现环境质量、重点污染源以及生态状况监测全覆盖，推进生态环境监测大数据平台建设，监测数据实现共享，信息统一规范发布，监测预报预警能力、自动化、信息化能力和保障水平明显提升，监测与监管协同联动、部门会商等工作机制进一步完善，基本形成“天地一体、上下协同、信息共享”的生态环境监测网络格局。",
  },
  {
    kind: "REQUIREMENT",
    ordinal: 1,
    title: "加强组织领导",
    titleEn: "Strengthen organisation and leadership",
    text: "市生态文明体制改革专项小组要充分发挥组织领导和统筹协调作用，将生态环境监测网络建设工作列入重要议事日程。各有关部门要依据各自职责做好生态环境监测网络建设的相关工作。",
  },
  {
    kind: "REQUIREMENT",
    ordinal: 2,
    title: "制定推进计划",
    titleEn: "Make work plans",
    text: "各有关部门要依据方案中承担的任务，组织开展本系统监测网络现状调查，制定年度工作计划，分解目标任务，明确责任部门和完成时限，定期向市生态文明体制改革专项小组报送推进落实情况。",
  },
  {
    kind: "REQUIREMENT",
    ordinal: 3,
    title: "强化督导检查",
    titleEn: "Strengthen supervisory inspection",
    text: "市生态文明体制改革专项小组根据工作进展情况，适时组织开展专项督导检查，确保生态环境监测网络建设工作各项目标任务顺利完成。",
  },
];
