// Reading what the document builders write, the way an office program would: the .docx is a zip whose
// word/document.xml holds the paragraphs (fflate, which the `docx` package itself uses, opens it); the PDF's text is
// extracted with unpdf (pdf.js), so a PDF made of pictures of text would read as nothing.
import { strFromU8, unzipSync } from "fflate";
import { extractText, getDocumentProxy } from "unpdf";

export interface DocxParagraph {
  text: string;
  /** East Asian fonts of its runs */
  fonts: string[];
  /** Run sizes in points */
  sizes: number[];
  /** w:spacing line (twips) and lineRule */
  line: { line: number; rule: string } | null;
  align: string | null;
  firstLineIndent: number | null;
  color: string | null;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => m[1]);

export function openDocx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const part = (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`${name} is not in the .docx (has: ${Object.keys(files).join(", ")})`);
    return strFromU8(f);
  };
  const xml = part("word/document.xml");
  const paragraphs: DocxParagraph[] = (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) => {
    const spacing = /<w:spacing [^>]*w:line="(\d+)" w:lineRule="(\w+)"/.exec(p);
    return {
      text: unescape(all(/<w:t[^>]*>([^<]*)<\/w:t>/g, p).join("")),
      fonts: all(/w:eastAsia="([^"]+)"/g, p),
      sizes: all(/<w:sz w:val="(\d+)"/g, p).map((half) => Number(half) / 2),
      line: spacing ? { line: Number(spacing[1]), rule: spacing[2] } : null,
      align: /<w:jc w:val="(\w+)"/.exec(p)?.[1] ?? null,
      firstLineIndent: Number(/w:firstLine="(\d+)"/.exec(p)?.[1] ?? NaN) || null,
      color: /<w:color w:val="(\w+)"/.exec(p)?.[1] ?? null,
    };
  });
  const section = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(xml)?.[0] ?? "";
  const attr = (tag: string, name: string) =>
    Number(new RegExp(`<w:${tag} [^>]*w:${name}="(\\d+)"`).exec(section)?.[1]);
  const footers = Object.keys(files)
    .filter((n) => /^word\/footer\d+\.xml$/.test(n))
    .map(part);
  return {
    paragraphs,
    texts: paragraphs.map((p) => p.text).filter(Boolean),
    page: {
      width: attr("pgSz", "w"),
      height: attr("pgSz", "h"),
      top: attr("pgMar", "top"),
      bottom: attr("pgMar", "bottom"),
      left: attr("pgMar", "left"),
      right: attr("pgMar", "right"),
    },
    footers,
    settings: part("word/settings.xml"),
    find(text: string | RegExp): DocxParagraph {
      const found = paragraphs.find((p) => (typeof text === "string" ? p.text === text : text.test(p.text)));
      if (!found) throw new Error(`no paragraph ${String(text)} in:\n${this.texts.join("\n")}`);
      return found;
    },
  };
}

export async function pdfText(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: false });
  const first = await pdf.getPage(1);
  const { width, height } = first.getViewport({ scale: 1 });
  return { pages: text, totalPages, all: text.join("\n"), width, height };
}

/** Text without the line breaks a layout put into it (a long paragraph wraps in the PDF). */
export const flat = (s: string) => s.replace(/\s+/g, "");
