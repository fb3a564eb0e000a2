// What the documents need from the running server: the configured fonts (checked, with a clear message when one is
// missing), the letterhead, and the download response (Content-Disposition with the Chinese file name, RFC 6266 /
// RFC 5987). The builders themselves stay pure (official-layout.ts and its siblings).
import { existsSync } from "node:fs";
import { json } from "@remix-run/node";
import { env } from "../utils/env.server";
import { shanghaiDay } from "../utils/time";
import { now } from "../utils/clock.server";
import { documentNumber } from "./official-layout";
import type { FontFile, PdfFonts } from "./pdf";

export type Format = "docx" | "pdf";
export const FORMATS: Record<Format, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

const fontFile = (setting: string): FontFile => {
  const [path, face] = setting.split("#");
  return face ? { path, face } : { path };
};

const FONT_SETTINGS = {
  serif: ["DOCUMENT_FONT_SERIF", env.DOCUMENT_FONT_SERIF],
  serifBold: ["DOCUMENT_FONT_SERIF_BOLD", env.DOCUMENT_FONT_SERIF_BOLD],
  sans: ["DOCUMENT_FONT_SANS", env.DOCUMENT_FONT_SANS],
} as const;

/** The fonts a PDF embeds whose files are missing, as "SETTING (path)"; empty when all are there. */
export function missingFonts(): string[] {
  return Object.values(FONT_SETTINGS)
    .filter(([, setting]) => !existsSync(fontFile(setting).path))
    .map(([name, setting]) => `${name} (${fontFile(setting).path})`);
}

export const fontAdvice = (missing: string[]) => ({
  zh: `服务器缺少生成PDF公文所需的中文字体：${missing.join("、")}。请安装 fonts-noto-cjk（apt-get install fonts-noto-cjk），或在环境变量中指定字体文件。Word 格式不受影响。`,
  en: `The server lacks the CJK fonts PDF documents embed: ${missing.join(", ")}. Install fonts-noto-cjk (apt-get install fonts-noto-cjk) or point the settings at font files. Word files are not affected.`,
});

/** For the server's start: a warning when PDFs cannot be made (the rest of the product works without the fonts). */
export function warnIfFontsMissing(): void {
  const missing = missingFonts();
  if (!missing.length) return;
  const advice = fontAdvice(missing);
  console.warn(`警告：${advice.zh}\nWARNING: ${advice.en}`);
}

/** The fonts for a PDF, or a 503 the download answers with, in both languages, when a file is missing. */
export function pdfFonts(): PdfFonts {
  const missing = missingFonts();
  if (missing.length) throw json({ code: "DOCUMENT_FONTS_MISSING", ...fontAdvice(missing) }, { status: 503 });
  return {
    serif: fontFile(env.DOCUMENT_FONT_SERIF),
    serifBold: fontFile(env.DOCUMENT_FONT_SERIF_BOLD),
    sans: fontFile(env.DOCUMENT_FONT_SANS),
  };
}

/** What a registered document's letterhead takes from its row in the register (发文登记). */
export interface Registered {
  number: string;
  registeredAt: Date;
}

/**
 * The letterhead: the configured issuer, the 发文字号 and the 成文日期. A registered document carries its registered
 * number and the day it was registered; an unregistered one the derived number of its year (the record's place among
 * its kind), marked as a 未登记 draft, dated today (Shanghai).
 */
export async function letterhead(
  kind: "report" | "notice",
  registered: Registered | null,
  derived: { year: number; n: number },
) {
  if (registered)
    return {
      issuer: env.DOCUMENT_ISSUER,
      number: registered.number,
      draft: false,
      date: shanghaiDay(registered.registeredAt),
    };
  const prefix = kind === "report" ? env.DOCUMENT_NUMBER_PREFIX : env.DOCUMENT_NOTICE_NUMBER_PREFIX;
  return {
    issuer: env.DOCUMENT_ISSUER,
    number: documentNumber(prefix, derived.year, derived.n),
    draft: true,
    date: shanghaiDay(new Date(await now())),
  };
}

/** ?number=N is no longer taken: a number is issued by registering the document (发文登记), never typed in. */
export function refuseGivenNumber(url: URL): void {
  if (!url.searchParams.has("number")) return;
  throw json(
    {
      code: "BAD_INPUT",
      zh: "发文字号不能在下载时指定，请在“发文登记”中登记该公文，登记后下载的文件即带有登记的字号",
      en: "A document number cannot be given with the download; register the document (发文登记) and its files carry the registered number",
    },
    { status: 400 },
  );
}

/** The format a download asks for (?format=docx|pdf), or a bilingual 400. */
export function formatOf(url: URL): Format {
  const format = url.searchParams.get("format") ?? "docx";
  if (format === "docx" || format === "pdf") return format;
  throw json(
    {
      code: "BAD_INPUT",
      zh: `不支持的文件格式：${format}（可选 docx、pdf）`,
      en: `Unknown format: ${format} (docx or pdf)`,
    },
    { status: 400 },
  );
}

/**
 * The file as a download. The Chinese name goes in filename* (RFC 5987, UTF-8, percent-encoded), which every current
 * browser prefers; filename= carries an ASCII stand-in for older clients.
 */
export function documentResponse(bytes: Buffer, format: Format, name: string, asciiName: string): Response {
  const ascii = asciiName.replace(/[^A-Za-z0-9._-]/g, "-");
  const encoded = encodeURIComponent(`${name}.${format}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": FORMATS[format],
      "Content-Disposition": `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encoded}`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
