// `npm run db:seed`: the plan (always), development users (not in production) and the demo data set (unless --no-demo).
import { createDb, dialectOf } from "../app/utils/db.server";
import { env } from "../app/utils/env.server";
import { seedPlan } from "./plan";
import { seedUsers } from "./users";
import { seedDemo } from "./demo";

const noDemo = process.argv.includes("--no-demo");
const db = createDb();
const step = (s: string) => console.log(`[seed] ${s}`);
try {
  // WAL is a property of the SQLite file: set once here, readers then never wait for the writer (PostgreSQL's readers
  // never wait anyway).
  if (dialectOf(db) === "sqlite") await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  step("plan 庆政办规〔2018〕1号 …");
  await seedPlan(db);
  step(
    `plan: ${await db.task.count()} tasks, ${await db.department.count()} departments, ${await db.target.count()} targets`,
  );
  if (env.NODE_ENV !== "production") {
    await seedUsers(db);
    step(`development users: ${await db.user.count()}`);
  }
  if (!noDemo) {
    step("demo data …");
    await seedDemo(db, step);
  }
  step("done");
} finally {
  await db.$disconnect();
}
