// The yearly scorecard as an official document (.docx opened as a zip, the PDF's text extracted with pdf.js), from
// the figures the scorecard page shows; and a draft's number line (not registered) marked as such in both writers.
// Pure builders: no server, no database.
import { describe, expect, it } from "vitest";
import { pdfFonts } from "../../app/documents/documents.server";
import { toDocx } from "../../app/documents/docx";
import { consolidatedReport } from "../../app/documents/consolidated-report";
import { toPdf } from "../../app/documents/pdf";
import { figuresSentence, scorecardReport, type ScorecardFacts } from "../../app/documents/scorecard-report";
import { cycle, HEAD } from "./fixtures";
import { flat, openDocx, pdfText } from "./read";

const facts: ScorecardFacts = {
  year: 2026,
  plan: { title: "大庆市生态环境监测网络建设工作方案" },
  rows: [
    {
      department: "市环保局",
      reportsDue: 8,
      reportsOnTime: 7,
      onTimeRate: 7 / 8,
      returns: 2,
      daysOverdue: 3,
      rectificationsDue: 2,
      rectificationsClosedInTime: 1,
    },
    {
      department: "市水务局",
      reportsDue: 0,
      reportsOnTime: 0,
      onTimeRate: null,
      returns: 0,
      daysOverdue: 0,
      rectificationsDue: 0,
      rectificationsClosedInTime: 0,
    },
  ],
};
const TITLE = "2026年度部门推进落实工作考评情况";
const EPB =
  "应报送推进落实情况报告8份，按时报送7份，按时报送率87.5%；报告被退回修改2次；逾期合计3个工作日；应整改问题2个，按期整改销号1个。";

describe("the scorecard as .docx", async () => {
  const docx = openDocx(await toDocx(scorecardReport(facts, null, HEAD)));

  it("has the letterhead, the registered number and the title, addressed to the departments", () => {
    expect(docx.texts.slice(0, 3)).toEqual([HEAD.issuer, HEAD.number, TITLE]);
    expect(docx.find(TITLE)).toMatchObject({ fonts: ["方正小标宋简体"], sizes: [22], align: "center" });
    docx.find("各有关部门：");
  });

  it("totals the year, then one 楷体 heading and one paragraph of figures per department, in the page's words", () => {
    for (const h of ["一、总体情况", "二、各部门考评情况", "三、计算口径"])
      expect(docx.find(h).fonts).toEqual(["黑体"]);
    expect(docx.find("（一）市环保局")).toMatchObject({ fonts: ["楷体_GB2312"], sizes: [16] });
    docx.find("（二）市水务局");
    docx.find("2026年度共应报送推进落实情况报告8份，按时报送7份，按时报送率87.5%；应整改问题2个，按期整改销号1个。");
    expect(docx.find(EPB)).toMatchObject({ fonts: ["仿宋_GB2312"], line: { line: 578, rule: "exact" } });
    docx.find("本年度无应报送的推进落实情况报告；报告未被退回修改；无逾期；无到期的整改问题。");
    expect(docx.texts.slice(-3)).toEqual([
      HEAD.issuer,
      "二〇二六年十二月一日",
      `${HEAD.issuer}办公室2026年12月1日印发`,
    ]);
  });

  it("narrows to one department with its name in the title", async () => {
    const one = openDocx(await toDocx(scorecardReport({ ...facts, rows: [facts.rows[0]] }, "市环保局", HEAD)));
    expect(one.texts[2]).toBe(`${TITLE}（市环保局）`);
    expect(one.texts.join("\n")).not.toContain("市水务局");
    expect(figuresSentence(facts.rows[0])).toBe(EPB);
  });
});

describe("the scorecard as PDF", async () => {
  const pdf = await pdfText(await toPdf(scorecardReport(facts, null, HEAD), pdfFonts()));
  it("is A4 and holds the same text", () => {
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([595, 842]);
    const text = flat(pdf.all);
    for (const expected of [HEAD.number, TITLE, "二、各部门考评情况", "（一）市环保局", EPB, "—1—"])
      expect(text).toContain(flat(expected));
  });
});

describe("a draft (not registered)", async () => {
  const head = { ...HEAD, draft: true };
  it("marks its derived number 草稿，未登记 in Word and PDF", async () => {
    const docx = openDocx(await toDocx(consolidatedReport(cycle, { kind: "plan" }, head)));
    expect(docx.texts[1]).toBe(`${HEAD.number}（草稿，未登记）`);
    const pdf = await pdfText(await toPdf(scorecardReport(facts, null, head), pdfFonts()));
    expect(flat(pdf.all)).toContain(flat(`${HEAD.number}（草稿，未登记）`));
  });
});
