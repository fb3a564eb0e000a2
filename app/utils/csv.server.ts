// CSV exports of the pages' tables: UTF-8 with a byte-order mark so spreadsheet programs read the Chinese correctly.
export type CsvValue = string | number | boolean | null | undefined;

const quote = (v: CsvValue): string => {
  if (v === null || v === undefined) return "";
  const s = String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet; prefix it.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
}

export function csvResponse(filename: string, header: string[], rows: CsvValue[][]): Response {
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
