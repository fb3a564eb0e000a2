// CSV exports: no cell reaches a spreadsheet as a formula (OWASP's CSV-injection triggers), numbers stay numbers,
// and the quoting keeps every cell one cell. Pure functions: no server needed.
import { describe, expect, it } from "vitest";
import { csvResponse, neutralise, toCsv } from "../app/utils/csv.server";

const body = (rows: (string | number | null)[][]) =>
  toCsv(["a"], rows)
    .replace(/^\uFEFFa\r\n/, "")
    .replace(/\r\n$/, "");

describe("formula triggers", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+1+1", "'+1+1"],
    ["-1+1", "'-1+1"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['=HYPERLINK("http://evil.example","点我")', '\'=HYPERLINK("http://evil.example","点我")'],
    ["＝1+1", "'＝1+1"],
    ["-", "'-"],
    ["+5", "'+5"],
  ])("neutralises %j", (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it("leaves plain numbers, ordinary text and inner triggers alone", () => {
    for (const s of ["-5", "3.14", "-0.5", "42", "大庆市", "a=b", "PM2.5 -> 35", "2019-06-30"])
      expect(neutralise(s)).toBe(s);
  });

  it("writes the worst case as one quoted, neutralised cell", () => {
    expect(body([["-2+3+cmd|' /C calc'!A0"]])).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(body([['=1+1,"x"']])).toBe(`"'=1+1,""x"""`);
    expect(body([["\r=1+1"]])).toBe(`"'\r=1+1"`);
  });

  it("keeps numbers as numbers and nulls empty", () => {
    expect(toCsv(["n", "x", "e"], [[-5, 3.14, null]])).toBe("\uFEFFn,x,e\r\n-5,3.14,\r\n");
  });
});

describe("the response", () => {
  it("is a UTF-8 attachment that is not cached", async () => {
    const res = csvResponse("stations.csv", ["站点"], [["=cmd"]]);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="stations.csv"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the byte-order mark (text() would drop it)
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe("\uFEFF站点\r\n'=cmd\r\n");
  });
});
