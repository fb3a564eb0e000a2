// Month ends, leap days and year ends: where a recurring schedule or a deadline goes wrong if anywhere.
import { describe, expect, it } from "vitest";
import * as c from "./calendar";

describe("calendar arithmetic", () => {
  it("adds months clamped to the month's last day: 31 January + 1 month", () => {
    expect(c.addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(c.addMonths("2028-01-31", 1)).toBe("2028-02-29"); // leap year
    expect(c.addMonths("2027-03-31", 1)).toBe("2027-04-30");
    expect(c.addMonths("2027-01-15", 1)).toBe("2027-02-15");
  });

  it("29 February: a quarter and a year later", () => {
    expect(c.addMonths("2028-02-29", 3)).toBe("2028-05-29");
    expect(c.addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(c.addMonths("2028-02-29", 48)).toBe("2032-02-29");
    expect(c.daysInMonth(2028, 2)).toBe(29);
    expect(c.daysInMonth(2100, 2)).toBe(28); // a century that is not a leap year
  });

  it("30 November + a quarter falls on the last day of February, across the year end", () => {
    expect(c.addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(c.addMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(c.addMonths("2026-12-31", 1)).toBe("2027-01-31");
    expect(c.addMonths("2026-12-15", 3)).toBe("2027-03-15");
    expect(c.addMonths("2027-01-31", -2)).toBe("2026-11-30");
  });

  it("counts a series from its first day, so month ends do not drift", () => {
    expect([1, 2, 3, 4].map((n) => c.occurrenceDate("2027-01-31", "MONTHLY", n))).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
    ]);
    expect(c.occurrenceDate("2026-11-30", "QUARTERLY", 2)).toBe("2027-02-28");
    expect(c.occurrenceDate("2026-11-30", "QUARTERLY", 3)).toBe("2027-05-30");
    expect(c.occurrenceDate("2026-12-10", "NONE", 5)).toBe("2026-12-10");
  });

  it("lists a series' days up to its end, inclusive", () => {
    expect(c.seriesDates("2026-12-10", "QUARTERLY", "2027-12-31")).toEqual([
      "2026-12-10",
      "2027-03-10",
      "2027-06-10",
      "2027-09-10",
      "2027-12-10",
    ]);
    expect(c.seriesDates("2026-12-31", "MONTHLY", "2027-02-28")).toEqual(["2026-12-31", "2027-01-31", "2027-02-28"]);
    expect(c.seriesDates("2026-12-10", "QUARTERLY", "2027-03-09")).toEqual(["2026-12-10"]);
    expect(c.seriesDates("2026-12-10", "NONE", "2027-12-31")).toEqual(["2026-12-10"]);
    expect(c.seriesDates("2026-12-10", "MONTHLY", null)).toEqual(["2026-12-10"]);
  });

  it("gives the next day of a series after occurrence n, or none once it has ended", () => {
    expect(c.nextDate("2027-01-31", "MONTHLY", 1, "2027-12-31")).toBe("2027-02-28");
    expect(c.nextDate("2027-01-31", "MONTHLY", 2, "2027-12-31")).toBe("2027-03-31");
    expect(c.nextDate("2026-12-10", "QUARTERLY", 1, "2027-03-10")).toBe("2027-03-10");
    expect(c.nextDate("2026-12-10", "QUARTERLY", 1, "2027-03-09")).toBeNull();
    expect(c.nextDate("2026-12-10", "NONE", 1, "2027-12-31")).toBeNull();
  });

  it("counts days between days across month, leap-day and year ends", () => {
    expect(c.daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(c.daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(c.daysBetween("2027-02-28", "2027-03-01")).toBe(1);
    expect(c.daysBetween("2027-01-01", "2026-12-25")).toBe(-7);
    expect(c.daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(c.daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(c.addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(c.addDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("places days in Asia/Shanghai: start, end, reminder morning, and the day of an instant", () => {
    expect(new Date(c.startOfDay("2026-12-10")).toISOString()).toBe("2026-12-09T16:00:00.000Z");
    expect(new Date(c.endOfDay("2026-12-31")).toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(new Date(c.morningBefore("2027-01-02", 3)).toISOString()).toBe("2026-12-30T01:00:00.000Z");
    expect(c.dayOf(Date.parse("2026-12-31T16:30:00Z"))).toBe("2027-01-01");
    expect(c.dayOf(Date.parse("2026-12-31T15:59:59Z"))).toBe("2026-12-31");
    expect(new Date(c.morningBefore("2027-04-15", 0)).toISOString()).toBe("2027-04-15T01:00:00.000Z");
  });

  it("knows a real calendar day from a string that only looks like one", () => {
    expect(c.isDay("2028-02-29")).toBe(true);
    expect(c.isDay("2027-02-29")).toBe(false);
    expect(c.isDay("2027-13-01")).toBe(false);
    expect(c.isDay("2027-1-01")).toBe(false);
    expect(c.iso(Date.parse("2027-01-01T00:00:00+08:00"))).toBe("2026-12-31T16:00:00.000Z");
  });
});
