// `npx tsx scripts/plan-dump.ts <sqlite file>`: the plan tables as JSON, rows by id, to compare two databases made
// from the same plan (the seed before and after the plan moved into a plan file). Time stamps the database writes on
// its own (Task.updatedAt) are left out: they differ between any two runs.
import Database from "better-sqlite3";

const TABLES: Record<string, string[]> = {
  Department: [],
  Area: [],
  Plan: [],
  PlanClause: [],
  TaskGroup: [],
  Task: ["updatedAt"],
  TaskAssignment: [],
  Target: [],
};

export function dumpPlanTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const [table, skip] of Object.entries(TABLES)) {
      const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY id`).all() as Record<string, unknown>[];
      out[table] = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !skip.includes(k))));
    }
    return out;
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: tsx scripts/plan-dump.ts <sqlite file>");
  process.stdout.write(JSON.stringify(dumpPlanTables(file), null, 1) + "\n");
}
