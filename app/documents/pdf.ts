// An official document as PDF (built with `pdfkit`), in the same GB/T 9704-2012 layout as the Word file, with the
// CJK fonts embedded (subset) so the text is real, searchable text. The government fonts (仿宋_GB2312, 小标宋, 黑体,
// 楷体) are not free to ship, so the PDF stands them in with Noto CJK: serif for the body, serif bold for the title
// and 楷体 headings, sans for 黑体 headings. Pure apart from reading the font files it is given.
import PDFDocument from "pdfkit";
import {
  arabicDate,
  chineseDate,
  LINE_PT,
  numberLine,
  mmToPt,
  PAGE,
  pageNumberText,
  RED,
  SIZE,
  type Block,
  type OfficialDocument,
} from "./official-layout";

/** A font file and, for a collection (.ttc), the face in it (its PostScript name, e.g. NotoSerifCJKsc-Regular). */
export interface FontFile {
  path: string;
  face?: string;
}
export interface PdfFonts {
  serif: FontFile;
  serifBold: FontFile;
  sans: FontFile;
}

type Role = "serif" | "serifBold" | "sans";
const ROLE: Record<Block["kind"], Role> = { p: "serif", h1: "sans", h2: "serifBold" };

export function toPdf(doc: OfficialDocument, fonts: PdfFonts): Promise<Buffer> {
  const m = PAGE.marginMm;
  const margins = { top: mmToPt(m.top), bottom: mmToPt(m.bottom), left: mmToPt(m.left), right: mmToPt(m.right) };
  const pdf = new PDFDocument({
    size: "A4",
    margins,
    bufferPages: true,
    lang: "zh-CN",
    displayTitle: true,
    info: { Title: doc.title, Author: doc.issuer, Subject: numberLine(doc) },
  });
  for (const role of Object.keys(fonts) as Role[]) pdf.registerFont(role, fonts[role].path, fonts[role].face);
  const width = pdf.page.width - margins.left - margins.right;

  /** Writes one paragraph on the fixed line pitch: the gap is what the font's own line height leaves of it. */
  const write = (text: string, role: Role, size: number, options: PDFKit.Mixins.TextOptions = {}, pitch = LINE_PT) => {
    pdf.font(role).fontSize(size);
    pdf.text(text, margins.left, undefined, {
      width,
      lineGap: Math.max(0, pitch - pdf.currentLineHeight()),
      ...options,
    });
  };
  const blank = () => pdf.moveDown(LINE_PT / pdf.currentLineHeight(true));

  // 版头: 发文机关标志 in red, 发文字号, the red rule.
  pdf.fillColor(`#${RED}`);
  write(doc.issuer, "serifBold", SIZE.issuer, { align: "center" }, SIZE.issuer * 1.5);
  pdf.fillColor("black");
  blank();
  write(numberLine(doc), "serif", SIZE.body, { align: "center" });
  const ruleY = pdf.y + 4;
  pdf
    .moveTo(margins.left, ruleY)
    .lineTo(margins.left + width, ruleY)
    .lineWidth(1.5)
    .strokeColor(`#${RED}`)
    .stroke();
  pdf.strokeColor("black");
  pdf.y = ruleY + 4;
  blank();

  // 主体
  write(doc.title, "serifBold", SIZE.title, { align: "center" }, SIZE.title * 1.6);
  blank();
  write(doc.recipient, "serif", SIZE.body);
  for (const b of doc.body) write(b.text, ROLE[b.kind], SIZE.body, { indent: 2 * SIZE.body });
  blank();
  const signatureWidth = width - 4 * SIZE.body;
  write(doc.signature, "serif", SIZE.body, { align: "right", width: signatureWidth });
  write(chineseDate(doc.date), "serif", SIZE.body, { align: "right", width: signatureWidth });
  blank();

  // 版记: 印发机关 and 印发日期 between two rules.
  const small = SIZE.pageNumber;
  const top = pdf.y;
  pdf
    .moveTo(margins.left, top)
    .lineTo(margins.left + width, top)
    .lineWidth(0.75)
    .stroke();
  pdf.font("serif").fontSize(small);
  const rowY = top + 6;
  pdf.text(doc.printedBy, margins.left + small, rowY, { lineBreak: false });
  pdf.text(`${arabicDate(doc.date)}印发`, margins.left, rowY, { width: width - small, align: "right" });
  const bottom = pdf.y + 4;
  pdf
    .moveTo(margins.left, bottom)
    .lineTo(margins.left + width, bottom)
    .lineWidth(0.75)
    .stroke();

  // Page numbers on the outer side, 7 mm below the type area. Writing below the bottom margin would start a new
  // page, so the margin is lifted while the number is written.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const page = pdf.page;
    page.margins = { ...page.margins, bottom: 0 };
    const n = i - range.start + 1;
    pdf.font("serif").fontSize(small);
    pdf.text(pageNumberText(n), margins.left + small, page.height - margins.bottom + mmToPt(PAGE.pageNumberBelowMm), {
      width: width - 2 * small,
      align: n % 2 === 1 ? "right" : "left",
      lineBreak: false,
    });
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pdf.end();
  });
}
