// The official documents as files: the .docx opened as a zip and read paragraph by paragraph (text, fonts, sizes,
// line pitch, page size and margins, page-number footers), the PDF's text extracted with pdf.js, for the consolidated
// report (whole plan and one department) and an inspection's 通报. Pure builders: no server, no database.
import { describe, expect, it } from "vitest";
import { consolidatedReport } from "../../app/documents/consolidated-report";
import { inspectionNotice } from "../../app/documents/inspection-notice";
import { chineseDate, chineseNumber } from "../../app/documents/official-layout";
import { toDocx } from "../../app/documents/docx";
import { toPdf } from "../../app/documents/pdf";
import { documentResponse, pdfFonts } from "../../app/documents/documents.server";
import { cycle, DRAFT, HEAD, inspection } from "./fixtures";
import { flat, openDocx, pdfText } from "./read";

const TITLE = "2026年第三季度《大庆市生态环境监测网络建设工作方案》推进落实情况汇总";
const twipsOfMm = (mm: number) => Math.round((mm * 1440) / 25.4);

describe("Chinese numerals", () => {
  it.each([
    ["2026-12-01", "二〇二六年十二月一日"],
    ["2027-10-10", "二〇二七年十月十日"],
    ["2030-01-21", "二〇三〇年一月二十一日"],
    ["2026-11-30", "二〇二六年十一月三十日"],
  ])("writes %s as %s", (day, words) => expect(chineseDate(day)).toBe(words));

  it("counts to ninety-nine and refuses what it cannot write", () => {
    expect([1, 10, 11, 20, 99].map(chineseNumber)).toEqual(["一", "十", "十一", "二十", "九十九"]);
    expect(() => chineseNumber(100)).toThrow(RangeError);
    expect(() => chineseDate("2026-1-1")).toThrow(RangeError);
  });
});

describe("the consolidated report as .docx", async () => {
  const docx = openDocx(await toDocx(consolidatedReport(cycle, { kind: "plan" }, HEAD)));

  it("is A4 with the standard's margins (37/35/28/26 mm)", () => {
    expect(docx.page).toEqual({
      width: 11906,
      height: 16838,
      top: twipsOfMm(37),
      bottom: twipsOfMm(35),
      left: twipsOfMm(28),
      right: twipsOfMm(26),
    });
  });

  it("has the red letterhead, the document number and the title in 2号 小标宋, centred", () => {
    expect(docx.texts.slice(0, 3)).toEqual([HEAD.issuer, "庆生态改〔2026〕3号", TITLE]);
    expect(docx.find(HEAD.issuer).color).toBe("C00000");
    const title = docx.find(TITLE);
    expect(title).toMatchObject({ fonts: ["方正小标宋简体"], sizes: [22], align: "center" });
    expect(docx.find("市人民政府：").fonts).toEqual(["仿宋_GB2312"]);
  });

  it("sets the body in 仿宋_GB2312 3号 on a fixed 28.9 pt pitch, indented two characters", () => {
    const body = docx.find(/^按照《大庆市生态环境监测网络建设工作方案》（庆政办规〔2018〕1号）/);
    expect(body).toMatchObject({
      fonts: ["仿宋_GB2312"],
      sizes: [16],
      line: { line: 578, rule: "exact" },
      firstLineIndent: 320 * 2,
    });
  });

  it("numbers level-1 headings 一、 in 黑体 and level-2 （一） in 楷体, one per task", () => {
    for (const h of ["一、总体情况", "二、各项任务推进情况", "三、尚未报送的任务"])
      expect(docx.find(h).fonts).toEqual(["黑体"]);
    for (const h of ["（一）1.4 声环境质量监测", "（二）1.5 土壤环境质量监测", "（三）2.1 重点污染源监测"])
      expect(docx.find(h)).toMatchObject({ fonts: ["楷体_GB2312"], sizes: [16] });
  });

  it("says how each report stands, quotes what was submitted with its supporters' input, and no draft", () => {
    expect(docx.find(/^本期应报送/).text).toBe(
      "本期应报送推进落实情况报告3份，截止日期为2026年10月10日，已报送2份（其中逾期报送1份），审核通过1份，尚未报送1份，已逾期1份。",
    );
    docx.find("牵头部门：市环保局。任务状态：正常推进。报送情况：2026年10月8日报送，已审核通过（曾退回修改1次）。");
    docx.find("各县区点位数量和公布网址已在市政府网站公开。");
    docx.find("配合部门市财政局：已落实监测经费120万元。");
    docx.find("牵头部门：市国土资源局。任务状态：存在风险。报送情况：2026年10月12日报送，正在审核（逾期报送）。");
    docx.find("牵头部门：市水务局。任务状态：未填报。报送情况：逾期未报送。");
    docx.find("1. 2.1 重点污染源监测（市水务局）");
    expect(docx.texts.join("\n")).not.toContain(DRAFT);
  });

  it("signs and dates in Chinese numerals, with the 版记 and page numbers — n — on the outer side", () => {
    const texts = docx.texts;
    expect(texts.slice(-3)).toEqual([HEAD.issuer, "二〇二六年十二月一日", `${HEAD.issuer}办公室2026年12月1日印发`]);
    expect(docx.find("二〇二六年十二月一日").align).toBe("right");
    expect(docx.settings).toContain("<w:evenAndOddHeaders/>");
    expect(docx.footers).toHaveLength(2);
    for (const footer of docx.footers) {
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(footer).toContain("— </w:t>");
      expect(footer).toContain("> —</w:t>");
    }
    expect(docx.footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)?.[1]).sort()).toEqual(["left", "right"]);
  });
});

