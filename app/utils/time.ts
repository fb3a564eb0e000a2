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
