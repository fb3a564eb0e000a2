// `npm run plan:load -- <file> [--check] [--strict]`: validates a plan file and loads it into the database of
// DATABASE_URL (migrated beforehand: `npx prisma migrate deploy`). --check only validates; --strict also refuses a
// file whose `review` list still has entries (the importer's guesses nobody has checked). Errors are bilingual and
// name the line of each bad field; the exit code is 1 for a bad file, 2 for a usage error.
import { AppError, isAppError } from "../../app/utils/errors";
import { readPlanFile } from "../format/read";
import { loadPlan } from "../load";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("用法 / usage: npm run plan:load -- <plan.yaml> [--check] [--strict]");
  process.exit(2);
}

try {
  const plan = readPlanFile(file);
  const tasks = plan.taskGroups.reduce((n, g) => n + g.tasks.length, 0);
  const open = plan.review?.length ?? 0;
  console.log(
    `${file}: ${plan.code} ${plan.document.number} — ${tasks} 项任务 tasks, ${plan.departments.length} 个部门 departments, ` +
      `${plan.areas.length} 个区域 areas, ${plan.targets.length} 个目标 targets`,
  );
  if (open > 0) {
    const zh = `尚有 ${open} 处待人工核对（review）`;
    const en = `${open} review item(s) not yet checked by a person`;
    if (args.includes("--strict")) throw new AppError("INVALID_STATE", zh, en, { review: plan.review });
    console.warn(`注意 / note: ${zh} / ${en}`);
  }
  if (!args.includes("--check")) {
    const { createDb } = await import("../../app/utils/db.server");
    const db = createDb();
    try {
      await loadPlan(db, plan);
    } finally {
      await db.$disconnect();
    }
    console.log(`已装入 / loaded: ${plan.document.title}`);
  } else console.log("校验通过 / valid");
} catch (e) {
  if (e instanceof Error && "code" in e && e.code === "ENOENT") {
    console.error(`找不到文件 / no such file: ${(e as Error & { path?: string }).path ?? ""}`);
    process.exit(2);
  }
  if (isAppError(e)) console.error(`${e.zh}\n\n${e.en}`);
  else throw e;
  process.exit(1);
}
