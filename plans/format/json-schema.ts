// `npm run plan:schema`: writes plans/format/plan-file.schema.json, the JSON Schema of the plan file format, from the
// zod schema (the one definition). Editors and other tools validate plan files with it; `--check` fails when it drifts.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { FORMAT, planFileShape } from "./schema";

export const JSON_SCHEMA_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), "plan-file.schema.json");

export async function planFileJsonSchema(): Promise<string> {
  const schema = z.toJSONSchema(planFileShape, { target: "draft-2020-12", io: "input" });
  const doc = {
    ...schema,
    $id: "https://daqing.example/schemas/eco-monitoring-plan-1.json",
    title: `Plan file (${FORMAT})`,
    description:
      "一份生态环境监测网络建设工作方案 / an eco-environment monitoring network work plan (docs/plan-file.md)",
  };
  // Laid out as the repository's prettier lays out JSON, so `prettier --check .` and `--check` here agree.
  const prettier = await import("prettier");
  const options = await prettier.resolveConfig(JSON_SCHEMA_FILE);
  return prettier.format(JSON.stringify(doc), { ...options, parser: "json" });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await planFileJsonSchema();
  if (process.argv.includes("--check")) {
    if (readFileSync(JSON_SCHEMA_FILE, "utf8") !== text) {
      console.error(
        "plan-file.schema.json 已过期，请运行 npm run plan:schema / is out of date: run npm run plan:schema",
      );
      process.exit(1);
    }
  } else writeFileSync(JSON_SCHEMA_FILE, text);
}
