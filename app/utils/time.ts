// Calendar logic runs in Asia/Shanghai (UTC+8, no daylight saving).
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export function shanghaiDay(d: Date): string {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function shanghaiMonth(d: Date): number {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).getUTCMonth() + 1;
}

export function shanghaiYear(d: Date): number {
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

/** Midnight at the start of a YYYY-MM-DD day in Asia/Shanghai. */
export function startOfShanghaiDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** How Prisma's SQLite adapter stores a DateTime (ISO text with +00:00), for comparisons in raw SQL. */
export function sqliteTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/** A YYYY-MM-DD day `days` after another (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
}

/** The last day of a reporting period written 2019, 2019H1, 2019Q2 or 2019M06 (YYYY-MM-DD), or null if malformed. */
export function periodEnd(period: string): string | null {
  const m = /^(\d{4})(?:(H[12])|(Q[1-4])|M(0[1-9]|1[0-2]))?$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const lastMonth = m[2] ? Number(m[2][1]) * 6 : m[3] ? Number(m[3][1]) * 3 : m[4] ? Number(m[4]) : 12;
  // Day 0 of the following month is the last day of this one.
  return new Date(Date.UTC(year, lastMonth, 0)).toISOString().slice(0, 10);
}

/** The monthly reporting period before the one `now` falls in (e.g. 2026M10 during November 2026): it has ended. */
export function previousMonthPeriod(now = new Date()): string {
  const [year, month] = shanghaiDay(now).split("-").map(Number);
  const index = year * 12 + month - 2;
  return `${Math.floor(index / 12)}M${String((index % 12) + 1).padStart(2, "0")}`;
}
