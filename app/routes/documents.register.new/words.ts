// The words of the document register's pages (发文登记), and a download link's format.
export const REGISTER_WORDS = {
  registerTitle: ["发文登记", "Document register"],
  registerLead: [
    "专项小组发文前在此登记：每份公文取得本年度下一个发文字号，登记后下载的 Word 和 PDF 文件均带有登记的字号。",
    "The steering group registers a document before issuing it: it gets the year's next document number, which its Word and PDF files then carry.",
  ],
  registerPages: ["发文登记分页", "Register pages"],
  registerEmpty: ["尚无登记的公文", "No document registered yet"],
  year: ["年度", "Year"],
  allYears: ["全部年度", "All years"],
  badYear: ["年度必须写成四位数字，例如 2026", "The year must be four digits, e.g. 2026"],
  number: ["发文字号", "Document number"],
  documentTitle: ["标题", "Title"],
  registeredBy: ["登记人", "Registered by"],
  registeredAt: ["登记时间", "Registered at"],
  files: ["文件", "Files"],
  oneTitle: ["登记公文", "Register a document"],
  registered: ["已登记", "Registered"],
  notRegistered: ["未登记", "Not registered"],
  draftNote: [
    "尚未登记：现在下载的文件使用推算的草稿字号，并标明“草稿，未登记”。登记后字号不再改变，重复登记返回同一字号。",
    "Not registered: files downloaded now carry a derived draft number marked 草稿，未登记 (draft, not registered). Once registered the number never changes; registering again returns the same number.",
  ],
  register: ["登记并取得发文字号", "Register and take a number"],
  downloadDocx: ["下载 Word", "Download Word"],
  downloadPdf: ["下载 PDF", "Download PDF"],
  toRegister: ["发文登记簿", "The document register"],
  toDocumentRegister: ["发文登记…", "Register…"],
  badDocument: [
    "请指定一份公文：cycle（可加 task 或 department）、inspection 或 scorecardYear（可加 department）",
    "Name one document: cycle (with task or department), inspection, or scorecardYear (with department)",
  ],
} as const;

/** A download path with its format (the path may carry a query of its own). */
export const withFormat = (path: string, format: "docx" | "pdf") =>
  `${path}${path.includes("?") ? "&" : "?"}format=${format}`;

/** The register page of one document, from the same parameters its download takes. */
export function registerHref(document: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(document)) if (v !== null && v !== undefined && v !== "") query.set(k, String(v));
  return `/documents/register/new?${query}`;
}
