// `npm run plan:import -- <text file> [--out plan.yaml] [--higher higher-plan.yaml]`: proposes a plan file from the
// text of a 工作方案 (UTF-8, one paragraph a line, as seed/plan/document.zh.txt), for a person to review before
// `npm run plan:load`. Every guess is in the file's `review` list and marked `# review:` beside its field. --higher
// names the higher-level plan's file, so tasks are matched to the tasks they implement. Without --out the file goes to
// standard output. Exit code 1: a text the importer cannot read; 2: a usage error.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isAppError } from "../../app/utils/errors";
import { readPlanFile } from "../format/read";
import { planFileText } from "../format/write";
import { importPlan } from "../import";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = option("--out");
const higherFile = option("--higher");
const input = args.find((a, i) => !a.startsWith("--") && !["--out", "--higher"].includes(args[i - 1]));
if (!input) {
  console.error("用法 / usage: npm run plan:import -- <text file> [--out plan.yaml] [--higher higher-plan.yaml]");
  process.exit(2);
}

try {
  const plan = importPlan(readFileSync(input, "utf8"), { higher: higherFile ? readPlanFile(higherFile) : undefined });
  const text = planFileText(plan, importHeader(path.basename(input)));
  const open = plan.review?.length ?? 0;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
  console.error(
    `${plan.code} ${plan.document.number}: ${plan.taskGroups.reduce((n, g) => n + g.tasks.length, 0)} 项任务 tasks, ` +
      `${plan.targets.length} 个目标 targets; ${open} 处待核对 review item(s)${out ? ` → ${out}` : ""}`,
  );
} catch (e) {
  if (e instanceof Error && "code" in e && e.code === "ENOENT") {
    console.error(`找不到文件 / no such file: ${(e as Error & { path?: string }).path ?? ""}`);
    process.exit(2);
  }
  if (!isAppError(e)) throw e;
  console.error(`${e.zh}\n\n${e.en}`);
  process.exit(1);
}

function importHeader(source: string): string[] {
  return [
    `Proposed by npm run plan:import from ${source}; a person reviews it before npm run plan:load (docs/plan-file.md).`,
    "待核对 / to check: every `# review:` below, listed again under `review:` at the end; delete that list when done.",
  ];
}