describe("narrowed to one department", async () => {
  const only = { ...cycle, reports: cycle.reports.filter((r) => r.department === "市环保局") };
  const docx = openDocx(await toDocx(consolidatedReport(only, { kind: "department", name: "市环保局" }, HEAD)));

  it("names the department in the title and holds only its reports", () => {
    expect(docx.texts[2]).toBe(`${TITLE}（市环保局）`);
    docx.find("（一）1.4 声环境质量监测");
    expect(docx.texts.join("\n")).not.toMatch(/土壤环境质量监测|重点污染源监测/);
    docx.find("本期各项任务均已报送。");
  });
});

describe("narrowed to one task", async () => {
  const only = { ...cycle, reports: cycle.reports.filter((r) => r.taskCode === "1.5") };
  const scope = { kind: "task", code: "1.5", title: "土壤环境质量监测" } as const;
  const docx = openDocx(await toDocx(consolidatedReport(only, scope, HEAD)));

  it("names the task in the title and counts only its reports", () => {
    expect(docx.texts[2]).toBe(`${TITLE}（任务1.5 土壤环境质量监测）`);
    expect(docx.find(/^本期应报送/).text).toMatch(/^本期应报送推进落实情况报告1份，/);
    expect(docx.texts.join("\n")).not.toMatch(/声环境质量监测|重点污染源监测/);
  });
});

describe("the PDF", async () => {
  const report = await pdfText(await toPdf(consolidatedReport(cycle, { kind: "plan" }, HEAD), pdfFonts()));
  const notice = await pdfText(await toPdf(inspectionNotice(inspection, HEAD), pdfFonts()));

  it("is A4 and its text can be extracted: letterhead, headings, every task, Chinese date, page numbers", () => {
    expect([Math.round(report.width), Math.round(report.height)]).toEqual([595, 842]);
    const text = flat(report.all);
    for (const expected of [
      HEAD.issuer,
      "庆生态改〔2026〕3号",
      TITLE,
      "一、总体情况",
      "（一）1.4声环境质量监测",
      "（二）1.5土壤环境质量监测",
      "（三）2.1重点污染源监测",
      "配合部门市财政局：已落实监测经费120万元。",
      "二〇二六年十二月一日",
    ])
      expect(text).toContain(flat(expected));
    expect(text).not.toContain(flat(DRAFT));
    expect(report.totalPages).toBeGreaterThan(1);
    report.pages.forEach((page, n) => expect(flat(page)).toContain(`—${n + 1}—`));
  });

  it("writes the 通报 with its findings, what to rectify, and where rectification stands", () => {
    const text = flat(notice.all);
    for (const expected of [
      "关于2026年11月20日对市环保局专项督导检查情况的通报",
      "市环保局，各有关单位：",
      "（一）问题1（严重）",
      "（二）问题2（一般）",
      "整改要求：请于2026年12月20日前完成整改。",
      "问题1：重新整改，经核查整改不到位，已1次退回重新整改（未建立巡检制度）。",
      "特此通报。",
    ])
      expect(text).toContain(flat(expected));
  });
});

describe("the inspection notice as .docx", async () => {
  const docx = openDocx(await toDocx(inspectionNotice(inspection, HEAD)));
  it("has its headings at both levels and counts the findings by severity", () => {
    expect(docx.texts[2]).toBe("关于2026年11月20日对市环保局专项督导检查情况的通报");
    for (const h of ["一、检查基本情况", "二、发现的主要问题", "三、整改落实情况", "四、工作要求"])
      expect(docx.find(h).fonts).toEqual(["黑体"]);
    expect(docx.find("（一）问题1（严重）").fonts).toEqual(["楷体_GB2312"]);
    docx.find(
      "本次检查内容为监测点位运维情况，涉及任务1.4、2.1。目前现场检查已结束，正在整改，共发现问题2个，其中一般问题1个、严重问题1个；需整改1个。",
    );
  });
});

describe("the download response", () => {
  it("names the file in Chinese (RFC 5987) with an ASCII fallback and the right type", () => {
    const res = documentResponse(
      Buffer.from("x"),
      "docx",
      "2026年第三季度推进落实情况汇总（市环保局）",
      'cycle "2026Q3"\r\n',
    );
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const disposition = res.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="cycle--2026Q3---\.docx"; filename\*=UTF-8''[^\s"]+$/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1];
    expect(encoded).not.toMatch(/[()]/);
    expect(decodeURIComponent(encoded)).toBe("2026年第三季度推进落实情况汇总（市环保局）.docx");
  });
});
