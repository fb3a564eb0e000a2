// An official document as a Word file (.docx, built with the `docx` package) in the GB/T 9704-2012 layout: A4 with
// the standard's margins, a red 版头 (发文机关标志, 发文字号, red rule), 标题 in 小标宋 2号, body in 仿宋_GB2312 3号 on a
// fixed line pitch, 黑体 and 楷体 headings, 署名 and 成文日期 in Chinese numerals, a 版记, and page numbers "— 1 —" on
// the outer side (odd pages right, even pages left). Pure: the document in, the file's bytes out.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from "docx";
import {
  chineseDate,
  arabicDate,
  FONT,
  LINE_PT,
  numberLine,
  PAGE,
  RED,
  SIZE,
  type Block,
  type OfficialDocument,
} from "./official-layout";

const twip = (pt: number) => Math.round(pt * 20);
/** Rounded, not floored (the package's own converter floors A4 to 11905 × 16837). */
const mmTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
const LINE = { line: twip(LINE_PT), lineRule: LineRuleType.EXACT };
/** One character of 3号 (16 pt): indents are counted in characters. */
const CHAR = twip(SIZE.body);
const TYPE_AREA = mmTwip(PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right);

function run(text: string, font: string, sizePt: number, extra: { color?: string; bold?: boolean } = {}) {
  // Chinese in the role's font, Latin letters and digits in Times New Roman, as government templates set them.
  return new TextRun({
    text,
    font: { eastAsia: font, ascii: FONT.latin, hAnsi: FONT.latin, hint: "eastAsia" },
    size: sizePt * 2,
    ...extra,
  });
}

const line = (children: TextRun[], extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) =>
  new Paragraph({ children, spacing: LINE, ...extra });
const blank = () => line([run("", FONT.body, SIZE.body)]);

function block(b: Block): Paragraph {
  const font = b.kind === "h1" ? FONT.h1 : b.kind === "h2" ? FONT.h2 : FONT.body;
  return line([run(b.text, font, SIZE.body)], {
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR },
    ...(b.kind === "p" ? {} : { keepNext: true }),
  });
}

function pageNumberFooter(side: "odd" | "even") {
  const children = [
    new TextRun({
      children: ["— ", PageNumber.CURRENT, " —"],
      font: { eastAsia: FONT.pageNumber, ascii: FONT.pageNumber, hAnsi: FONT.pageNumber },
      size: SIZE.pageNumber * 2,
    }),
  ];
  const oneChar = twip(SIZE.pageNumber);
  return new Footer({
    children: [
      side === "odd"
        ? new Paragraph({ children, alignment: AlignmentType.RIGHT, indent: { right: oneChar } })
        : new Paragraph({ children, alignment: AlignmentType.LEFT, indent: { left: oneChar } }),
    ],
  });
}

function letterhead(doc: OfficialDocument): Paragraph[] {
  return [
    line([run(doc.issuer, FONT.title, SIZE.issuer, { color: RED })], {
      alignment: AlignmentType.CENTER,
      spacing: { line: twip(SIZE.issuer * 1.5), lineRule: LineRuleType.EXACT },
    }),
    blank(),
    line([run(numberLine(doc), FONT.body, SIZE.body)], {
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
    }),
    blank(),
  ];
}

function closing(doc: OfficialDocument): Paragraph[] {
  const right = { alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } };
  const small = (text: string) => run(text, FONT.body, SIZE.pageNumber);
  return [
    blank(),
    line([run(doc.signature, FONT.body, SIZE.body)], right),
    line([run(chineseDate(doc.date), FONT.body, SIZE.body)], right),
    blank(),
    // 版记: 印发机关 left, 印发日期 right, between two rules, in 4号.
    line([small(doc.printedBy), new TextRun({ children: [new Tab()] }), small(`${arabicDate(doc.date)}印发`)], {
      tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA - twip(SIZE.pageNumber) }],
      indent: { left: twip(SIZE.pageNumber) },
      border: {
        top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 4 },
        bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 4 },
      },
    }),
  ];
}

export async function toDocx(doc: OfficialDocument): Promise<Buffer> {
  const m = PAGE.marginMm;
  const file = new Document({
    title: doc.title,
    creator: doc.issuer,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: mmTwip(PAGE.widthMm), height: mmTwip(PAGE.heightMm) },
            margin: {
              top: mmTwip(m.top),
              bottom: mmTwip(m.bottom),
              left: mmTwip(m.left),
              right: mmTwip(m.right),
              // The number's line starts 7 mm below the type area.
              footer: mmTwip(m.bottom - PAGE.pageNumberBelowMm) - twip(SIZE.pageNumber * 1.3),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: twip(LINE_PT) },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: [
          ...letterhead(doc),
          line([run(doc.title, FONT.title, SIZE.title)], {
            alignment: AlignmentType.CENTER,
            spacing: { line: twip(SIZE.title * 1.6), lineRule: LineRuleType.EXACT },
          }),
          blank(),
          line([run(doc.recipient, FONT.body, SIZE.body)]),
          ...doc.body.map(block),
          ...closing(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}
