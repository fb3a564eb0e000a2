// CSV exports of the pages' tables: UTF-8 with a byte-order mark so spreadsheet programs read the Chinese correctly.
export type CsvValue = string | number | boolean | null | undefined;

/**
 * A text cell a spreadsheet would run as a formula: one that starts with any trigger OWASP lists for CSV injection
 * (=, +, -, @, tab, carriage return), or their full-width forms, which some spreadsheet programs in Chinese locales
 * read the same way. A plain number ("-5", "3.14") is data, not a formula, and stays a number.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r＝＋－＠]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralise(text: string): string {
  return FORMULA_TRIGGER.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

const cell = (v: CsvValue): string => {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? neutralise(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
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
