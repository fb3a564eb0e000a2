// A server without the CJK fonts: PDFs are refused with a clear message in both languages (503, naming the setting
// and the package to install), the start-up warning says the same, and Word files are still made. The font settings
// are read once at start-up (app/utils/env.server.ts), so this file sets them before loading the modules.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const MISSING = "/nonexistent/fonts/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular";
let before: string | undefined;
beforeAll(() => {
  before = process.env.DOCUMENT_FONT_SANS;
  process.env.DOCUMENT_FONT_SANS = MISSING;
  vi.resetModules();
});
afterAll(() => {
  if (before === undefined) delete process.env.DOCUMENT_FONT_SANS;
  else process.env.DOCUMENT_FONT_SANS = before;
  vi.resetModules();
});

describe("without the CJK fonts", () => {
  it("answers a PDF download with a bilingual 503 that says what to install", async () => {
    const { missingFonts, pdfFonts } = await import("../../app/documents/documents.server");
    expect(missingFonts()).toEqual(["DOCUMENT_FONT_SANS (/nonexistent/fonts/NotoSansCJK-Regular.ttc)"]);
    let thrown: unknown;
    try {
      pdfFonts();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Response);
    const res = thrown as Response;
    expect(res.status).toBe(503);
    const body = (await res.json()) as { code: string; zh: string; en: string };
    expect(body.code).toBe("DOCUMENT_FONTS_MISSING");
    expect(body.zh).toMatch(/^服务器缺少生成PDF公文所需的中文字体：DOCUMENT_FONT_SANS/);
    expect(body.zh).toContain("apt-get install fonts-noto-cjk");
    expect(body.en).toContain("Install fonts-noto-cjk");
  });

  it("warns at start-up, and still makes Word files", async () => {
    const { warnIfFontsMissing } = await import("../../app/documents/documents.server");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    warnIfFontsMissing();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0][0])).toMatch(/^警告：服务器缺少[\s\S]*\nWARNING: The server lacks the CJK fonts/);
    warn.mockRestore();
    const { toDocx } = await import("../../app/documents/docx");
    const { inspectionNotice } = await import("../../app/documents/inspection-notice");
    const { HEAD, inspection } = await import("./fixtures");
    expect((await toDocx(inspectionNotice(inspection, HEAD))).length).toBeGreaterThan(1000);
  });
});
