// Reading a plan file: YAML → validated PlanFile, or an AppError (BAD_INPUT) whose `problems` name each bad field by
// its path and the line and column where the file has it, in Chinese and English. A person edits these files by
// hand after the importer proposes them, so an error must point at the line to fix.
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { AppError } from "../../app/utils/errors";
import { crossReferenceIssues, FORMAT, planFileShape, type PlanFile } from "./schema";

export interface Problem {
  path: string;
  line: number;
  column: number;
  zh: string;
  en: string;
}

export function readPlanFile(file: string): PlanFile {
  return parsePlanFile(readFileSync(file, "utf8"), file);
}

export function parsePlanFile(source: string, name = "plan file"): PlanFile {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    throw planFileError(
      name,
      doc.errors.map((e) => ({
        path: "",
        ...at(e.pos[0]),
        zh: `YAML 语法错误：${e.code}`,
        en: `YAML syntax error: ${e.message.split("\n")[0]}`,
      })),
    );
  }
  const data: unknown = doc.toJS();
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== FORMAT) {
    const node = doc.get("format", true) as { range?: [number, number, number] } | undefined;
    throw planFileError(name, [
      {
        path: "format",
        ...at(node?.range?.[0] ?? 0),
        zh: `不是本系统的方案文件：format 应为 ${FORMAT}，实为 ${JSON.stringify(format ?? null)}`,
        en: `not a plan file of this product: format must be ${FORMAT}, found ${JSON.stringify(format ?? null)}`,
      },
    ]);
  }
  const parsed = planFileShape.safeParse(data);
  if (!parsed.success) {
    throw planFileError(
      name,
      parsed.error.issues.map((i) => ({
        path: dotted(i.path),
        ...locate(doc, i.path, at),
        ...describe(i, doc.hasIn(i.path as (string | number)[])),
      })),
    );
  }
  const refs = crossReferenceIssues(parsed.data);
  if (refs.length > 0)
    throw planFileError(
      name,
      refs.map((r) => ({ path: dotted(r.path), ...locate(doc, r.path, at), zh: r.zh, en: r.en })),
    );
  return parsed.data;
}

function planFileError(name: string, problems: Problem[]): AppError {
  const first = problems[0];
  const where = (p: Problem) => `${name}:${p.line}:${p.column}${p.path ? ` ${p.path}` : ""}`;
  const list = (lang: "zh" | "en") => problems.map((p) => `  ${where(p)}: ${p[lang]}`).join("\n");
  return new AppError(
    "BAD_INPUT",
    `方案文件有 ${problems.length} 处错误，第一处在第 ${first.line} 行：\n${list("zh")}`,
    `the plan file has ${problems.length} problem(s), the first on line ${first.line}:\n${list("en")}`,
    { problems },
  );
}

const dotted = (path: PropertyKey[]) =>
  path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), "");

/** The innermost node the file has on the issue's path (a missing field points at its parent). */
function locate(doc: Document, path: PropertyKey[], at: (o: number) => { line: number; column: number }) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
      { range?: [number, number, number] } | undefined;
    if (node?.range) return at(node.range[0]);
  }
  return { line: 1, column: 1 };
}

const names = (values: readonly unknown[]) => values.map((v) => String(v)).join(", ");

/** zod's issue in both languages. */
function describe(i: z.core.$ZodIssue, present: boolean): { zh: string; en: string } {
  switch (i.code) {
    case "invalid_type":
      return !present
        ? { zh: "缺少必填字段", en: "missing required field" }
        : { zh: `类型应为 ${i.expected}`, en: `expected ${i.expected}` };
    case "invalid_value":
      return { zh: `取值应为以下之一：${names(i.values)}`, en: `must be one of: ${names(i.values)}` };
    case "too_small":
      return i.origin === "array"
        ? { zh: `至少需要 ${String(i.minimum)} 项`, en: `needs at least ${String(i.minimum)} item(s)` }
        : i.origin === "string"
          ? { zh: "不能为空", en: "must not be empty" }
          : { zh: `不能小于 ${String(i.minimum)}`, en: `must be at least ${String(i.minimum)}` };
    case "too_big":
      return { zh: `不能大于 ${String(i.maximum)}`, en: `must be at most ${String(i.maximum)}` };
    case "invalid_format":
      return i.format === "date"
        ? { zh: "日期格式应为 YYYY-MM-DD", en: "a date must be YYYY-MM-DD" }
        : { zh: `格式不符（${i.message}）`, en: `wrong format (${i.message})` };
    case "unrecognized_keys":
      return { zh: `未知字段：${i.keys.join("、")}`, en: `unknown field(s): ${i.keys.join(", ")}` };
    case "invalid_union":
      return {
        zh: "measure 应为 COVERAGE、RECURRING、LINKAGE、MILESTONE 之一，且只含该类目标的字段",
        en: "measure must be COVERAGE, RECURRING, LINKAGE or MILESTONE, with that measure's fields only",
      };
    default:
      return { zh: `取值无效（${i.message}）`, en: `invalid value (${i.message})` };
  }
}
