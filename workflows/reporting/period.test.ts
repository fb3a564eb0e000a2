// Reporting periods: parsing, last days (month ends, leap years, year ends) and the names people read.
import { describe, expect, it } from "vitest";
import { parsePeriod, periodEnd, periodLabel } from "./period";

describe("reporting periods", () => {
  it("parses a year, a half, a quarter and a month, and nothing else", () => {
    expect(parsePeriod("2027")).toEqual({ code: "2027", year: 2027, kind: "YEAR", index: 1 });
    expect(parsePeriod("2027H2")).toMatchObject({ kind: "HALF", index: 2 });
    expect(parsePeriod("2027Q1")).toMatchObject({ kind: "QUARTER", index: 1 });
    expect(parsePeriod("2027M06")).toMatchObject({ kind: "MONTH", index: 6 });
    for (const bad of ["2027Q5", "2027H3", "2027M13", "2027M6", "2027-Q1", "27Q1", "2027q1", ""])
      expect(parsePeriod(bad), bad).toBeNull();
  });

  it("ends on the period's last day: month ends, leap years, the year's end", () => {
    expect(periodEnd("2027Q1")).toBe("2027-03-31");
    expect(periodEnd("2027Q2")).toBe("2027-06-30");
    expect(periodEnd("2027Q4")).toBe("2027-12-31");
    expect(periodEnd("2027H1")).toBe("2027-06-30");
    expect(periodEnd("2027H2")).toBe("2027-12-31");
    expect(periodEnd("2028M02")).toBe("2028-02-29");
    expect(periodEnd("2027M02")).toBe("2027-02-28");
    expect(periodEnd("2100M02")).toBe("2100-02-28"); // not a leap year (divisible by 100)
    expect(periodEnd("2000M02")).toBe("2000-02-29"); // a leap year (divisible by 400)
    expect(periodEnd("2027M11")).toBe("2027-11-30");
    expect(periodEnd("2027")).toBe("2027-12-31");
    expect(periodEnd("2027Q5")).toBeNull();
  });

  it("names periods as people do, in both languages", () => {
    expect(periodLabel("2027Q1")).toEqual({ zh: "2027年第一季度", en: "Q1 2027" });
    expect(periodLabel("2027Q4")).toEqual({ zh: "2027年第四季度", en: "Q4 2027" });
    expect(periodLabel("2027H1")).toEqual({ zh: "2027年上半年", en: "H1 2027" });
    expect(periodLabel("2027H2")).toEqual({ zh: "2027年下半年", en: "H2 2027" });
    expect(periodLabel("2027M06")).toEqual({ zh: "2027年6月", en: "June 2027" });
    expect(periodLabel("2027M12")).toEqual({ zh: "2027年12月", en: "December 2027" });
    expect(periodLabel("2027")).toEqual({ zh: "2027年度", en: "2027" });
    expect(periodLabel("junk")).toEqual({ zh: "junk", en: "junk" });
  });
});
