// The importer's rules on sentences written for these tests in the grammar the national, provincial and city plans
// share, none of them Daqing's: responsibility clauses, dated and recurring targets, restored punctuation.
import { describe, expect, it } from "vitest";
import { proposeTargets } from "../../plans/import/targets";
import { splitResponsibility } from "../../plans/import/responsibility";
import { readParagraphs } from "../../plans/import/text";

describe("a responsibility clause", () => {
  it("splits the lead, gives each lead its part, keeps supports and 参与 in order", () => {
    const r = splitResponsibility(
      "开展入河排污口监测。省生态环境厅牵头负责入河排污口监测，省水利厅负责水功能区监测，省财政厅、自然资源厅参与，省农业农村厅等配合。",
    );
    expect(r.duty).toBe("开展入河排污口监测。");
    expect(r.leads).toEqual([
      { name: "省生态环境厅", scope: "入河排污口监测" },
      { name: "省水利厅", scope: "水功能区监测" },
    ]);
    expect(r.supports).toEqual(["省财政厅", "自然资源厅", "省农业农村厅"]);
    expect(r.unread).toEqual([]);
  });

  it("reads joint leads, explicit implementers and the convention with nested brackets", () => {
    const r = splitResponsibility(
      "加强监测。市场监管局、市环保局牵头，市公安局等配合，各市（地）政府负责落实（以下均需各市（地）政府落实，不再列出）。",
    );
    expect(r.leads.map((l) => l.name)).toEqual(["市场监管局", "市环保局"]);
    expect(r.implementers).toBe("各市政府");
    expect(r.convention).toBe("以下均需各市（地）政府落实，不再列出");
  });

  it("takes the last sentence naming who leads, not an earlier 配合 inside the duty", () => {
    const r = splitResponsibility("市环保局配合市市场监管局开展检查。市市场监管局牵头，市公安局等配合。");
    expect(r.duty).toBe("市环保局配合市市场监管局开展检查。");
    expect(r.leads).toEqual([{ name: "市市场监管局" }]);
  });
});

describe("targets the grammar marks", () => {
  const ctx = {
    horizonYear: 2020,
    subjectOf: (s: string) => (s.startsWith("市督查室") ? "inspection-office" : undefined),
  };
  const propose = (text: string, task: string | null = "2.1", lead: string | null = "epb") =>
    proposeTargets([{ task, text, lead }], ctx).map((p) => p.target);

  it("dates a clause to the end of its month or year, and tells coverage from a milestone", () => {
    const [water, platform] = propose(
      "2019年6月底前，各区县饮用水水源地实现自动监测全覆盖。到2021年，完成全省生态环境监测数据平台建设，逐步提高数据质量。",
    );
    expect(water).toMatchObject({
      clause: "2019年6月底前，各区县饮用水水源地实现自动监测全覆盖",
      due: "2019-06-30",
      measure: "COVERAGE",
      elements: ["DRINKING_WATER_SOURCE"],
      areas: "COUNTY_LEVEL",
      automaticOnly: true,
      responsible: "epb",
    });
    expect(platform).toMatchObject({
      clause: "到2021年，完成全省生态环境监测数据平台建设",
      due: "2021-12-31",
      measure: "MILESTONE",
    });
  });

  it("reads recurring duties, their frequency, their evidence and who answers for them", () => {
    const targets = propose(
      "每季度至少开展3次噪声监测，确保数据可靠。各有关部门要于每年1月制定年度工作计划，定期报送工作进展。市督查室适时开展督查。",
    );
    expect(targets.map((t) => [t.clause, t.measure === "RECURRING" && t.recurrence, t.responsible])).toEqual([
      ["每季度至少开展3次噪声监测", "PERIODIC", "epb"],
      ["各有关部门要于每年1月制定年度工作计划", "YEARLY", null],
      ["定期报送工作进展", "PERIODIC", null],
      ["市督查室适时开展督查", "AS_NEEDED", "inspection-office"],
    ]);
    expect(targets[0]).toMatchObject({ minPerPeriod: 3 });
    expect(targets.map((t) => (t.measure === "RECURRING" ? (t.evidence ?? null) : "?"))).toEqual([
      null,
      "ANNUAL_WORK_PLANS",
      "REPORTING_CYCLES",
      "INSPECTIONS",
    ]);
  });

  it("proposes station building by the horizon year, and nothing for undated duties", () => {
    const targets = propose("推进五个县水质自动监测站建设，公布监测结果，及时发布预警信息。");
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ due: "2020-12-31", areas: "COUNTIES", elements: ["SURFACE_WATER"] });
  });
});

describe("OCR-style punctuation", () => {
  it("is restored where the grammar leaves no doubt", () => {
    const { paragraphs, restored } = readParagraphs(
      "黑政办发,2017.24号\n一。指导思想\n(二)健全制度,统筹规划.健全监测制度\n3,土壤环境质量监测.建设网络,开展监测。",
    );
    expect(restored).toBe(true);
    expect(paragraphs).toEqual([
      "黑政办发〔2017〕24号",
      "一、指导思想",
      "（二）健全制度，统筹规划。健全监测制度",
      "3. 土壤环境质量监测。建设网络，开展监测。",
    ]);
  });
});
